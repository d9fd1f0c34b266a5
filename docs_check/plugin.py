"""The documentation check's pytest plugin: its options, fixtures, and the report written when the session ends.

The root conftest loads it, so the options exist in every run; the fixtures serve e2e/test_how_to.py.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from e2e.demo import CHANNEL, PROJECT
from mock_app.testing import ThreadServer
from pages.screen import Screen

from .figures import CANNOT_COMPARE, VIEWPORT, FigureBook, committed_renderer, comparable, must_compare, renderer
from .method import gaps
from .report import write_report
from .results import MethodResult, claim_counts
from .session import RENDERER, RETAKING, figures_output
from .wire import PROPERTY, from_wire, to_wire

RESULTS = pytest.StashKey[list[MethodResult]]()
REPORT_FILES = pytest.StashKey[list[Path]]()
SKIPPED_DRIFT = pytest.StashKey[str]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("docs", "documentation check")
    group.addoption(
        "--docs-report",
        default=None,
        metavar="PREFIX",
        help="write the report to PREFIX.json and PREFIX.xml (default: <--output>/docs-report)",
    )
    group.addoption(
        "--figure-tolerance",
        type=float,
        default=0.005,
        metavar="SHARE",
        help="share of a figure's pixels that may differ from the committed one (default 0.005)",
    )


@pytest.fixture
def docs_results(request: pytest.FixtureRequest) -> Iterator[list[MethodResult]]:
    """Each method's results, sent with the test's report: the report of the run is written from them."""
    results: list[MethodResult] = []
    yield results
    request.node.user_properties += [(PROPERTY, to_wire(result)) for result in results]


class Collector:
    """Gathers the results from each test's teardown report: in this process, or from every xdist worker."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "teardown":
            found = [from_wire(value) for name, value in report.user_properties if name == PROPERTY]
            self.config.stash.setdefault(RESULTS, []).extend(found)


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(Collector(config), "docs-check-collector")


@pytest.fixture
def docs_page(page: Page) -> Page:
    """The logged-in page at the figures' size, so they come out the same on every run."""
    page.set_viewport_size(VIEWPORT)
    return page


@pytest.fixture
def screen(docs_page: Page) -> Screen:
    """The page objects for the suite's project and Integration channel (e2e.demo; E2E_PROJECT, E2E_CHANNEL)."""
    return Screen.of(docs_page, PROJECT, CHANNEL)


@pytest.fixture
def figure_book(pytestconfig: pytest.Config, mock_server: ThreadServer | None, browser: Browser) -> FigureBook:
    taken_by, committed_by = renderer(browser), committed_renderer()
    pytestconfig.stash[RENDERER] = taken_by
    retaking = pytestconfig.stash.get(RETAKING, False)
    same_renderer = comparable(taken_by, committed_by)
    if not retaking and not same_renderer:
        why = f"docs/figures were taken with {committed_by}, this run uses {taken_by}"
        if mock_server is not None and must_compare(taken_by, committed_by):
            pytest.fail(f"{why}, so no figure can be compared: {CANNOT_COMPARE}")
        pytestconfig.stash[SKIPPED_DRIFT] = why
    return FigureBook(
        output=figures_output(pytestconfig),
        # A deployment's data, or another browser's fonts, would differ anyway: keep those figures, don't compare.
        compare=not retaking and mock_server is not None and same_renderer,
        tolerance=pytestconfig.getoption("figure_tolerance"),
    )


def _results(config: pytest.Config) -> list[MethodResult]:
    """The results gathered, in the order of the methods, whichever worker finished first."""
    results: list[MethodResult] = config.stash.get(RESULTS, [])
    return sorted(results, key=lambda result: result.method.key)


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    results = _results(config)
    if not results or hasattr(config, "workerinput"):  # an xdist worker: its controller writes the report
        return
    prefix = config.getoption("docs_report", None) or str(Path(config.getoption("--output")) / "docs-report")
    base_url = config.getoption("base_url", None) or "the embedded mock app"
    config.stash[REPORT_FILES] = write_report(results, Path(prefix), base_url)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    results = _results(config)
    if not results:
        return
    terminalreporter.section("documentation check")
    counts = claim_counts(results)
    terminalreporter.write_line(", ".join(f"{count} claims {status}" for status, count in counts.items()))
    for gap in gaps(result.method for result in results):
        terminalreporter.write_line(f"gap in the how-to: {gap}")
    figures = {step.figure for result in results for step in result.steps if step.figure}
    compared = any(step.drift for result in results for step in result.steps)
    if figures:
        folders = sorted({str(Path(figure).parents[1]) for figure in figures})
        note = "compared with docs/figures" if compared else "not compared"
        if SKIPPED_DRIFT in config.stash:
            note += f": {config.stash[SKIPPED_DRIFT]}"
        terminalreporter.write_line(f"figures: {', '.join(folders)} ({note})")
    for path in config.stash.get(REPORT_FILES, []):
        terminalreporter.write_line(f"report: {path}")
