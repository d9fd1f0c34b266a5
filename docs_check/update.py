"""`make docs`: retake the how-to's figures, copy those that changed into docs/figures, rebuild the guide.

The only code that writes into docs/, and only after the check has passed. Arguments go to pytest
(e.g. `--headed`, `--base-url URL`).
"""

import shutil
import sys
from pathlib import Path, PurePosixPath

import pytest

from .figures import FIGURES, RENDERER_FILE, compare, diff_path
from .guide import GUIDE, render
from .method import figure_name
from .session import RENDERER, RETAKING, figures_output
from .steps import METHODS

HOW_TO_TEST = Path(__file__).resolve().parents[1] / "e2e" / "test_how_to.py"


class Retaking:
    """A plugin for the session: take the figures without comparing them; note where and with which browser."""

    def __init__(self) -> None:
        self.output: Path | None = None
        self.renderer: str | None = None

    def pytest_configure(self, config: pytest.Config) -> None:
        config.stash[RETAKING] = True
        self.output = figures_output(config)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.renderer = session.config.stash.get(RENDERER, None)


def every_figure() -> list[PurePosixPath]:
    return [figure_name(method, number, step) for method in METHODS for number, step in method.numbered()]


def copy_changed(output: Path) -> None:
    """Copy a new figure over the committed one only when some pixel really changed: rendering noise changes
    a few bytes from run to run."""
    for figure in every_figure():
        new, committed = output / figure, FIGURES / figure
        if compare(committed, new, 0, diff_path(new)).changed != 0:
            committed.parent.mkdir(parents=True, exist_ok=True)  # `make docs` works from an empty docs/figures
            shutil.copyfile(new, committed)
            print(f"Updated {committed}")


def remove_stale() -> None:
    """A step was renamed or removed: its old figure would only mislead."""
    for stale in sorted(set(FIGURES.rglob("*.png")) - {FIGURES / figure for figure in every_figure()}):
        stale.unlink()
        print(f"Removed {stale}, which no step takes any more")


def main(argv: list[str]) -> int:
    retaking = Retaking()
    # One process: the figures are retaken in this session, which the plugin above watches.
    status = pytest.main([str(HOW_TO_TEST), "-m", "docs", "-p", "no:xdist", *argv], plugins=[retaking])
    if status != pytest.ExitCode.OK or not retaking.output or not retaking.renderer:
        print("The documentation check did not pass: docs/ is left as it was.", file=sys.stderr)
        return int(status) or 1
    missing = [str(retaking.output / figure) for figure in every_figure() if not (retaking.output / figure).exists()]
    if missing:
        print("The check took no figure for these steps:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    copy_changed(retaking.output)
    remove_stale()
    RENDERER_FILE.write_text(retaking.renderer + "\n")
    GUIDE.write_text(render(GUIDE))
    print(f"Wrote {RENDERER_FILE} and {GUIDE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
