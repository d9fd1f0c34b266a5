"""The demo account's data on a deployment as the suite found it, read and put back through the screens.

Nothing resets a deployment between tests, so what a test changes is undone after it, the way a person
would undo it: stars and disabled projects on the Projects dashboard, the active project by its tile.
A key cannot be put back. The Integration channel the tests regenerate (E2E_CHANNEL) gets a new key
instead whenever a test left it Integrated or sent a message with its current key: the next test then
finds it as the seeded data has it, Not Integrated and with no message on its key. No other key changes.
"""

from collections.abc import Collection
from dataclasses import dataclass

from playwright.sync_api import Page, expect

from pages import ChannelSettings, Header, ProjectsDashboard, labels
from pages.how_to import via_projects_dashboard


@dataclass(frozen=True)
class Projects:
    """What the tests change about an account's projects."""

    names: frozenset[str]
    starred: frozenset[str]
    disabled: frozenset[str]
    active: str | None


@dataclass(frozen=True)
class AsFound:
    projects: Projects
    channel_url: str  # the Integration channel's own page, opened in place on its Channels tab


def read_projects(page: Page) -> Projects:
    """The tiles of the Projects dashboard, then the Project block of the account dashboard's header."""
    dashboard = ProjectsDashboard(page).open()
    expect(dashboard.heading).to_be_visible()
    names = frozenset(name.strip() for name in dashboard.tile_titles.all_inner_texts())
    starred = frozenset(name for name in names if dashboard.tile(name).star.get_attribute("aria-pressed") == "true")
    disabled = frozenset(name for name in names if _is_disabled(dashboard, name))
    header = Header(page)
    page.goto("/")
    expect(header.profile_button).to_be_visible()
    active = next((name for name in names if header.project_named(name).count()), None)
    return Projects(names, starred, disabled, active)


def _is_disabled(dashboard: ProjectsDashboard, name: str) -> bool:
    return dashboard.tile(name).tile.get_by_text(labels.PROJECT_IS_DISABLED, exact=True).count() > 0


def read_as_found(page: Page, project: str, channel: str) -> AsFound:
    projects = read_projects(page)
    opened = via_projects_dashboard(page, project).open_channel(channel)
    expect(opened.api_key).to_be_visible()
    return AsFound(projects, page.url)


def put_back(page: Page, found: AsFound, channel: str, keys_used: Collection[str]) -> None:
    """Undo what differs from `found`; give the channel a new key if a test left a message on its key."""
    _put_back_projects(page, found.projects, read_projects(page))
    page.goto(found.channel_url)
    opened = ChannelSettings(page, channel)
    expect(opened.status).to_be_visible()
    key = opened.key()
    if key in keys_used or labels.NOT_INTEGRATED not in opened.status.inner_text():
        opened.regenerate().confirm()
        expect(opened.api_key).not_to_have_value(key)
        expect(opened.status).to_contain_text(labels.NOT_INTEGRATED)


def _put_back_projects(page: Page, found: Projects, now: Projects) -> None:
    if now.names != found.names:
        raise AssertionError(f"the account's projects are not those found: {sorted(now.names ^ found.names)}")
    if now == found:
        return
    dashboard = ProjectsDashboard(page).open()
    for name in sorted(found.disabled ^ now.disabled):
        tile = dashboard.tile(name)
        if name in found.disabled:
            tile.disable().confirm()
            expect(tile.tile).to_contain_text(labels.PROJECT_IS_DISABLED)
        else:
            tile.enable()
            expect(tile.tile).to_contain_text(labels.NO_NEW_USERS)
    for name in sorted(found.starred ^ now.starred):
        tile = dashboard.tile(name)
        tile.star.click()
        expect(tile.star).to_have_attribute("aria-pressed", "true" if name in found.starred else "false")
    if found.active is not None and found.active != now.active:
        dashboard.tile(found.active).open_project()
        expect(Header(page).project_named(found.active)).to_be_visible()
