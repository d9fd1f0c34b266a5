"""The documentation check's pytest plugin: its options, one test per document and method, the report.

Its inputs are the documents (`--how-to PATH`, or the host's `how_to_default` setting) and the app's address
(pytest-playwright's `--base-url`). A host suite may override the fixtures `how_to_project`, `how_to_channel`,
`how_to_account` and `how_to_compares_figures`; their defaults read the E2E_* variables of the README.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from mock_app.seed import DEMO_ACCOUNT
from pages.login_page import LoginPage
from pages.screen import Screen

from .figures.book import CANNOT_COMPARE, VIEWPORT, FigureBook, committed_renderer, comparable, must_compare, renderer
from .figures.naming import figure_folder
from .figures.ocr import NO_OCR, engine
from .reading import UnreadableDocument
from .report.files import write_report
from .report.html import write_html_reports
from .report.results import MethodResult
from .report.summary import Summary, summarise
from .report.wire import PROPERTY, from_wire, to_wire
from .session import (
    RENDERER,
    RETAKING,
    add_settings,
    committed_figures,
    default_how_to,
    figures_output,
    is_default,
    shown_as,
)
from .steps import Document, Method, read

DOCUMENTS = pytest.StashKey[list[Document]]()
RESULTS = pytest.StashKey[list[MethodResult]]()
SUMMARY = pytest.StashKey[Summary]()
REPORT_FILES = pytest.StashKey[list[Path]]()
SKIPPED_DRIFT = pytest.StashKey[str]()
DocumentMethod = tuple[Document, Method]


def pytest_addoption(parser: pytest.Parser) -> None:
    add_settings(parser)
    group = parser.getgroup("docs", "documentation check")
    group.addoption(
        "--how-to",
        action="append",
        default=[],
        metavar="PATH",
        help="a how-to to check (MDX, Markdown, a built HTML page or plain text); repeat for more "
        "(default: the project's how_to_default setting)",
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
        help="the docs site's root, with static/ or assets/: each document's figures are then shown beside the "
        "screen in the report and, with an OCR engine, judged current or stale; documents below it are named "
        "relative to it",
    )
    group.addoption(
        "--docs-report",
        default=None,
        metavar="PREFIX",
        help="write the report to PREFIX.json, PREFIX.xml and PREFIX/*.html (default: <--output>/docs-report)",
    )
    group.addoption(
        "--claim-timeout",
        type=float,
        default=2500,
        metavar="MS",
        help="how long the walk waits for what the text says follows a step (default 2500 ms); every other wait "
        "is the E2E_TIMEOUT_MS setting (default 10000 ms)",
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
    named = [Path(path) for path in config.getoption("how_to")]
    default = default_how_to(config)
    if not named and default is None:
        raise pytest.UsageError("name a how-to to check with --how-to PATH")
    found = []
    for path in named or [Path(str(default))]:
        if not path.is_file():
            raise pytest.UsageError(f"--how-to {path}: no such file")
        try:
            found.append(read(path, shown_as(path, config)))
        except UnreadableDocument as error:
            raise pytest.UsageError(f"--how-to {error}") from error
    return found


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_Collector(config), "docs-check-collector")
    config.addinivalue_line("markers", "docs: the documentation check (a how-to's claims and figures)")
    assets = config.getoption("how_to_assets")
    if assets is not None and not assets.is_dir():
        raise pytest.UsageError(f"--how-to-assets {assets}: no such folder")
    if config.getoption("how_to"):
        config.stash[DOCUMENTS] = read_documents(config)


def _documents(config: pytest.Config) -> list[Document]:
    if DOCUMENTS not in config.stash:
        config.stash[DOCUMENTS] = read_documents(config)
    return config.stash[DOCUMENTS]


def case_id(document: Document, method: Method) -> str:
    """A test's id: the document's path as reports name it, so that two documents of one name stay apart
    ("channels/add.mdx-method-1")."""
    return f"{document.path}-{method.key}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "how_to_method" not in metafunc.fixturenames:
        return
    cases = [(document, method) for document in _documents(metafunc.config) for method in document.methods]
    ids = [case_id(document, method) for document, method in cases]
    metafunc.parametrize("how_to_method", cases, ids=ids)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that walks the screen (the `screen` fixture) gets pytest-playwright's context marker for the
    figures' size, so they come out the same on every run; a marker of the test's own comes first."""
    for item in items:
        if "screen" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser_context_args(viewport=VIEWPORT), append=True)


@pytest.fixture
def docs_results(pytestconfig: pytest.Config, request: pytest.FixtureRequest) -> Iterator[list[MethodResult]]:
    """Each method's results: kept for the run's report, or sent with the test's report from an xdist worker."""
    results: list[MethodResult] = []
    yield results
    if hasattr(pytestconfig, "workerinput"):
        request.node.user_properties += [(PROPERTY, to_wire(result)) for result in results]
    else:
        pytestconfig.stash.setdefault(RESULTS, []).extend(results)


class _Collector:
    """On the xdist controller: the results each worker sent with its test's teardown report."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when != "teardown" or hasattr(self.config, "workerinput"):
            return
        sent = [value for name, value in report.user_properties if name == PROPERTY]
        if sent:
            documents = {document.path: document for document in _documents(self.config)}
            self.config.stash.setdefault(RESULTS, []).extend(from_wire(value, documents) for value in sent)


@pytest.fixture(scope="session")
def how_to_project() -> str:
    """The project a how-to is walked on: the account's active one (E2E_PROJECT)."""
    return os.environ.get("E2E_PROJECT", DEMO_ACCOUNT.active_project)


@pytest.fixture(scope="session")
def how_to_channel() -> str:
    """The Integration channel whose key the walk regenerates (E2E_CHANNEL)."""
    return os.environ.get("E2E_CHANNEL", DEMO_ACCOUNT.integration_channel)


@pytest.fixture(scope="session")
def how_to_account() -> tuple[str, str]:
    """Who the walk logs in as where the page is not logged in yet (E2E_DEMO_EMAIL, E2E_DEMO_PASSWORD)."""
    return (
        os.environ.get("E2E_DEMO_EMAIL", DEMO_ACCOUNT.email),
        os.environ.get("E2E_DEMO_PASSWORD", DEMO_ACCOUNT.password),
    )


@pytest.fixture(scope="session")
def how_to_compares_figures() -> bool:
    """Whether the host's own how-to's figures are compared with its committed ones: only on the host's own
    data (a host that serves its app overrides this); a deployment's data would differ anyway."""
    return False


@pytest.fixture
def screen(page: Page, how_to_project: str, how_to_channel: str, how_to_account: tuple[str, str]) -> Screen:
    """The page objects for the project and Integration channel a how-to is walked on, logged in."""
    shown = Screen.of(page, how_to_project, how_to_channel)
    page.set_default_timeout(float(os.environ.get("E2E_TIMEOUT_MS", "10000")))
    if not page.context.cookies():  # a host suite may hand over a page already logged in
        LoginPage(page).open().log_in(*how_to_account)
        expect(shown.header.profile_button).to_be_visible()
    return shown


@pytest.fixture
def figure_book(
    pytestconfig: pytest.Config, how_to_compares_figures: bool, browser: Browser, how_to_method: DocumentMethod
) -> FigureBook:
    """The figures of one document: compared with the committed ones for the host's own how-to only."""
    document, _ = how_to_method
    committed = committed_figures(pytestconfig)
    taken_by, committed_by = renderer(browser), committed_renderer(committed)
    pytestconfig.stash[RENDERER] = taken_by
    retaking = pytestconfig.stash.get(RETAKING, False)
    same_renderer = comparable(taken_by, committed_by)
    own = is_default(document, pytestconfig) and committed is not None
    if own and not retaking and not same_renderer:
        why = f"the committed figures were taken with {committed_by}, this run uses {taken_by}"
        if how_to_compares_figures and must_compare(taken_by, committed_by):
            pytest.fail(f"{why}, so no figure can be compared: {CANNOT_COMPARE}")
        pytestconfig.stash[SKIPPED_DRIFT] = why
    return FigureBook(
        output=figures_output(pytestconfig) / figure_folder(document),
        # A deployment's data, or another browser's fonts, would differ anyway: keep those figures, don't compare.
        compare=own and not retaking and how_to_compares_figures and same_renderer,
        tolerance=pytestconfig.getoption("figure_tolerance"),
        committed=committed,
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
    summary = config.stash[SUMMARY] = summarise(results, strict)
    # The pages a reviewer opens go in a folder named like the JSON and XML files, with their images.
    pages = write_html_reports(results, Path(prefix), strict, base_url)
    config.stash[REPORT_FILES] = write_report(results, Path(prefix), base_url, strict, summary) + pages


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    results, summary = _results(config), config.stash.get(SUMMARY, None)
    if not results or summary is None:
        return
    terminalreporter.section("documentation check")
    terminalreporter.write_line(
        f"{summary.documents} document(s), {summary.methods} method(s); steps: {summary.step_line()}"
    )
    for line in summary.failures:
        terminalreporter.write_line(line, red=True)
    for line in summary.gaps:
        terminalreporter.write_line(line, yellow=True)
    if summary.limits:
        terminalreporter.write_line("the check's own limits (not the document's errors):")
        for line in summary.limits:
            terminalreporter.write_line(line)
    if config.getoption("how_to_assets"):
        figures = summary.figures
        said = f"{figures['current']} current, {figures['stale']} stale" if engine() else f"not judged: {NO_OCR}"
        terminalreporter.write_line(f"document figures: {said}")
    compared = any(step.drift for result in results for step in result.steps)
    if any(step.figure for result in results for step in result.steps):
        note = "compared with the committed figures" if compared else "not compared"
        if SKIPPED_DRIFT in config.stash:
            note += f": {config.stash[SKIPPED_DRIFT]}"
        terminalreporter.write_line(f"figures: {figures_output(config)} ({note})")
    for path in config.stash.get(REPORT_FILES, []):
        terminalreporter.write_line(f"report: {path}")
