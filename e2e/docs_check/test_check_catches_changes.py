"""The documentation check fails, naming the method and step, when the app no longer matches the how-to."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from e2e.conftest import TIMEOUT_MS
from e2e.server import MockServer, serve_mock_app
from mock_app.seed import DEMO_ACCOUNT
from pages import Header, LoginPage

from .conftest import DEMO_CHANNEL, DEMO_PROJECT
from .figures import VIEWPORT
from .steps import METHODS, Method
from .walk import HowToBroken, Walk, assert_holds, walk_method

pytestmark = pytest.mark.docs

TEMPLATES = Path(__file__).resolve().parents[2] / "mock_app" / "templates"
# The claim that must fail is expected to wait in vain; the rest of the walk is quick either way.
CLAIM_TIMEOUT_MS = TIMEOUT_MS / 4


@dataclass(frozen=True)
class Change:
    """One template of the app, edited; and the one failure it must cause in each method walked."""

    template: str
    edits: tuple[tuple[str, str], ...]
    failures: dict[str, str]

    def write(self, folder: Path) -> None:
        text = (TEMPLATES / self.template).read_text()
        for old, new in self.edits:
            assert text.count(old) == 1, f"{self.template} no longer contains {old!r}: update this test"
            text = text.replace(old, new)
        (folder / self.template).parent.mkdir(parents=True, exist_ok=True)
        (folder / self.template).write_text(text)


REGENERATE_BUTTON = (
    '          <button type="button" class="ui button" data-dialog="{{ id }}-regenerate">'
    "{{ icon('sync', 14) }}Regenerate</button>\n"
)
KEY_FIELD = '          <input id="{{ id }}-key"'
CHANGES = {
    "channels-renamed": Change(
        "settings/tabs.html",
        ((" 'Channels')]", " 'Connections')]"),),
        {
            "method-1": "Method 1, step 3: Project Settings has no 'Channels' tab",
            "method-2": "Method 2, step 5: Project Settings has no 'Channels' tab",
        },
    ),
    "regenerate-on-the-left": Change(
        "settings/channels.html",
        ((REGENERATE_BUTTON, ""), (KEY_FIELD, REGENERATE_BUTTON + KEY_FIELD)),
        # One method is enough here: the walk goes on to the end (reading every key of the account), and the
        # steps from Channels on are the same data in both methods.
        {"method-1": "Method 1, step 5: the Regenerate button is not on the right side of the channel's settings"},
    ),
}
CASES = [
    pytest.param(name, method, id=f"{name}-{method.key}")
    for name, change in CHANGES.items()
    for method in METHODS
    if method.key in change.failures
]


@pytest.fixture(scope="module")
def changed_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Change, MockServer]]:
    """The mock app with one change, served once for the tests that share it."""
    change = CHANGES[request.param]
    overrides = tmp_path_factory.mktemp("templates")
    change.write(overrides)
    with serve_mock_app(tmp_path_factory.mktemp("changed-app"), {"TEST_TEMPLATE_OVERRIDES": str(overrides)}) as server:
        yield change, server


@pytest.fixture
def changed_page(changed_app: tuple[Change, MockServer], browser: Browser) -> Iterator[Page]:
    """The demo account logged in to the changed app, on its seeded data."""
    _, server = changed_app
    server.reset()
    context = browser.new_context(base_url=server.url, viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    # The mock's own account, whatever E2E_DEMO_EMAIL says about a deployment.
    LoginPage(page).open().log_in(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)
    expect(Header(page).profile_button).to_be_visible()
    yield page
    context.close()


@pytest.mark.parametrize(("changed_app", "method"), CASES, indirect=["changed_app"])
def test_the_check_names_the_method_and_step_that_no_longer_holds(
    changed_app: tuple[Change, MockServer], changed_page: Page, method: Method
) -> None:
    change, _ = changed_app
    page = changed_page

    result = walk_method(Walk(page, DEMO_PROJECT, DEMO_CHANNEL, timeout=CLAIM_TIMEOUT_MS), method)

    expected = change.failures[method.key]
    assert [claim.failure for claim in result.failures] == [expected]
    with pytest.raises(HowToBroken, match=re.escape(expected)):
        assert_holds(result)
