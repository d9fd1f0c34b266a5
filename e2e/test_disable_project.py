"""Disabling a project, from its tile's ⋮ menu or its General tab, asks first, then greys that project's tile
and no other and makes its keys refused; leaving the prompt changes nothing; enabling undoes it."""

import pytest
from playwright.sync_api import Page, expect

from pages import ProjectsDashboard, ProjectSettings, labels
from pages.account_keys import read_project_keys
from pages.ingestion_api import IngestionApi
from pages.prompt import DISMISSALS, Dismiss
from testkit.demo import OTHER_PROJECT


def _a_key_of(page: Page, project: str) -> str:
    return next(iter(read_project_keys(page, project).values()))


def _general_tab(page: Page, project: str) -> ProjectSettings:
    """The project's General tab, opened from its tile's ⋮ menu (Settings... opens it)."""
    tile = ProjectsDashboard(page).open().tile(project)
    tile.open_options()
    return tile.open_settings()


def test_disabling_a_project_from_its_tile_greys_that_tile_only_and_refuses_its_keys(
    page: Page, ingestion: IngestionApi
) -> None:
    key = _a_key_of(page, OTHER_PROJECT)
    dashboard = ProjectsDashboard(page).open()
    tile = dashboard.tile(OTHER_PROJECT)

    tile.disable().confirm()

    expect(tile.tile).to_contain_text(labels.PROJECT_IS_DISABLED)
    expect(dashboard.tiles.filter(has_text=labels.PROJECT_IS_DISABLED)).to_have_count(1)
    tile.open_options()
    expect(tile.menu).to_match_aria_snapshot(
        f"""
        - menu:
          - /children: equal
          - menuitem "{labels.ENABLE_PROJECT}"
        """
    )
    assert ingestion.send(key).status == 403


def test_disabling_a_project_from_its_general_tab_disables_that_project_only(page: Page) -> None:
    settings = _general_tab(page, OTHER_PROJECT)

    settings.disable().confirm()

    expect(settings.enable_button).to_be_visible()
    expect(settings.name).to_have_value(OTHER_PROJECT)
    dashboard = ProjectsDashboard(page).open()
    expect(dashboard.tile(OTHER_PROJECT).tile).to_contain_text(labels.PROJECT_IS_DISABLED)
    expect(dashboard.tiles.filter(has_text=labels.PROJECT_IS_DISABLED)).to_have_count(1)


@pytest.mark.read_only
@pytest.mark.parametrize("dismiss", DISMISSALS.values(), ids=DISMISSALS.keys())
def test_leaving_the_disable_prompt_keeps_every_project_enabled(page: Page, dismiss: Dismiss) -> None:
    prompt = ProjectsDashboard(page).open().tile(OTHER_PROJECT).disable()
    expect(prompt.dialog).to_be_visible()

    dismiss(prompt)

    expect(prompt.dialog).to_be_hidden()
    expect(ProjectsDashboard(page).open().tiles.filter(has_text=labels.PROJECT_IS_DISABLED)).to_have_count(0)


def test_enabling_a_project_from_its_tile_accepts_its_keys_again(page: Page, ingestion: IngestionApi) -> None:
    key = _a_key_of(page, OTHER_PROJECT)
    tile = ProjectsDashboard(page).open().tile(OTHER_PROJECT)
    tile.disable().confirm()
    expect(tile.tile).to_contain_text(labels.PROJECT_IS_DISABLED)

    tile.enable()

    expect(tile.tile).to_contain_text(labels.NO_NEW_USERS)
    assert ingestion.send(key).status == 200


def test_enabling_a_project_from_its_general_tab_enables_it_again(page: Page) -> None:
    settings = _general_tab(page, OTHER_PROJECT)
    settings.disable().confirm()
    expect(settings.enable_button).to_be_visible()

    settings.enable_button.click()

    # The tab is drawn anew from what the server stored: the project can be disabled again.
    expect(settings.disable_button).to_be_visible()
    expect(settings.name).to_have_value(OTHER_PROJECT)
