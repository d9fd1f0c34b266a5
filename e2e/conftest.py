"""Browser-suite fixtures: fresh data per test, one login per account per session, the API client."""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect

from e2e.demo import DEMO, Account
from e2e.server import MockServer
from pages import Header, LoginPage
from pages.ingestion_api import IngestionApi

# The suite's one timeout setting: how long an action or an expectation may wait (ms).
TIMEOUT_MS = float(os.environ.get("E2E_TIMEOUT_MS", "10000"))
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(autouse=True)
def fresh_data(mock_server: MockServer | None) -> None:
    """Every test starts on the seeded demo data (the embedded app only; a deployment is left as is)."""
    if mock_server:
        mock_server.reset()


def _saved_login(browser: Browser, args: dict, account: Account, path: Path) -> Path:
    context = browser.new_context(**args)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    login = LoginPage(page).open()
    login.log_in(account.email, account.password)
    expect(Header(page).profile_button).to_be_visible()
    context.storage_state(path=path)
    context.close()
    return path


@pytest.fixture(scope="session")
def logged_in_state(
    browser: Browser, browser_context_args: dict, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[Account], Path]:
    """Log each account in once per session; tests reuse the saved cookies."""
    saved: dict[Account, Path] = {}

    def state_for(account: Account) -> Path:
        if account not in saved:
            path = tmp_path_factory.mktemp("state") / "storage.json"
            saved[account] = _saved_login(browser, browser_context_args, account, path)
        return saved[account]

    return state_for


@pytest.fixture
def new_context(new_context: Callable[..., BrowserContext]) -> Callable[..., BrowserContext]:
    def make(**kwargs: object) -> BrowserContext:
        context = new_context(**kwargs)
        context.set_default_timeout(TIMEOUT_MS)
        return context

    return make


@pytest.fixture
def context(new_context: Callable[..., BrowserContext], logged_in_state: Callable[[Account], Path]) -> BrowserContext:
    """The default page belongs to the demo account, already logged in."""
    return new_context(storage_state=logged_in_state(DEMO))


@pytest.fixture
def page_as(
    new_context: Callable[..., BrowserContext], logged_in_state: Callable[[Account], Path]
) -> Callable[[Account], Page]:
    """A page in a context of its own, logged in as the given account."""
    return lambda account: new_context(storage_state=logged_in_state(account)).new_page()


@pytest.fixture
def anonymous_page(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context().new_page()


@pytest.fixture(scope="session")
def ingestion(playwright: Playwright, base_url: str) -> Iterator[IngestionApi]:
    request = playwright.request.new_context(base_url=base_url)
    yield IngestionApi(request)
    request.dispose()
