"""The Projects dashboard reached through the logo: one tile per project (Method 2)."""

from playwright.sync_api import Locator, Page

from . import labels
from .project_settings import ProjectSettings
from .prompt import Prompt


class ProjectTile:
    def __init__(self, page: Page, project_name: str) -> None:
        self.page = page
        self.tile = page.get_by_role("article", name=project_name, exact=True)
        self.name = self.tile.get_by_role("button", name=project_name, exact=True)
        self.star = self.tile.get_by_role("button", name=labels.STAR, exact=True)
        self.options = self.tile.get_by_role("button", name=labels.OPTIONS, exact=True)
        self.menu = self.tile.get_by_role("menu", name=labels.OPTIONS)
        self.settings = self.menu.get_by_role("menuitem", name=labels.SETTINGS_ITEM, exact=True)
        self.disable_item = self.menu.get_by_role("menuitem", name=labels.DISABLE_PROJECT, exact=True)
        self.enable_item = self.menu.get_by_role("menuitem", name=labels.ENABLE_PROJECT, exact=True)
        self.channel_icons = self.tile.get_by_role("listitem")
        self.disable_prompt = Prompt(page, labels.DISABLE_QUESTION, labels.DISABLE_PROJECT)

    def open_options(self) -> None:
        self.options.click()

    def open_settings(self) -> ProjectSettings:
        self.settings.click()
        return ProjectSettings(self.page)

    def disable(self) -> Prompt:
        self.open_options()
        self.disable_item.click()
        return self.disable_prompt

    def enable(self) -> None:
        self.open_options()
        self.enable_item.click()

    def open_project(self) -> None:
        """Click the tile's name: the project becomes the active one and its Overview opens."""
        self.name.click()

    def click_middle(self) -> None:
        """Click the middle of the tile, away from its name, star and ⋮: in the product the project opens too."""
        self.tile.click()


class ProjectsDashboard:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name=labels.PROJECTS, level=1)
        self.add_project = page.get_by_role("button", name=labels.ADD_PROJECT, exact=True)
        self.tiles: Locator = page.get_by_role("article")
        self.tile_titles: Locator = self.tiles.get_by_role("heading", level=2)

    def open(self) -> "ProjectsDashboard":
        self.page.goto("/projects")
        return self

    def tile(self, project_name: str) -> ProjectTile:
        return ProjectTile(self.page, project_name)
