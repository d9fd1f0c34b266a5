"""`docs-check`, the command the project's install puts beside Python: `python -m docs_check` under its own name.

None of these needs a browser: they stop at the usage, or before any test runs.
"""

import subprocess
import sys
from pathlib import Path

import pytest

import docs_check.__main__ as command

SCRIPT = Path(sys.executable).with_name("docs-check")


class Recorded:
    """Stands in for `pytest.main`: the arguments the command would run pytest with."""

    def __init__(self) -> None:
        self.runs: list[list[str]] = []

    def __call__(self, args: list[str]) -> int:
        self.runs.append(args)
        return 0


def docs_check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed command, run from `folder`, away from the checkout."""
    assert SCRIPT.is_file(), f"no {SCRIPT}: `pip install --editable '.[test]'` installs it ([project.scripts])"
    return subprocess.run([str(SCRIPT), *args], cwd=folder, capture_output=True, text=True, timeout=120)


def test_it_prints_its_usage_for_help(tmp_path: Path) -> None:
    done = docs_check(tmp_path, "--help")

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: docs-check PATH [PATH ...] [--base-url URL]")
    assert "--how-to-assets" in done.stdout


def test_without_arguments_it_prints_its_usage_on_stderr_and_exits_4(tmp_path: Path) -> None:
    done = docs_check(tmp_path, *[])

    assert done.returncode == 4
    assert done.stderr.startswith("usage: docs-check PATH")
    assert done.stdout == ""


def test_pytests_exit_code_comes_through(tmp_path: Path) -> None:
    """A how-to whose every test is deselected: pytest's 5 (no tests ran), not main's own 4 or a bare 1."""
    (tmp_path / "star.md").write_text("# Star a project\n\n1. Click **Projects**.\n")

    done = docs_check(tmp_path, "star.md", "-k", "no_such_test", "-q")

    assert done.returncode == 5, done.stdout + done.stderr
    assert "1 deselected" in done.stdout


def test_the_package_alone_asks_for_the_apps_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Installed without the checkout, there is no embedded app to serve: it says so instead of a traceback."""
    monkeypatch.setattr(command, "CHECKOUT_CONFTEST", tmp_path / "conftest.py")
    monkeypatch.setattr(pytest, "main", lambda args: pytest.fail(f"pytest ran: {args}"))

    assert command.main(["how-to.md", "-q"]) == 4
    assert "needs --base-url URL" in capsys.readouterr().err


@pytest.mark.parametrize(
    "address", [["--base-url", "https://staging.example.com"], ["--base-url=https://x"], ["-o", "base_url=https://x"]]
)
def test_the_package_alone_loads_the_plugin_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, address: list[str]
) -> None:
    """Without the checkout's conftest.py, which loads the plugin, the command loads it for pytest."""
    pytest_main = Recorded()
    monkeypatch.setattr(command, "CHECKOUT_CONFTEST", tmp_path / "conftest.py")
    monkeypatch.setattr(pytest, "main", pytest_main)

    assert command.main(["how-to.md", *address]) == 0
    (args,) = pytest_main.runs
    assert args[:2] == ["-p", "docs_check.plugin"]
    assert args[-len(address) :] == address
    assert "--how-to=how-to.md" in args


def test_from_the_checkout_the_conftest_loads_the_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest_main = Recorded()
    monkeypatch.setattr(pytest, "main", pytest_main)

    assert command.CHECKOUT_CONFTEST.is_file()
    assert command.main(["how-to.md"]) == 0
    (args,) = pytest_main.runs
    assert "docs_check.plugin" not in args
