"""`make docs`: retake the project's own how-to's figures and copy those that changed into docs/figures.

The only code that writes into docs/, and only after the check of docs/regenerate-api-key.md has passed.
Arguments go to pytest (e.g. `--headed`, `--base-url URL`).
"""

import shutil
import sys
from pathlib import Path, PurePosixPath

import pytest

from .figures import FIGURES, RENDERER_FILE, compare, diff_path
from .reading import Document, read
from .session import DEFAULT_HOW_TO, RENDERER, RETAKING, figure_folder, figures_output
from .walk import figure_name

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


def every_figure(document: Document) -> list[PurePosixPath]:
    """The screenshots the check takes of the document: one for each step that has a figure."""
    return [figure_name(method, step) for method in document.methods for step in method.steps if step.figures]


def copy_changed(output: Path, figures: list[PurePosixPath]) -> None:
    """Copy a new figure over the committed one only when some pixel really changed: rendering noise changes
    a few bytes from run to run."""
    for figure in figures:
        new, committed = output / figure, FIGURES / figure
        if compare(committed, new, 0, diff_path(new)).changed != 0:
            committed.parent.mkdir(parents=True, exist_ok=True)  # `make docs` works from an empty docs/figures
            shutil.copyfile(new, committed)
            print(f"Updated {committed}")


def remove_stale(figures: list[PurePosixPath]) -> None:
    """A step was renamed or removed: its old figure would only mislead."""
    for stale in sorted(set(FIGURES.rglob("*.png")) - {FIGURES / figure for figure in figures}):
        stale.unlink()
        print(f"Removed {stale}, which no step takes any more")


def main(argv: list[str]) -> int:
    retaking = Retaking()
    document = read(DEFAULT_HOW_TO)
    # One process: the figures are retaken in this session, which the plugin above watches.
    args = [str(HOW_TO_TEST), "-m", "docs", "-p", "no:xdist", "--how-to", str(DEFAULT_HOW_TO), *argv]
    status = pytest.main(args, plugins=[retaking])
    if status != pytest.ExitCode.OK or not retaking.output or not retaking.renderer:
        print("The documentation check did not pass: docs/ is left as it was.", file=sys.stderr)
        return int(status) or 1
    output, figures = retaking.output / figure_folder(document), every_figure(document)
    missing = [str(output / figure) for figure in figures if not (output / figure).exists()]
    if missing:
        print("The check took no figure for these steps:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    copy_changed(output, figures)
    remove_stale(figures)
    RENDERER_FILE.write_text(retaking.renderer + "\n")
    print(f"Wrote {RENDERER_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
