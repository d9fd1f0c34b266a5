"""The how-to's two routes from the account dashboard to a project's Channels tab, as the browser tests take them.

(The documentation check does not use these routes: it follows what the document it reads says.)
"""

from collections.abc import Callable

from playwright.sync_api import Page

from .project_settings import ProjectSettings
from .screen import Screen


def via_active_project_menu(page: Page, project: str) -> ProjectSettings:
    """Method 1: the header's active project → Project Settings → Channels.
    Fails unless `project` is the active one: the header must name it."""
    screen = Screen.of(page, project, channel="")
    screen.dashboard.open()
    screen.header.open_project_menu(project)
    screen.dashboard.open_project_settings()
    screen.settings.open_channels()
    return screen.settings


def via_projects_dashboard(page: Page, project: str) -> ProjectSettings:
    """Method 2: logo → Projects dashboard → the tile's ⋮ → Settings... → Channels."""
    screen = Screen.of(page, project, channel="")
    screen.dashboard.open()
    screen.dashboard.open_projects_dashboard()
    screen.tile.open_options()
    screen.tile.open_settings()
    screen.settings.open_channels()
    return screen.settings


OpenChannels = Callable[[Page, str], ProjectSettings]
METHODS: dict[str, OpenChannels] = {"method-1": via_active_project_menu, "method-2": via_projects_dashboard}
