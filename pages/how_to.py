"""The how-to's two ways from the dashboard to a project's Channels section."""
from collections.abc import Callable

from playwright.sync_api import Page

from .account_dashboard import AccountDashboard
from .project_settings import ProjectSettings


def via_active_project_menu(page: Page, project: str) -> ProjectSettings:
    """Method 1: account dashboard → active project's name → Project settings → Channels."""
    dashboard = AccountDashboard(page, project).open()
    dashboard.open_project_menu()
    settings = dashboard.open_project_settings()
    settings.open_channels()
    return settings


def via_projects_dashboard(page: Page, project: str) -> ProjectSettings:
    """Method 2: logo → projects dashboard → the tile's options → Settings → Channels."""
    dashboard = AccountDashboard(page, project).open()
    tile = dashboard.open_projects_dashboard().tile(project)
    tile.open_options()
    settings = tile.open_settings()
    settings.open_channels()
    return settings


OpenChannels = Callable[[Page, str], ProjectSettings]
METHODS: dict[str, OpenChannels] = {
    "method-1": via_active_project_menu,
    "method-2": via_projects_dashboard,
}
