"""A click anywhere on a project's tile, outside its star and ⋮, opens that project, as in the product."""

from playwright.sync_api import Page, expect

from pages import AccountDashboard, ProjectsDashboard
from testkit.demo import OTHER_PROJECT


def test_a_click_in_the_middle_of_a_tile_opens_that_projects_overview(page: Page) -> None:
    tile = ProjectsDashboard(page).open().tile(OTHER_PROJECT)

    tile.click_middle()

    dashboard = AccountDashboard(page)
    expect(dashboard.heading).to_be_visible()
    expect(dashboard.header.project_named(OTHER_PROJECT)).to_be_visible()
