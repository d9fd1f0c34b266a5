"""An axe-core audit of every screen on both paths finds no serious or critical violations."""
from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from pages import AccountDashboard, LoginPage, ProjectsDashboard
from pages.how_to import via_active_project_menu

PROJECT = "Support Bot"


def login_page(page: Page) -> None:
    page.context.clear_cookies()
    expect(LoginPage(page).open().submit).to_be_visible()


def project_menu(page: Page) -> None:
    dashboard = AccountDashboard(page, PROJECT).open()
    dashboard.open_project_menu()
    expect(dashboard.project_settings).to_be_visible()


def tile_menu(page: Page) -> None:
    tile = ProjectsDashboard(page).open().tile(PROJECT)
    tile.open_options()
    expect(tile.settings).to_be_visible()


def general_section(page: Page) -> None:
    settings = AccountDashboard(page, PROJECT).open()
    settings.open_project_menu()
    expect(settings.open_project_settings().general_tab).to_have_attribute("aria-selected", "true")


def channels_section(page: Page) -> None:
    settings = via_active_project_menu(page, PROJECT)
    expect(settings.channels_tab).to_have_attribute("aria-selected", "true")


def channel_settings(page: Page) -> None:
    channel = via_active_project_menu(page, PROJECT).open_channel("Rasa")
    expect(channel.regenerate_button).to_be_visible()


def confirmation_prompt(page: Page) -> None:
    dialog = via_active_project_menu(page, PROJECT).open_channel("Rasa").regenerate()
    expect(dialog.confirm_button).to_be_visible()


def new_key_shown(page: Page) -> None:
    via_active_project_menu(page, PROJECT).open_channel("Rasa").regenerate().confirm()
    expect(page.get_by_role("status").filter(has_text="new API key")).to_be_visible()


SCREENS: dict[str, Callable[[Page], None]] = {
    fn.__name__.replace("_", "-"): fn
    for fn in (login_page, project_menu, tile_menu, general_section, channels_section,
               channel_settings, confirmation_prompt, new_key_shown)
}


@pytest.mark.parametrize("show_screen", SCREENS.values(), ids=SCREENS.keys())
def test_screen_has_no_serious_accessibility_violations(page: Page, show_screen: Callable[[Page], None]) -> None:
    show_screen(page)

    results = Axe().run(page)

    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(f"{v['id']} ({v['impact']}): {v['help']}" for v in serious)
