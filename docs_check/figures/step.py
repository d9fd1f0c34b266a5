"""The figure work of one step: our screenshot of the moment, and the document's own figure of it, judged."""

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from playwright.sync_api import Locator, Page

from ..steps import Document, Step
from .assets import locate
from .book import Drift, FigureBook
from .judge import judge, read_moment
from .ocr import engine


@dataclass(frozen=True)
class StepFigures:
    taken: str  # our screenshot
    drift: Drift | None  # against the committed one, where compared
    theirs: str | None  # the document's own image, where found
    stale: list[str] | None  # what changed, where the document's image was judged; [] when current


def take_step_figures(
    book: FigureBook,
    page: Page,
    name: PurePosixPath,
    step: Step,
    document: Document,
    outline: Locator,
    redact: list[Locator],
    whole_page: bool,
    assets: Path | None,
) -> StepFigures:
    theirs = next((found for figure in step.figures if (found := locate(figure, document, assets))), None)
    moment = read_moment(page, whole_page) if theirs and engine() is not None else None  # only what is judged
    taken, drift = book.take(page, name, outline, redact, full_page=whole_page)
    changes = None
    if theirs and moment:
        verdict = judge(theirs, Path(taken), *moment)
        changes = list(verdict.changes) if verdict.stale else []
    return StepFigures(taken, drift, str(theirs) if theirs else None, changes)
