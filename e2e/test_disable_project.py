"""Disabling a project from its tile asks first, greys the tile and makes its keys refused; enabling undoes it."""

from playwright.sync_api import Page, expect

from e2e.demo import CHANNEL, PROJECT
from pages import ProjectsDashboard, labels
from pages.how_to import via_active_project_menu
from pages.ingestion_api import IngestionApi


def _key(page: Page) -> str:
    return via_active_project_menu(page, PROJECT).open_channel(CHANNEL).key()


def test_disabling_a_project_greys_its_tile_and_refuses_its_keys(page: Page, ingestion: IngestionApi) -> None:
    key = _key(page)
    tile = ProjectsDashboard(page).open().tile(PROJECT)

    tile.disable().confirm()

    expect(tile.tile).to_contain_text(labels.PROJECT_IS_DISABLED)
    tile.open_options()
    expect(tile.enable_item).to_be_visible()
    expect(tile.settings).to_have_count(0)
    assert ingestion.send(key).status == 403


def test_cancelling_the_disable_prompt_keeps_the_project(page: Page, ingestion: IngestionApi) -> None:
    key = _key(page)
    tile = ProjectsDashboard(page).open().tile(PROJECT)
    prompt = tile.disable()

    prompt.cancel()

    expect(prompt.dialog).to_be_hidden()
    expect(tile.tile).to_contain_text(labels.NO_NEW_USERS)
    assert ingestion.send(key).status == 200


def test_enabling_a_disabled_project_accepts_its_keys_again(page: Page, ingestion: IngestionApi) -> None:
    key = _key(page)
    tile = ProjectsDashboard(page).open().tile(PROJECT)
    tile.disable().confirm()
    expect(tile.tile).to_contain_text(labels.PROJECT_IS_DISABLED)

    tile.enable()

    expect(tile.tile).to_contain_text(labels.NO_NEW_USERS)
    assert ingestion.send(key).status == 200
