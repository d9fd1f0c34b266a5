"""The report a reviewer opens: one HTML page per document, each step with the document's figure beside the screen's,
the document's errors apart from the check's own limits, and the steps that hold folded away."""

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from PIL import Image, UnidentifiedImageError

from ..figures.naming import figure_folder
from ..steps import Document
from .results import DIFFERENCES, GAPS, LIMITS, Finding, MethodResult, StepResult
from .summary import summarise

TEMPLATES = Path(__file__).parent / "templates"
# Shown with the two figures they speak of rather than in the step's list.
FIGURE_KINDS = frozenset({"figure-stale"})
# Each status its own mark, said in words beside it: the check's limits are neither a gap nor broken.
MARKS = {
    "holds": "✓", "gap": "△", "broken": "✗", "outside app": "⊘", "cannot do": "⊝", "precondition unmet": "⊙",
    "unclear": "?", "not reached": "–",
}  # fmt: skip
ASSETS_HINT = (
    "The document's own figures were not found, so only the check's screenshots are shown: run with "
    "--how-to-assets DIR, the docs site's root, to show each of the document's figures beside the screen and "
    "judge it current or stale."
)


@dataclass(frozen=True)
class Copy:
    """An image copied beside the page."""

    src: str  # relative to the page, quoted for a URL
    size: tuple[int, int] | None  # None for SVG and the like


@dataclass(frozen=True)
class Picture:
    """One of a step's two images as the page shows it: its copy, or why there is none."""

    caption: str  # the <figcaption>
    image: Copy | None
    alt: str
    missing: str  # said in place of the image


@dataclass(frozen=True)
class StepView:
    result: StepResult
    anchor: str
    findings: list[Finding]  # where the document and the app differ
    limits: list[Finding]  # what the check itself could not do here
    figure_findings: list[Finding]
    figures: tuple[Picture, ...] | None  # None: the document shows no figure at this step

    @property
    def differences(self) -> list[Finding]:
        return self.findings + self.figure_findings

    @property
    def open(self) -> bool:
        """Shown unfolded: anything but a step that holds with nothing to say."""
        drifted = self.result.drift is not None and not self.result.drift.passed
        return self.result.status != "holds" or bool(self.result.findings) or drifted


@dataclass(frozen=True)
class MethodView:
    result: MethodResult
    anchor: str
    steps: list[StepView]
    stopped_at: StepResult | None  # the first step not reached


@dataclass(frozen=True)
class DocumentPage:
    path: Path
    document: Document
    results: list[MethodResult]

    @property
    def lacks_assets(self) -> bool:
        """The document has figures but none of them was found: the run had no --how-to-assets."""
        steps = [step for result in self.results for step in result.steps]
        return any(step.step.figures for step in steps) and not any(step.document_figure for step in steps)


class Assets:
    """Copies the images a page shows into a folder beside it, so the two can be zipped or opened from file://."""

    def __init__(self, page: Path) -> None:
        self.page = page
        self.folder = page.with_suffix("")
        shutil.rmtree(self.folder, ignore_errors=True)  # a previous run's images would linger otherwise

    def add(self, source: str | None, name: str) -> Copy | None:
        """None when there is no such file."""
        if source is None or not Path(source).is_file():
            return None
        target = self.folder / (name + Path(source).suffix.lower())
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        return Copy(quote(target.relative_to(self.page.parent).as_posix()), _size(target))


def _size(image: Path) -> tuple[int, int] | None:
    """Width and height for the <img>, so the page does not jump as images load."""
    try:
        with Image.open(image) as opened:
            return opened.width, opened.height
    except (UnidentifiedImageError, OSError):
        return None


def _captions(step: StepResult) -> str:
    return "; ".join(figure.caption or "no caption" for figure in step.step.figures) or "no figure"


def _figures(step: StepResult, key: str, assets: Assets, theirs_too: bool) -> tuple[Picture, ...] | None:
    """The document's figure and the screen's, or the screen's only when no document figure could be found."""
    if not (step.step.figures or step.figure or step.document_figure):
        return None
    number, captions = step.step.number, _captions(step)
    base = f"{key}/{number:02d}"
    theirs = assets.add(step.document_figure, f"{base}-document")
    ours = assets.add(step.figure, f"{base}-screen")
    unfound = f"figure not found: {captions}"
    if step.status == "not reached":
        unfound, absent = f"figure not looked for: {captions}", "not taken: the walk stopped before this step"
    else:
        absent = f"screenshot missing: {step.figure}" if step.figure else "no screenshot taken at this step"
    screen = Picture("The screen now", ours, f"The screen at step {number}, as the check saw it", absent)
    if not theirs_too:
        return (screen,)
    return (
        Picture("The document's figure", theirs, f"The document's figure at step {number}: {captions}", unfound),
        screen,
    )


def _method(result: MethodResult, assets: Assets, theirs_too: bool) -> MethodView:
    key = result.method.key
    steps = [
        StepView(
            step,
            f"{key}-step-{step.step.number}",
            [finding for finding in step.findings if finding.is_difference and finding.kind not in FIGURE_KINDS],
            [finding for finding in step.findings if not finding.is_difference],
            [finding for finding in step.findings if finding.kind in FIGURE_KINDS],
            _figures(step, key, assets, theirs_too),
        )
        for step in result.steps
    ]
    stopped = next((step for step in result.steps if step.status == "not reached"), None)
    return MethodView(result, key, steps, None if result.reached_end else stopped)


def _summary(results: list[MethodResult], strict: bool) -> dict[str, object]:
    summary = summarise(results, strict)
    return {
        "steps": summary.steps,
        "findings": summary.findings,
        "figures": summary.figures,
        "failing": len(summary.failures),
        "drifted": len(summary.drifted),
        "gaps": len(summary.gaps),
        "limits": len(summary.limits),
        "limited": summary.limited,
    }


def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(marks=MARKS, gap_kinds=GAPS, differences=DIFFERENCES, limit_kinds=LIMITS)
    return environment


def _pages(results: list[MethodResult], folder: Path) -> list[DocumentPage]:
    documents: dict[str, list[MethodResult]] = {}
    for result in results:
        documents.setdefault(result.document.path, []).append(result)
    return [
        DocumentPage(
            folder / f"{figure_folder(methods[0].document)}.html",
            methods[0].document,
            sorted(methods, key=lambda result: result.method.line),
        )
        for methods in documents.values()
    ]


def write_html_reports(
    results: list[MethodResult], folder: Path, strict: bool = False, base_url: str = ""
) -> list[Path]:
    """Write `<folder>/<document>.html` for each document, its images in `<folder>/<document>/`, and an
    `index.html` of them all when there are several. Returns the index first, then the pages."""
    folder.mkdir(parents=True, exist_ok=True)
    environment = _environment()
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    pages = _pages(results, folder)
    for page in pages:
        assets = Assets(page.path)
        html = environment.get_template("document.html.j2").render(
            page=page,
            methods=[_method(result, assets, not page.lacks_assets) for result in page.results],
            assets_hint=ASSETS_HINT if page.lacks_assets else None,
            summary=_summary(page.results, strict),
            strict=strict,
            base_url=base_url,
            when=when,
            index="index.html" if len(pages) > 1 else None,
        )
        page.path.write_text(html, encoding="utf-8")
    if len(pages) < 2:
        return [page.path for page in pages]
    index = folder / "index.html"
    rows = [(page, quote(page.path.name), _summary(page.results, strict)) for page in pages]
    html = environment.get_template("index.html.j2").render(
        rows=rows, summary=_summary(results, strict), strict=strict, base_url=base_url, when=when
    )
    index.write_text(html, encoding="utf-8")
    return [index] + [page.path for page in pages]
