"""`make docs`: retake the host project's own how-to's figures and copy those that changed into its committed
figures folder (its pytest settings `how_to_default` and `how_to_figures`).

The only code that writes there, and only after the check of that how-to has passed. Arguments go to pytest
(e.g. `--headed`, `--base-url URL`, or the host's test module that runs the check).
"""

import shutil
import sys
from pathlib import Path, PurePosixPath

import pytest

from ..session import RENDERER, RETAKING, committed_figures, default_how_to, figures_output, shown_as
from ..steps import read
from .book import RENDERER_FILE, compare, diff_path
from .naming import every_figure, figure_folder

CHECK = Path(__file__).resolve().parents[1] / "test_how_tos.py"  # the check's own test module


class Retaking:
    """A plugin for the session: take the figures without comparing them; note where, with which browser, and
    the host's how-to and figures folder."""

    def __init__(self) -> None:
        self.output: Path | None = None
        self.renderer: str | None = None
        self.how_to: Path | None = None
        self.figures: Path | None = None
        self.shown_as = ""  # how the check named the how-to: its figures' folder is named after it

    def pytest_configure(self, config: pytest.Config) -> None:
        config.stash[RETAKING] = True
        self.output = figures_output(config)
        self.how_to, self.figures = default_how_to(config), committed_figures(config)
        if self.how_to:
            self.shown_as = shown_as(self.how_to, config)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.renderer = session.config.stash.get(RENDERER, None)


def copy_changed(output: Path, committed: Path, figures: list[PurePosixPath]) -> None:
    """Copy a new figure over the committed one only when some pixel really changed: rendering noise changes
    a few bytes from run to run."""
    for figure in figures:
        new, old = output / figure, committed / figure
        if compare(old, new, 0, diff_path(new)).changed != 0:
            old.parent.mkdir(parents=True, exist_ok=True)  # `make docs` works from an empty figures folder
            shutil.copyfile(new, old)
            print(f"Updated {old}")


def remove_stale(committed: Path, figures: list[PurePosixPath]) -> None:
    """A step was renamed or removed: its old figure would only mislead."""
    for stale in sorted(set(committed.rglob("*.png")) - {committed / figure for figure in figures}):
        stale.unlink()
        print(f"Removed {stale}, which no step takes any more")


def main(argv: list[str]) -> int:
    retaking = Retaking()
    # One process: the figures are retaken in this session, which the plugin above watches.
    named = any(arg.endswith(".py") for arg in argv)  # a host suite's module that runs the check's test
    args = [*([] if named else [str(CHECK)]), "-p", "no:xdist", *argv]
    status = pytest.main(args, plugins=[retaking])
    how_to, committed = retaking.how_to, retaking.figures
    if how_to is None or committed is None:
        print("The project names no how_to_default and how_to_figures in its pytest settings.", file=sys.stderr)
        return 4
    if status != pytest.ExitCode.OK or not retaking.output or not retaking.renderer:
        print("The documentation check did not pass: the figures are left as they were.", file=sys.stderr)
        return int(status) or 1
    document = read(how_to, retaking.shown_as)
    output, figures = retaking.output / figure_folder(document), every_figure(document)
    missing = [str(output / figure) for figure in figures if not (output / figure).exists()]
    if missing:
        print("The check took no figure for these steps:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    copy_changed(output, committed, figures)
    remove_stale(committed, figures)
    (committed / RENDERER_FILE).write_text(retaking.renderer + "\n")
    print(f"Wrote {committed / RENDERER_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
