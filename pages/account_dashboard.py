"""The account dashboard: the header's logo and the active project's menu (Method 1 starts here)."""
from playwright.sync_api import Page

from .project_settings import ProjectSettings
from .projects_dashboard import ProjectsDashboard


class AccountDashboard:
    def __init__(self, page: Page, project_name: str) -> None:
        self.page = page
        self.logo = page.get_by_role("link", name="Botanalytics")
        self.active_project = page.get_by_role("button", name=project_name, exact=True)
        self.menu = page.get_by_role("menu", name=project_name, exact=True)
        self.project_settings = self.menu.get_by_role("menuitem", name="Project settings")

    def open(self) -> "AccountDashboard":
        self.page.goto("/")
        return self

    def open_project_menu(self) -> None:
        self.active_project.click()

    def open_project_settings(self) -> ProjectSettings:
        self.project_settings.click()
        return ProjectSettings(self.page)

    def open_projects_dashboard(self) -> ProjectsDashboard:
        self.logo.click()
        return ProjectsDashboard(self.page)
