"""The header's project menu makes the chosen project the active one, and Method 1 follows it."""

from playwright.sync_api import Page, expect

from pages import AccountDashboard, ProjectsDashboard, labels
from testkit.demo import OTHER_PROJECT, PROJECT


def test_choosing_a_project_in_the_menu_makes_that_project_the_active_one(page: Page) -> None:
    dashboard = AccountDashboard(page).open()

    dashboard.header.switch_to(PROJECT, OTHER_PROJECT)

    header = dashboard.header
    expect(header.project_named(OTHER_PROJECT)).to_be_visible()
    header.open_project_menu(OTHER_PROJECT)
    # The project left behind is among the others now, in the list between the menu's own items.
    expect(header.project_menu).to_match_aria_snapshot(
        f"""
        - menu:
          - menuitem "{labels.PROJECT_SETTINGS}"
          - menuitem "{labels.SWITCH_PROJECTS}"
          - menuitem "{PROJECT}"
          - menuitem "{labels.CREATE_PROJECT}" [disabled]
        """
    )
    expect(header.other_project(OTHER_PROJECT)).to_have_count(0)
    settings = dashboard.open_project_settings()
    expect(settings.name).to_have_value(OTHER_PROJECT)


def test_switch_projects_leads_to_the_tiles_and_a_tile_makes_its_project_the_active_one(page: Page) -> None:
    dashboard = AccountDashboard(page).open()
    dashboard.header.open_project_menu(PROJECT)

    dashboard.header.switch_projects.click()
    ProjectsDashboard(page).tile(OTHER_PROJECT).open_project()

    expect(dashboard.heading).to_be_visible()
    expect(dashboard.header.project_named(OTHER_PROJECT)).to_be_visible()
