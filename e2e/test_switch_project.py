"""The header's project menu switches the active project, and Method 1 follows it."""

from playwright.sync_api import Page, expect

from e2e.demo import OTHER_PROJECT, PROJECT
from pages import AccountDashboard, ProjectsDashboard


def test_switching_projects_in_the_menu_makes_method_1_open_that_project(page: Page) -> None:
    dashboard = AccountDashboard(page).open()

    dashboard.header.switch_to(PROJECT, OTHER_PROJECT)

    expect(dashboard.header.project_named(OTHER_PROJECT)).to_be_visible()
    dashboard.header.open_project_menu(OTHER_PROJECT)
    settings = dashboard.open_project_settings()
    expect(settings.name).to_have_value(OTHER_PROJECT)
    expect(dashboard.header.project_named(OTHER_PROJECT)).to_be_visible()


def test_switch_projects_leads_to_the_tiles_and_a_tile_opens_its_overview(page: Page) -> None:
    dashboard = AccountDashboard(page).open()
    dashboard.header.open_project_menu(PROJECT)

    dashboard.header.switch_projects.click()
    ProjectsDashboard(page).tile(OTHER_PROJECT).open_project()

    expect(dashboard.heading).to_be_visible()
    expect(dashboard.header.project_named(OTHER_PROJECT)).to_be_visible()
