"""An axe-core audit of every screen on both paths, menus and prompts open, finds no serious violations."""

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from pages import AccountDashboard, LoginPage, ProjectsDashboard
from pages.how_to import via_active_project_menu
from testkit.demo import CHANNEL, PROJECT


def login_page(page: Page) -> None:
    page.context.clear_cookies()
    expect(LoginPage(page).open().with_email).to_be_visible()


def email_form(page: Page) -> None:
    page.context.clear_cookies()
    login = LoginPage(page).open()
    login.with_email.click()
    expect(login.submit).to_be_visible()


def overview(page: Page) -> None:
    expect(AccountDashboard(page).open().heading).to_be_visible()


def project_menu(page: Page) -> None:
    dashboard = AccountDashboard(page).open()
    dashboard.header.open_project_menu(PROJECT)
    expect(dashboard.header.project_settings).to_be_visible()


def channel_menu(page: Page) -> None:
    header = AccountDashboard(page).open().header
    header.channel_button.click()
    expect(header.channel_item(CHANNEL)).to_be_visible()


def profile_menu(page: Page) -> None:
    header = AccountDashboard(page).open().header
    header.profile_button.click()
    expect(header.log_out_item).to_be_visible()


def projects_dashboard(page: Page) -> None:
    expect(ProjectsDashboard(page).open().tile(PROJECT).tile).to_be_visible()


def tile_menu(page: Page) -> None:
    tile = ProjectsDashboard(page).open().tile(PROJECT)
    tile.open_options()
    expect(tile.settings).to_be_visible()


def disable_prompt(page: Page) -> None:
    expect(ProjectsDashboard(page).open().tile(PROJECT).disable().dialog).to_be_visible()


def general_tab(page: Page) -> None:
    dashboard = AccountDashboard(page).open()
    dashboard.header.open_project_menu(PROJECT)
    expect(dashboard.open_project_settings().general_tab).to_have_attribute("aria-selected", "true")


def channels_tab(page: Page) -> None:
    expect(via_active_project_menu(page, PROJECT).channels_tab).to_have_attribute("aria-selected", "true")


def expanded_channel(page: Page) -> None:
    expect(via_active_project_menu(page, PROJECT).open_channel(CHANNEL).regenerate_button).to_be_visible()


def regenerate_prompt(page: Page) -> None:
    prompt = via_active_project_menu(page, PROJECT).open_channel(CHANNEL).regenerate()
    expect(prompt.confirm_button).to_be_visible()


def new_key_shown(page: Page) -> None:
    channel = via_active_project_menu(page, PROJECT).open_channel(CHANNEL)
    old_key = channel.key()
    channel.regenerate().confirm()
    expect(channel.api_key).not_to_have_value(old_key)


SCREENS: dict[str, Callable[[Page], None]] = {
    fn.__name__.replace("_", "-"): fn
    for fn in (
        login_page,
        email_form,
        overview,
        project_menu,
        channel_menu,
        profile_menu,
        projects_dashboard,
        tile_menu,
        disable_prompt,
        general_tab,
        channels_tab,
        expanded_channel,
        regenerate_prompt,
        new_key_shown,
    )
}


# Only the new key's screen is reached by changing something; the others are looked at, which changes no data.
CASES = [
    pytest.param(show, id=name, marks=() if show is new_key_shown else pytest.mark.read_only)
    for name, show in SCREENS.items()
]


@pytest.mark.parametrize("show_screen", CASES)
def test_screen_has_no_serious_accessibility_violations(page: Page, show_screen: Callable[[Page], None]) -> None:
    show_screen(page)

    results = Axe().run(page)

    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes']]}" for v in serious
    )
