"""The documentation check's HTML report, opened from the file system as a reviewer opens it: each step with its
two figures, a stale figure's finding beside them, the steps that hold folded until opened, the check's own
limits with their own badge, no serious accessibility violation at 1280 px or on a phone."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from docs_check.report.html import MARKS, write_html_reports
from docs_check.report.results import StepResult
from testkit.walked_results import FIGURE_SIZE, LIMIT_MESSAGE, STALE_MESSAGE, Walked, walked

pytestmark = pytest.mark.docs

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class ReportStep:
    """One step of the report as a reader finds it: by its heading, its two figures, what was found beside them."""

    def __init__(self, page: Page, step: StepResult) -> None:
        number = step.step.number
        name = f"Step {number} · line {step.step.line}"
        self.section = page.get_by_role("region", name=name)
        self.heading = self.section.get_by_role("heading", name=name)
        self.text = self.section.get_by_text(step.step.text)
        self.status = self.section.get_by_text(f"{MARKS[step.status]} {step.status}", exact=True)
        self.figures = self.section.get_by_role("group", name=f"Figures of step {number}")
        self.document_figure = self.figures.get_by_role("figure", name="The document's figure")
        self.screen_figure = self.figures.get_by_role("figure", name="The screen now")
        self.figure_findings = self.figures.get_by_role("listitem")
        self.limits = self.section.get_by_role("list", name="The check's own limits here, not the document's errors:")

    def unfold(self) -> None:
        """Open a step that holds, folded to its line and text, as a reader does: by its heading."""
        if self.figures.is_hidden():
            self.heading.click()


@pytest.fixture
def walk(tmp_path: Path) -> Walked:
    return walked(tmp_path / "run")


@pytest.fixture
def report(page: Page, walk: Walked, tmp_path: Path) -> Page:
    """The report of `walk`, written into its own folder and opened from there with no server."""
    (written,) = write_html_reports([walk.result], tmp_path / "docs-report", strict=False)
    page.goto(written.as_uri())
    return page


def test_each_step_is_found_by_its_line(report: Page, walk: Walked) -> None:
    for step in walk.result.steps:
        expect(ReportStep(report, step).section).to_be_visible()


def test_both_figures_of_a_step_load_from_beside_the_page(report: Page, walk: Walked) -> None:
    for step in walk.shown:
        shown = ReportStep(report, step)
        shown.unfold()
        for figure in (shown.document_figure, shown.screen_figure):
            image = figure.get_by_role("img")
            expect(image).to_be_visible()
            expect(image).to_have_js_property("naturalWidth", FIGURE_SIZE[0])


def test_a_stale_figures_finding_is_shown_next_to_its_figures(report: Page, walk: Walked) -> None:
    stale = ReportStep(report, walk.stale)

    finding = stale.figure_findings.filter(has_text="figure-stale")

    expect(finding).to_contain_text(STALE_MESSAGE)
    expect(finding).to_contain_text("gap")
    expect(ReportStep(report, walk.current).figure_findings).to_have_count(0)


def test_a_step_that_holds_shows_its_line_and_text_and_opens_on_its_heading(report: Page, walk: Walked) -> None:
    holds = ReportStep(report, walk.current)
    expect(holds.text).to_be_visible()
    expect(holds.figures).to_be_hidden()

    holds.heading.click()

    expect(holds.figures).to_be_visible()


def test_a_step_the_check_could_not_do_has_its_own_badge_and_its_limit_apart(report: Page, walk: Walked) -> None:
    limited = ReportStep(report, walk.limited)

    expect(limited.status).to_be_visible()
    expect(limited.status).to_have_text("⊝ cannot do")
    expect(limited.limits.get_by_role("listitem")).to_contain_text(LIMIT_MESSAGE)
    expect(limited.section.get_by_role("list", name="The document's errors at step 2")).to_have_count(0)


@pytest.mark.parametrize(
    "width",
    [
        pytest.param(DESKTOP["width"], marks=pytest.mark.browser_context_args(viewport=DESKTOP)),
        pytest.param(PHONE["width"], marks=pytest.mark.browser_context_args(viewport=PHONE)),
    ],
)
def test_the_report_has_no_serious_accessibility_violations(report: Page, width: int) -> None:
    expect(report.get_by_role("heading", name="Summary")).to_be_visible()

    results = Axe().run(report)

    assert report.viewport_size and report.viewport_size["width"] == width
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes']]}" for v in serious
    )


@pytest.mark.browser_context_args(viewport=PHONE)
def test_the_report_does_not_scroll_sideways_on_a_phone(report: Page) -> None:
    expect(report.get_by_role("heading", name="Summary")).to_be_visible()

    widths = report.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")

    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"
