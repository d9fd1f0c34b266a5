"""A walk's results made up for the report's tests: e2e/docs_check/how-tos/tile-route.md with a gap, failures, a stale
figure, a figure the document's images lack, a step the check could not do, a note, and a stop before its last
steps."""

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from docs_check.report.results import Finding, FindingKind, MethodResult, StepResult
from docs_check.steps import read

HOW_TOS = Path(__file__).resolve().parents[1] / "e2e" / "docs_check" / "how-tos"
FIGURE_SIZE = (300, 200)
STALE_MESSAGE = "the document's figure shows a menu the screen no longer has"
LIMIT_MESSAGE = "the check cannot tell which tile is the reader's: it walked on the active project"
NOTE = "walked on project Demo Project and channel Integration"
WHY = "step 8 is broken: nothing to click"


@dataclass(frozen=True)
class Walked:
    result: MethodResult
    stale: StepResult  # both figures, the document's judged stale
    current: StepResult  # both figures, the document's judged current
    unfound: StepResult  # our screenshot only: the document's image was not found
    unreached: StepResult  # has a figure, but the walk stopped before it
    limited: StepResult  # the check could not do it: its own limit, not the document's error

    @property
    def shown(self) -> list[StepResult]:
        """The steps that show both images."""
        return [self.current, self.stale]


def png(path: Path, colour: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", FIGURE_SIZE, colour).save(path)
    return str(path)


def _note(step: StepResult, kind: FindingKind, message: str) -> None:
    step.findings.append(Finding(kind, step.step.line, "words", None, message))


def walked(folder: Path, fixture: str = "tile-route.md") -> Walked:
    """Steps 1 and 3 have both images (3's is stale), 2 the check cannot do, 4 a gap, 5 and 8 fail, 6 lacks the
    document's image; the walk stops at 8, so 9 to 11 are not reached."""
    document = read(HOW_TOS / fixture)
    method = document.methods[0]
    steps = [StepResult(step) for step in method.steps]
    current, limited, stale, unfound, unreached = steps[0], steps[1], steps[2], steps[5], steps[10]
    for step in (current, stale):
        step.figure = png(folder / "taken" / f"{step.step.number}.png", "#3a6ea5")
        step.document_figure = png(folder / "document" / f"{step.step.number}.png", "#e8e8e8")
    current.judged, stale.judged = "current", "stale"
    _note(stale, "figure-stale", STALE_MESSAGE)
    unfound.figure = png(folder / "taken" / "6.png", "#3a6ea5")
    _note(steps[3], "name-differs", 'the text says "Settings"; the screen shows menuitem `Settings...`')
    _note(steps[4], "position", "the text puts it on the left side; it is on the right")
    _note(steps[7], "not-on-screen", 'no control or text named "<b>Regenerate</b>" on screen')
    _note(limited, "cannot-do", LIMIT_MESSAGE)
    for step in steps[:8]:
        step.settle()
    for step in steps[8:]:
        step.why = WHY
    result = MethodResult(document, method, steps, reached_end=False, notes=[NOTE])
    return Walked(result, stale, current, unfound, unreached, limited)
