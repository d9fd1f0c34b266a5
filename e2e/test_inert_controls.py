"""What the mock does not implement is still on screen, marked unavailable and saying why."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from pages import AccountDashboard, ProjectsDashboard
from pages.how_to import via_active_project_menu
from testkit.demo import CHANNEL, PROJECT

pytestmark = pytest.mark.read_only  # they change no data


def _rename(page: Page) -> Locator:
    dashboard = AccountDashboard(page).open()
    dashboard.header.open_project_menu(PROJECT)
    return dashboard.open_project_settings().rename_button


def _create_project(page: Page) -> Locator:
    header = AccountDashboard(page).open().header
    header.open_project_menu(PROJECT)
    return header.create_project


INERT: dict[str, Callable[[Page], Locator]] = {
    "rename": _rename,
    "create-project": _create_project,
    "connect-new-channel": lambda page: via_active_project_menu(page, PROJECT).connect_new_channel,
    "remove-this-channel": lambda page: via_active_project_menu(page, PROJECT).open_channel(CHANNEL).remove_button,
    "add-project": lambda page: ProjectsDashboard(page).open().add_project,
}


@pytest.mark.parametrize("find", INERT.values(), ids=INERT.keys())
def test_an_unimplemented_control_is_visible_disabled_and_explained(
    page: Page, find: Callable[[Page], Locator]
) -> None:
    control = find(page)
    url = page.url

    control.click(force=True)  # past Playwright's own refusal to click a disabled control, as a person would

    expect(control).to_be_visible()
    expect(control).to_be_disabled()
    expect(control).to_have_attribute("title", re.compile(r"is not part of this mock$"))
    expect(page).to_have_url(url)
