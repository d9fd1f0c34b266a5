"""The how-to's two ways from the dashboard to a project's Channels tab."""

from collections.abc import Callable

from playwright.sync_api import Page

from .account_dashboard import AccountDashboard
from .project_settings import ProjectSettings


def via_active_project_menu(page: Page, project: str) -> ProjectSettings:
    """Method 1: account dashboard → the header's active project → Project Settings → Channels.
    Fails unless `project` is the active one: the header must name it."""
    dashboard = AccountDashboard(page).open()
    dashboard.header.open_project_menu(project)
    settings = dashboard.open_project_settings()
    settings.open_channels()
    return settings


def via_projects_dashboard(page: Page, project: str) -> ProjectSettings:
    """Method 2: logo → Projects dashboard → the tile's ⋮ → Settings... → Channels."""
    tile = AccountDashboard(page).open().open_projects_dashboard().tile(project)
    tile.open_options()
    settings = tile.open_settings()
    settings.open_channels()
    return settings


OpenChannels = Callable[[Page, str], ProjectSettings]
METHODS: dict[str, OpenChannels] = {
    "method-1": via_active_project_menu,
    "method-2": via_projects_dashboard,
}
