"""A starred project's tile comes first on the Projects dashboard; the others keep their order."""

from playwright.sync_api import Page, expect

from pages import ProjectsDashboard, labels
from testkit.demo import OTHER_PROJECT


def test_starring_a_project_puts_its_tile_first_and_leaves_the_others_in_order(page: Page) -> None:
    dashboard = ProjectsDashboard(page).open()
    expect(dashboard.tile_titles.first).not_to_have_text(OTHER_PROJECT)
    before = [title.strip() for title in dashboard.tile_titles.all_inner_texts()]
    tile = dashboard.tile(OTHER_PROJECT)

    tile.star.click()

    expect(dashboard.tile_titles).to_have_text([OTHER_PROJECT, *(title for title in before if title != OTHER_PROJECT)])
    expect(tile.star).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name=labels.STAR, exact=True, pressed=True)).to_have_count(1)
