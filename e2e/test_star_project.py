"""A starred project's tile comes first on the Projects dashboard."""

from playwright.sync_api import Page, expect

from e2e.demo import OTHER_PROJECT
from pages import ProjectsDashboard


def test_starring_a_project_puts_its_tile_first(page: Page) -> None:
    dashboard = ProjectsDashboard(page).open()
    expect(dashboard.tile_titles.first).not_to_have_text(OTHER_PROJECT)
    tile = dashboard.tile(OTHER_PROJECT)

    tile.star.click()

    expect(dashboard.tile_titles.first).to_have_text(OTHER_PROJECT)
    expect(tile.star).to_have_attribute("aria-pressed", "true")
