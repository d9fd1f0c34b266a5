"""The how-to's two routes from the account dashboard to a channel's new key, one move at a time.

The browser tests follow a route to the Channels tab, starting on the account dashboard. (The
documentation check does not use these routes: it follows what the document it reads says.)
"""

from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Locator, Page

from .project_settings import ProjectSettings
from .screen import Screen


@dataclass(frozen=True)
class Move:
    """One thing the reader does: the element they use, and using it."""

    id: str  # stable: names the move's figure
    title: str
    target: Callable[[Screen], Locator]
    action: Callable[[Screen], object] | None  # None where the reader only looks


@dataclass(frozen=True)
class Route:
    key: str  # "method-1": names the route in test ids and figure folders
    name: str  # "Method 1": as the how-to numbers it
    title: str
    moves: tuple[Move, ...]


def start(screen: Screen) -> None:
    screen.dashboard.open()


ACTIVE_PROJECT = Move(
    "active-project",
    "Open the active project's menu",
    lambda s: s.header.project_named(s.project),
    lambda s: s.header.open_project_menu(s.project),
)
PROJECT_SETTINGS = Move(
    "project-settings",
    "Choose Project Settings",
    lambda s: s.header.project_settings,
    lambda s: s.dashboard.open_project_settings(),
)
CLICK_LOGO = Move(
    "click-logo",
    "Click the botanalytics logo",
    lambda s: s.header.logo,
    lambda s: s.dashboard.open_projects_dashboard(),
)
FIND_TILE = Move("find-tile", "Find the project's tile", lambda s: s.tile.tile, None)
TILE_OPTIONS = Move("tile-options", "Open the tile's ⋮ menu", lambda s: s.tile.options, lambda s: s.tile.open_options())
TILE_SETTINGS = Move("tile-settings", "Choose Settings...", lambda s: s.tile.settings, lambda s: s.tile.open_settings())

# From the Channels tab on, both routes take the same moves.
CHANNELS_TAB = Move(
    "channels-tab", "Open the Channels tab", lambda s: s.settings.channels_tab, lambda s: s.settings.open_channels()
)
CLICK_CHANNEL = Move(
    "click-channel",
    "Open the Integration channel's row",
    lambda s: s.settings.channel(s.channel_name),
    lambda s: s.settings.open_channel(s.channel_name),
)
CLICK_REGENERATE = Move(
    "click-regenerate", "Click Regenerate", lambda s: s.channel.regenerate_button, lambda s: s.channel.regenerate()
)
CONFIRM = Move("confirm", "Confirm in the prompt", lambda s: s.dialog.confirm_button, lambda s: s.dialog.confirm())
NEW_KEY = Move("new-key", "See the new key", lambda s: s.channel.api_key, None)
FROM_CHANNELS_TAB = (CHANNELS_TAB, CLICK_CHANNEL, CLICK_REGENERATE, CONFIRM, NEW_KEY)

ACTIVE_PROJECT_MENU = Route(
    "method-1", "Method 1", "From the account dashboard", (ACTIVE_PROJECT, PROJECT_SETTINGS, *FROM_CHANNELS_TAB)
)
PROJECTS_DASHBOARD = Route(
    "method-2",
    "Method 2",
    "From the Projects dashboard",
    (CLICK_LOGO, FIND_TILE, TILE_OPTIONS, TILE_SETTINGS, *FROM_CHANNELS_TAB),
)
ROUTES = (ACTIVE_PROJECT_MENU, PROJECTS_DASHBOARD)


def open_channels_tab(route: Route, page: Page, project: str) -> ProjectSettings:
    """Follow `route` from the account dashboard up to and including opening the Channels tab."""
    screen = Screen.of(page, project, channel="")  # no move before the Channels tab names a channel
    start(screen)
    for move in route.moves[: route.moves.index(CHANNELS_TAB) + 1]:
        if move.action:
            move.action(screen)
    return screen.settings


def via_active_project_menu(page: Page, project: str) -> ProjectSettings:
    """Method 1: the header's active project → Project Settings → Channels.
    Fails unless `project` is the active one: the header must name it."""
    return open_channels_tab(ACTIVE_PROJECT_MENU, page, project)


def via_projects_dashboard(page: Page, project: str) -> ProjectSettings:
    """Method 2: logo → Projects dashboard → the tile's ⋮ → Settings... → Channels."""
    return open_channels_tab(PROJECTS_DASHBOARD, page, project)


OpenChannels = Callable[[Page, str], ProjectSettings]
METHODS: dict[str, OpenChannels] = {
    ACTIVE_PROJECT_MENU.key: via_active_project_menu,
    PROJECTS_DASHBOARD.key: via_projects_dashboard,
}
