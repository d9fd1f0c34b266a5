"""The account dashboard: the active project's Overview, where Method 1 starts."""

from playwright.sync_api import Locator, Page

from . import labels
from .header import Header
from .project_settings import ProjectSettings
from .projects_dashboard import ProjectsDashboard


class AccountDashboard:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.header = Header(page)
        self.heading = page.get_by_role("heading", name=labels.OVERVIEW, level=1)
        self.overview_link = page.get_by_role("navigation").get_by_role("link", name=labels.OVERVIEW)

    def open(self) -> "AccountDashboard":
        self.page.goto("/")
        return self

    def card(self, title: str) -> Locator:
        return self.page.get_by_role("region", name=title, exact=True)

    def open_project_settings(self) -> ProjectSettings:
        """Choose Project Settings in the project menu, once it is open."""
        self.header.project_settings.click()
        return ProjectSettings(self.page)

    def open_projects_dashboard(self) -> ProjectsDashboard:
        self.header.logo.click()
        return ProjectsDashboard(self.page)
