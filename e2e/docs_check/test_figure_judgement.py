"""A how-to's own figure is judged stale when the screen changed, and current when only the data did.

The figures are the app's own screenshots, taken here; the screen is then changed (a label, a colour, a
moved or a removed control) or only its data (the user's name, the key), and the figure judged again.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from docs_check.figures.book import VIEWPORT
from docs_check.figures.judge import Judgement, judge, read_moment
from docs_check.figures.ocr import engine
from mock_app.seed import DEMO_ACCOUNT
from pages import ChannelSettings, Header, LoginPage
from pages.how_to import via_active_project_menu
from testkit.screen_edits import TemplateEdit, changed_app
from testkit.serving import SeededDatabase, ThreadServer, connect

pytestmark = [pytest.mark.docs, pytest.mark.skipif(engine() is None, reason="no OCR engine (tesseract-ocr)")]

REGENERATE = (
    '          <button type="button" class="ui button" data-dialog="{{ id }}-regenerate">'
    "{{ icon('sync', 14) }}Regenerate</button>\n"
)
KEY_FIELD = '          <input id="{{ id }}-key"'
CHANGES = {
    "label": (TemplateEdit("settings/channels.html", (("Verify{{ icon", "Check{{ icon"),)), "`Verify`"),
    "colour": (TemplateEdit("header.html", (('<header class="topbar">', '<header class="bar">'),)), "the header"),
    "moved": (
        TemplateEdit("settings/channels.html", ((REGENERATE, ""), (KEY_FIELD, REGENERATE + KEY_FIELD))),
        "`Regenerate` has moved",
    ),
    "removed": (
        TemplateEdit("settings/channels.html", (("'Remove this channel', 'Removing", "'', 'Removing"),)),
        "`Remove this channel`",
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def browser_context_args(browser_context_args: dict[str, object]) -> dict[str, object]:
    """Each context here names the app it opens: the embedded one, or one with a change."""
    return {key: value for key, value in browser_context_args.items() if key != "base_url"} | {"viewport": VIEWPORT}


def _open_channel(page: Page) -> ChannelSettings:
    """Log in and open the Integration channel in place: the moment the figures show."""
    LoginPage(page).open().log_in(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)
    expect(Header(page).profile_button).to_be_visible()
    channel = via_active_project_menu(page, DEMO_ACCOUNT.active_project).open_channel(DEMO_ACCOUNT.integration_channel)
    expect(channel.api_key).to_be_visible()
    return channel


def _at_the_channel(page: Page, folder: Path) -> Callable[[Page], Judgement]:
    """Photograph the opened channel as a how-to's figure; then judge that figure against another page."""
    _open_channel(page)
    figure = folder / "figure.png"
    page.screenshot(path=figure)

    def judged_on(other: Page) -> Judgement:
        shown, regions, present = read_moment(other, whole_page=False)
        screenshot = folder / "screen.png"
        other.screenshot(path=screenshot)
        return judge(figure, screenshot, shown, regions, present)

    return judged_on


@pytest.fixture
def figure(new_context: Callable[..., BrowserContext], base_url: str, tmp_path: Path) -> Callable[[Page], Judgement]:
    """The embedded app's own figure of the opened channel, and the judge of it."""
    return _at_the_channel(new_context(base_url=base_url).new_page(), tmp_path)


@pytest.fixture(scope="module", params=list(CHANGES))
def changed(
    request: pytest.FixtureRequest, seeded_database: SeededDatabase, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, ThreadServer]]:
    edit, _ = CHANGES[request.param]
    with changed_app(seeded_database, tmp_path_factory.mktemp("changed"), [edit]) as server:
        yield request.param, server


def test_a_figure_of_the_same_screen_with_other_data_is_current(
    figure: Callable[[Page], Judgement], new_context: Callable[..., BrowserContext], mock_server: ThreadServer
) -> None:
    with connect(mock_server.database) as db:
        db.execute("UPDATE user SET full_name = 'Rowan Ellery-Quist' WHERE email = ?", (DEMO_ACCOUNT.email,))
        db.commit()
    channel = _open_channel(new_context(base_url=mock_server.url).new_page())
    old = channel.key()
    channel.regenerate().confirm()
    expect(channel.api_key).not_to_have_value(old)

    verdict = figure(channel.page)

    assert not verdict.stale, verdict.changes


def test_a_figure_of_a_changed_screen_is_stale_and_says_what_changed(
    figure: Callable[[Page], Judgement], changed: tuple[str, ThreadServer], new_context: Callable[..., BrowserContext]
) -> None:
    name, server = changed
    server.reset()
    channel = _open_channel(new_context(base_url=server.url).new_page())

    verdict = figure(channel.page)

    assert verdict.stale
    assert any(CHANGES[name][1] in change for change in verdict.changes), verdict.changes
