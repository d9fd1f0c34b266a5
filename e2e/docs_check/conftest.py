"""Documentation-check fixtures, and the JSON/JUnit report written at the end of the session.

Its command-line options live in `options.py`, which the root conftest loads as a plugin.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from e2e.server import MockServer
from mock_app.seed import DEMO_ACCOUNT

from .figures import RENDERER_FILE, VIEWPORT, FigureBook, committed_renderer, renderer
from .report import write_report
from .walk import MethodResult, Walk

RESULTS = pytest.StashKey[list[MethodResult]]()
REPORT_FILES = pytest.StashKey[list[Path]]()
SKIPPED_DRIFT = pytest.StashKey[str]()

# The project and Integration channel the walk uses; against a deployment, set them to its test account's.
# Method 1 starts from the active project, so DOCS_PROJECT must be the account's active project.
DEMO_PROJECT, DEMO_CHANNEL = DEMO_ACCOUNT.active_project, "Rasa"
PROJECT = os.environ.get("DOCS_PROJECT", DEMO_PROJECT)
CHANNEL = os.environ.get("DOCS_CHANNEL", DEMO_CHANNEL)


@pytest.fixture
def docs_results(pytestconfig: pytest.Config) -> list[MethodResult]:
    """Each method's results, for the report written when the session ends."""
    return pytestconfig.stash.setdefault(RESULTS, [])


@pytest.fixture
def docs_page(page: Page) -> Page:
    """The logged-in page at the figures' size, so they come out the same on every run."""
    page.set_viewport_size(VIEWPORT)
    return page


@pytest.fixture
def walk(docs_page: Page) -> Walk:
    return Walk(docs_page, PROJECT, CHANNEL)


@pytest.fixture
def figure_book(pytestconfig: pytest.Config, mock_server: MockServer | None, browser: Browser) -> FigureBook:
    update = pytestconfig.getoption("update_figures")
    if update:
        RENDERER_FILE.parent.mkdir(parents=True, exist_ok=True)  # `make docs` works from an empty docs/figures
        RENDERER_FILE.write_text(renderer(browser) + "\n")
    elif committed_renderer() != renderer(browser):
        pytestconfig.stash[SKIPPED_DRIFT] = (
            f"docs/figures were taken with {committed_renderer()}, this run uses {renderer(browser)}"
        )
    return FigureBook(
        output=Path(pytestconfig.getoption("--output")) / "docs-figures",
        update=update,
        # A deployment's data, or another browser's fonts, would differ anyway: keep those figures, don't compare.
        compare=mock_server is not None and committed_renderer() == renderer(browser),
        tolerance=pytestconfig.getoption("figure_tolerance"),
    )


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    results = config.stash.get(RESULTS, [])
    if not results:
        return
    prefix = config.getoption("docs_report", None) or str(Path(config.getoption("--output")) / "docs-report")
    base_url = config.getoption("base_url", None) or "the embedded mock app"
    config.stash[REPORT_FILES] = write_report(results, Path(prefix), base_url)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    results = config.stash.get(RESULTS, [])
    if not results:
        return
    terminalreporter.section("documentation check")
    claims = [claim for result in results for step in result.steps for claim in step.claims]
    counts = {status: sum(claim.status == status for claim in claims) for status in ("passed", "failed", "not checked")}
    terminalreporter.write_line(", ".join(f"{count} claims {status}" for status, count in counts.items()))
    for result in results:
        for step in result.steps:
            if step.step.gap:
                gap = f"{result.method.name}, step {step.number}: {step.step.gap}"
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
