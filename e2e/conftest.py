"""Browser-suite fixtures: fresh data per test, one login per account per session, the API client."""

import inspect
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright, expect

from pages import Header, LoginPage
from pages.ingestion_api import IngestionApi
from testkit.demo import CHANNEL, DEMO, OTHER, PROJECT, Account
from testkit.deployment_lock import turn
from testkit.deployment_state import AsFound, put_back, read_as_found
from testkit.serving import ThreadServer
from testkit.timeout import TIMEOUT_MS

expect.set_options(timeout=TIMEOUT_MS)
EMBEDDED_ONLY = "needs the embedded app (its database or its figures); not run against a deployment (--base-url)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that takes `mock_server` needs the embedded app; against a deployment it and any other test marked
    `embedded_app` are skipped, saying why."""
    deployment = config.getoption("base_url")
    for item in items:
        function = getattr(item, "function", None)
        if function is not None and "mock_server" in inspect.signature(function).parameters:
            item.add_marker(pytest.mark.embedded_app)
        if deployment and item.get_closest_marker("embedded_app"):
            item.add_marker(pytest.mark.skip(reason=EMBEDDED_ONLY))


@pytest.fixture(scope="session")
def deployment_as_found() -> list[AsFound]:
    """The demo account's data on the deployment as this session (each worker) first found it."""
    return []


@pytest.fixture(autouse=True)
def fresh_data(request: pytest.FixtureRequest, mock_server: ThreadServer | None, base_url: str) -> Iterator[None]:
    """Every test starts on the data as found. The embedded app's seeded database is copied back before it.
    On a deployment the test takes its turn (alone, or beside read-only tests), and what it changed is put
    back after it through the screens (testkit/deployment_state.py)."""
    if mock_server:
        mock_server.reset()
        yield
        return
    opens = request.getfixturevalue("browser_context_args").get("base_url", base_url)
    # A test whose pages open an app of its own (a changed copy served here) changes nothing on the deployment.
    alone = opens == base_url and request.node.get_closest_marker("read_only") is None
    with turn(base_url, alone):
        if not alone:
            yield
            return
        page = _demo_page(request, base_url)
        found: list[AsFound] = request.getfixturevalue("deployment_as_found")
        if not found:
            found.append(read_as_found(page, PROJECT, CHANNEL))
        ingestion: IngestionApi = request.getfixturevalue("ingestion")
        ingestion.keys_used.clear()
        yield
        put_back(page, found[0], CHANNEL, ingestion.keys_used)


def _demo_page(request: pytest.FixtureRequest, base_url: str) -> Page:
    """A page of the demo account on the deployment, in a context of pytest-playwright's, traced like the test's."""
    own = {} if "base_url" in request.getfixturevalue("browser_context_args") else {"base_url": base_url}
    state: Path = request.getfixturevalue("logged_in")(DEMO, base_url)
    context: BrowserContext = request.getfixturevalue("new_context")(storage_state=state, **own)
    return context.new_page()


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
) -> Callable[..., Path]:
    """The saved log-in of an account: the first test to ask logs in through the login page (in a context of
    its own, traced like any other); the rest of the session reuses its cookies. On the app the test's contexts
    open, or on `base_url`."""

    def storage_state(account: Account, base_url: str | None = None) -> Path:
        opens = browser_context_args.get("base_url")
        url = base_url or opens
        key = (str(url), account.email)
        if key not in saved_logins:
            context = new_context() if url == opens else new_context(base_url=url)
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
def demo_storage_state(logged_in: Callable[..., Path]) -> Path:
    """The demo account's saved log-in; the session's first test to ask logs in."""
    return logged_in(DEMO)


@pytest.fixture
def other_storage_state(logged_in: Callable[..., Path]) -> Path:
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
