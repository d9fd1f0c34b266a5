"""The documentation check's pytest plugin: its options, one test per document and method, the report.

The root conftest loads it, so the options exist in every run; e2e/test_how_to.py holds the test.
`--how-to PATH` (repeatable) names the documents; without it the project's own how-to is checked.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from pages.screen import Screen
from testkit.serving import ThreadServer

from .figures import (
    CANNOT_COMPARE,
    FIGURES,
    VIEWPORT,
    FigureBook,
    committed_renderer,
    comparable,
    must_compare,
    renderer,
)
from .html_report import write_html_reports
from .ocr import NO_OCR, engine
from .reading import Document, Method, read
from .reading.reader import UnreadableDocument
from .report import counts, write_report
from .results import MethodResult
from .session import DEFAULT_HOW_TO, RENDERER, RETAKING, figure_folder, figures_output, is_default
from .wire import PROPERTY, from_wire, to_wire

DOCUMENTS = pytest.StashKey[list[Document]]()
RESULTS = pytest.StashKey[list[MethodResult]]()
REPORT_FILES = pytest.StashKey[list[Path]]()
SKIPPED_DRIFT = pytest.StashKey[str]()
DocumentMethod = tuple[Document, Method]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("docs", "documentation check")
    group.addoption(
        "--how-to",
        action="append",
        default=[],
        metavar="PATH",
        help="a how-to to check (MDX, Markdown, a built HTML page or plain text); repeat for more "
        f"(default: {DEFAULT_HOW_TO.relative_to(DEFAULT_HOW_TO.parents[1])})",
    )
    group.addoption(
        "--docs-strict",
        action="store_true",
        help="fail on gaps too: a word written differently from the screen, a step the text leaves out",
    )
    group.addoption(
        "--how-to-assets",
        default=None,
        metavar="DIR",
        type=Path,
        help="where the documents' images live (a docs site's root, with static/ or assets/): each figure is "
        "then shown beside the screen in the report and, with an OCR engine, judged current or stale",
    )
    group.addoption(
        "--docs-report",
        default=None,
        metavar="PREFIX",
        help="write the report to PREFIX.json, PREFIX.xml and PREFIX/*.html (default: <--output>/docs-report)",
    )
    group.addoption(
        "--figure-tolerance",
        type=float,
        default=0.005,
        metavar="SHARE",
        help="share of a figure's pixels that may differ from the committed one (default 0.005)",
    )


def read_documents(config: pytest.Config) -> list[Document]:
    """The documents of this run: a missing or unreadable one ends the run before any test, saying why."""
    paths = [Path(path) for path in config.getoption("how_to")] or [DEFAULT_HOW_TO]
    found = []
    for path in paths:
        if not path.is_file():
            raise pytest.UsageError(f"--how-to {path}: no such file")
        try:
            found.append(read(path))
        except UnreadableDocument as error:
            raise pytest.UsageError(f"--how-to {error}") from error
    return found


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "how_to_method" not in metafunc.fixturenames:
        return
    if DOCUMENTS not in metafunc.config.stash:
        metafunc.config.stash[DOCUMENTS] = read_documents(metafunc.config)
    cases = [(document, method) for document in metafunc.config.stash[DOCUMENTS] for method in document.methods]
    ids = [f"{Path(document.path).name}-{method.key}" for document, method in cases]
    metafunc.parametrize("how_to_method", cases, ids=ids)


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
    assets = config.getoption("how_to_assets")
    if assets is not None and not assets.is_dir():
        raise pytest.UsageError(f"--how-to-assets {assets}: no such folder")
    if config.getoption("how_to"):
        config.stash[DOCUMENTS] = read_documents(config)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that walks the screen (the `screen` fixture) gets pytest-playwright's context marker for the
    figures' size, so they come out the same on every run; a marker of the test's own comes first."""
    for item in items:
        if "screen" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser_context_args(viewport=VIEWPORT), append=True)


@pytest.fixture
def screen(page: Page, how_to_project: str, how_to_channel: str) -> Screen:
    """The page objects for the project and Integration channel a how-to is walked on.

    The suite using the check provides `how_to_project` and `how_to_channel` (e2e/conftest.py does)."""
    return Screen.of(page, how_to_project, how_to_channel)


@pytest.fixture
def figure_book(
    pytestconfig: pytest.Config, mock_server: ThreadServer | None, browser: Browser, how_to_method: DocumentMethod
) -> FigureBook:
    """The figures of one document: compared with docs/figures for the project's own how-to only."""
    document, _ = how_to_method
    taken_by, committed_by = renderer(browser), committed_renderer()
    pytestconfig.stash[RENDERER] = taken_by
    retaking = pytestconfig.stash.get(RETAKING, False)
    same_renderer = comparable(taken_by, committed_by)
    if is_default(document) and not retaking and not same_renderer:
        why = f"docs/figures were taken with {committed_by}, this run uses {taken_by}"
        if mock_server is not None and must_compare(taken_by, committed_by):
            pytest.fail(f"{why}, so no figure can be compared: {CANNOT_COMPARE}")
        pytestconfig.stash[SKIPPED_DRIFT] = why
    return FigureBook(
        output=figures_output(pytestconfig) / figure_folder(document),
        # A deployment's data, or another browser's fonts, would differ anyway: keep those figures, don't compare.
        compare=is_default(document) and not retaking and mock_server is not None and same_renderer,
        tolerance=pytestconfig.getoption("figure_tolerance"),
        committed=FIGURES,
    )


def _results(config: pytest.Config) -> list[MethodResult]:
    """The results gathered, in the order of the documents and methods, whichever worker finished first."""
    results: list[MethodResult] = config.stash.get(RESULTS, [])
    return sorted(results, key=lambda result: (result.document.path, result.method.line))


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    results = _results(config)
    if not results or hasattr(config, "workerinput"):  # an xdist worker: its controller writes the report
        return
    prefix = config.getoption("docs_report", None) or str(Path(config.getoption("--output")) / "docs-report")
    base_url = config.getoption("base_url", None) or "the embedded mock app"
    strict = config.getoption("docs_strict", False)
    # The pages a reviewer opens go in a folder named like the JSON and XML files, with their images.
    pages = write_html_reports(results, Path(prefix), strict, base_url)
    config.stash[REPORT_FILES] = write_report(results, Path(prefix), base_url, strict) + pages


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    results = _results(config)
    if not results:
        return
    terminalreporter.section("documentation check")
    documents = len({result.document.path for result in results})
    tally = counts(results)
    steps = ", ".join(f"{count} {status}" for status, count in tally["steps"].items() if count)
    terminalreporter.write_line(f"{documents} document(s), {len(results)} method(s); steps: {steps}")
    strict = config.getoption("docs_strict", False)
    for result in results:
        for finding in result.findings:
            terminalreporter.write_line(
                result.describe(finding), red=finding.fails(strict), yellow=not finding.fails(strict)
            )
    judged = [step.judged for result in results for step in result.steps if step.judged]
    if config.getoption("how_to_assets"):
        stale = judged.count("stale")
        said = f"{len(judged) - stale} current, {stale} stale" if engine() else f"not judged: {NO_OCR}"
        terminalreporter.write_line(f"document figures: {said}")
    compared = any(step.drift for result in results for step in result.steps)
    if any(step.figure for result in results for step in result.steps):
        note = "compared with docs/figures" if compared else "not compared"
        if SKIPPED_DRIFT in config.stash:
            note += f": {config.stash[SKIPPED_DRIFT]}"
        terminalreporter.write_line(f"figures: {figures_output(config)} ({note})")
    for path in config.stash.get(REPORT_FILES, []):
        terminalreporter.write_line(f"report: {path}")
