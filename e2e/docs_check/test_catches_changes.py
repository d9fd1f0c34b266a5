"""The documentation check fails, naming the line of the how-to, when the app no longer matches it."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from docs_check.figures.book import VIEWPORT
from docs_check.report.results import HowToBroken, assert_holds
from docs_check.steps import Method, read
from docs_check.walking import walk_method
from mock_app.seed import DEMO_ACCOUNT
from pages import Header, LoginPage
from pages.screen import Screen
from testkit.screen_edits import TemplateEdit, changed_app
from testkit.serving import SeededDatabase, ThreadServer
from testkit.timeout import TIMEOUT_MS

DEFAULT_HOW_TO = Path(__file__).resolve().parents[2] / "docs" / "regenerate-api-key.md"  # the project's own

pytestmark = pytest.mark.docs

# The claim that must fail is expected to wait in vain; the rest of the walk is quick either way.
CLAIM_TIMEOUT_MS = TIMEOUT_MS / 4


HOW_TO = read(DEFAULT_HOW_TO)
METHODS = HOW_TO.methods


def line_of(method_key: str, words: str) -> int:
    """The line of the project's how-to, within the method, whose text holds `words`."""
    method = next(method for method in METHODS if method.key == method_key)
    return next(step.line for step in method.steps if words in step.text)


@dataclass(frozen=True)
class Change:
    """One template of the app, edited; and the one failing finding it must cause in each method walked:
    its kind, and words of the step it must name."""

    edit: TemplateEdit
    failures: dict[str, tuple[str, str]]


REGENERATE_BUTTON = (
    '          <button type="button" class="ui button" data-dialog="{{ id }}-regenerate">'
    "{{ icon('sync', 14) }}Regenerate</button>\n"
)
KEY_FIELD = '          <input id="{{ id }}-key"'
CHANGES = {
    "channels-renamed": Change(
        TemplateEdit("settings/tabs.html", ((" 'Channels')]", " 'Connections')]"),)),
        {
            "method-1": ("not-on-screen", "**Channels** tab"),
            "method-2": ("not-on-screen", "**Channels** tab"),
        },
    ),
    "regenerate-on-the-left": Change(
        TemplateEdit("settings/channels.html", ((REGENERATE_BUTTON, ""), (KEY_FIELD, REGENERATE_BUTTON + KEY_FIELD))),
        # One method is enough here: the walk goes on to the end (reading every key of the account), and the
        # steps from Channels on are the same data in both methods.
        {"method-1": ("position", "on the right side")},
    ),
}
CASES = [
    pytest.param(name, method, id=f"{name}-{method.key}")
    for name, change in CHANGES.items()
    for method in METHODS
    if method.key in change.failures
]


@pytest.fixture(scope="module")
def app_with_change(
    request: pytest.FixtureRequest, seeded_database: SeededDatabase, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Change, ThreadServer]]:
    """The mock app with one change, served once for the tests that share it."""
    change = CHANGES[request.param]
    with changed_app(seeded_database, tmp_path_factory.mktemp("changed-app"), [change.edit]) as server:
        yield change, server


@pytest.fixture(scope="module")
def browser_context_args(
    browser_context_args: dict[str, object], app_with_change: tuple[Change, ThreadServer]
) -> dict[str, object]:
    """Contexts of this module open the changed app, at the figures' size."""
    return {**browser_context_args, "base_url": app_with_change[1].url, "viewport": VIEWPORT}


@pytest.fixture
def changed_page(app_with_change: tuple[Change, ThreadServer], new_context: Callable[..., BrowserContext]) -> Page:
    """The demo account logged in to the changed app, on its seeded data."""
    _, server = app_with_change
    server.reset()
    page = new_context().new_page()
    # The mock's own account, whatever E2E_DEMO_EMAIL says about a deployment.
    LoginPage(page).open().log_in(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)
    expect(Header(page).profile_button).to_be_visible()
    return page


@pytest.mark.parametrize(("app_with_change", "method"), CASES, indirect=["app_with_change"])
def test_the_check_names_the_method_and_step_that_no_longer_holds(
    app_with_change: tuple[Change, ThreadServer], changed_page: Page, method: Method
) -> None:
    change, _ = app_with_change
    screen = Screen.of(changed_page, DEMO_ACCOUNT.active_project, DEMO_ACCOUNT.integration_channel)

    result = walk_method(screen, HOW_TO, method, timeout=CLAIM_TIMEOUT_MS)

    kind, words = change.failures[method.key]
    where = f"{HOW_TO.path}:{line_of(method.key, words)}"
    assert [(result.where(finding), finding.kind) for finding in result.failures()] == [(where, kind)]
    with pytest.raises(HowToBroken, match=re.escape(f"{where}: {kind}: ")):
        assert_holds(result)
