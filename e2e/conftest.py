"""Browser-suite fixtures: fresh data per test, one login per account per session, the API client."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect

from pages import Header, LoginPage
from pages.ingestion_api import IngestionApi
from testkit.demo import CHANNEL, DEMO, OTHER, PROJECT, Account
from testkit.serving import ThreadServer
from testkit.timeout import TIMEOUT_MS

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(autouse=True)
def fresh_data(mock_server: ThreadServer | None) -> None:
    """Every test starts on the seeded demo data (the embedded app only; a deployment is left as is)."""
    if mock_server:
        mock_server.reset()


def _log_in_once(browser: Browser, args: dict[str, object], account: Account, path: Path) -> Path:
    """Log in through the login page and save the cookies for the session's tests to reuse."""
    context = browser.new_context(**args)  # type: ignore[arg-type]
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    LoginPage(page).open().log_in(account.email, account.password)
    expect(Header(page).profile_button).to_be_visible()
    context.storage_state(path=path)
    context.close()
    return path


@pytest.fixture(scope="session")
def demo_storage_state(
    browser: Browser, browser_context_args: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    return _log_in_once(browser, browser_context_args, DEMO, tmp_path_factory.mktemp("demo") / "storage.json")


@pytest.fixture(scope="session")
def other_storage_state(
    browser: Browser, browser_context_args: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    return _log_in_once(browser, browser_context_args, OTHER, tmp_path_factory.mktemp("other") / "storage.json")


@pytest.fixture
def new_context(new_context: Callable[..., BrowserContext]) -> Callable[..., BrowserContext]:
    def make(**kwargs: object) -> BrowserContext:
        context = new_context(**kwargs)
        context.set_default_timeout(TIMEOUT_MS)
        return context

    return make


@pytest.fixture
def context(new_context: Callable[..., BrowserContext], demo_storage_state: Path) -> BrowserContext:
    """The default page belongs to the demo account, already logged in."""
    return new_context(storage_state=demo_storage_state)


@pytest.fixture
def other_page(new_context: Callable[..., BrowserContext], other_storage_state: Path) -> Page:
    """A page in a context of its own, logged in as the other account."""
    return new_context(storage_state=other_storage_state).new_page()


@pytest.fixture
def anonymous_page(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context().new_page()


@pytest.fixture(scope="session")
def ingestion(playwright: Playwright, base_url: str) -> Iterator[IngestionApi]:
    request = playwright.request.new_context(base_url=base_url)
    yield IngestionApi(request)
    request.dispose()


@pytest.fixture(scope="session")
def how_to_project() -> str:
    """The project the documentation check walks a how-to on: the demo account's active one (E2E_PROJECT)."""
    return PROJECT


@pytest.fixture(scope="session")
def how_to_channel() -> str:
    """The Integration channel whose key the walk regenerates (E2E_CHANNEL)."""
    return CHANNEL
