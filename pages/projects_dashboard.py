"""The projects dashboard reached through the logo: one tile per project (Method 2)."""
from playwright.sync_api import Locator, Page

from .project_settings import ProjectSettings


class ProjectTile:
    def __init__(self, page: Page, project_name: str) -> None:
        self.page = page
        self.tile = page.get_by_role("article", name=project_name, exact=True)
        self.options = self.tile.get_by_role("button", name="Project options")
        self.menu = self.tile.get_by_role("menu")
        self.settings = self.menu.get_by_role("menuitem", name="Settings")

    def open_options(self) -> None:
        self.options.click()

    def open_settings(self) -> ProjectSettings:
        self.settings.click()
        return ProjectSettings(self.page)


class ProjectsDashboard:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Projects", level=1)
        self.tiles: Locator = page.get_by_role("article")

    def open(self) -> "ProjectsDashboard":
        self.page.goto("/projects")
        return self

    def tile(self, project_name: str) -> ProjectTile:
        return ProjectTile(self.page, project_name)
