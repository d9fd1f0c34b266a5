"""Browser-suite fixtures: fresh data per test, one login per account per session, the API client."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright, expect

from pages import Header, LoginPage
from pages.ingestion_api import IngestionApi
from testkit.demo import DEMO, OTHER, Account
from testkit.serving import ThreadServer
from testkit.timeout import TIMEOUT_MS

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(autouse=True)
def fresh_data(mock_server: ThreadServer | None) -> None:
    """Every test starts on the seeded demo data (the embedded app only; a deployment is left as is)."""
    if mock_server:
        mock_server.reset()


@pytest.fixture
def new_context(new_context: Callable[..., BrowserContext]) -> Callable[..., BrowserContext]:
    """pytest-playwright's contexts (traced, screenshotted on failure), with the suite's one timeout."""

    def make(**kwargs: object) -> BrowserContext:
        context = new_context(**kwargs)
        context.set_default_timeout(TIMEOUT_MS)
        return context

    return make


@pytest.fixture(scope="session")
def saved_logins() -> dict[tuple[str, str], Path]:
    """The cookies of each account's one log-in in the session, by server and email, for later tests to reuse
    (a module serving a changed app logs in there: its sessions are its own)."""
    return {}


@pytest.fixture
def logged_in(
    new_context: Callable[..., BrowserContext],
    browser_context_args: dict[str, object],
    saved_logins: dict[tuple[str, str], Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[Account], Path]:
    """The saved log-in of an account: the first test to ask logs in through the login page (in a context of
    its own, traced like any other); the rest of the session reuses its cookies."""

    def storage_state(account: Account) -> Path:
        key = (str(browser_context_args.get("base_url")), account.email)
        if key not in saved_logins:
            context = new_context()
            page = context.new_page()
            LoginPage(page).open().log_in(account.email, account.password)
            expect(Header(page).profile_button).to_be_visible()
            path = tmp_path_factory.mktemp("login") / "storage.json"
            context.storage_state(path=path)
            context.close()
            saved_logins[key] = path
        return saved_logins[key]

    return storage_state


@pytest.fixture
def demo_storage_state(logged_in: Callable[[Account], Path]) -> Path:
    """The demo account's saved log-in; the session's first test to ask logs in."""
    return logged_in(DEMO)


@pytest.fixture
def other_storage_state(logged_in: Callable[[Account], Path]) -> Path:
    """The other account's saved log-in; the session's first test to ask logs in."""
    return logged_in(OTHER)


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
def how_to_compares_figures(mock_server: ThreadServer | None) -> bool:
    """The documentation check compares the project's own how-to's figures on the embedded app's seeded data."""
    return mock_server is not None
