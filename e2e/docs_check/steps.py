"""The how-to's two methods as data: per step its figure, the page-object action and the claims to assert.

Targets and actions name page objects of `pages/` as `object.member` or `object.method(argument)`:
objects are dashboard, projects, tile, settings, channel and dialog; arguments are project and channel.
"""
from dataclasses import dataclass, replace

from .claims import (
    AsksToConfirm, Check, ContainsText, Hidden, KeyIsNew, KeyIsUnique, Placed, Selected, ShowsKey, Visible,
)


@dataclass(frozen=True)
class Claim:
    says: str  # what the how-to promises, in the project's words; the guide lists it
    broken: str  # what a reader meets when the promise fails; the report names it
    check: Check


@dataclass(frozen=True)
class Step:
    id: str  # stable: names the figure file
    title: str
    figure: str | None  # the how-to's figure for this step; None where the how-to has none
    target: str  # the element to act on, outlined in the figure
    action: str | None  # the page-object action; None where the reader only looks
    shows: tuple[Claim, ...]  # checked before the figure is taken
    then: tuple[Claim, ...] = ()  # checked after the action (after the figure when there is none)
    in_how_to: bool = True  # False: the how-to leaves this step out
    gap: str | None = None  # what the how-to gets wrong or leaves unsaid here
    instruction: str = ""  # what the reader does, for the illustrated guide


@dataclass(frozen=True)
class Method:
    key: str  # "method-1": folder of its figures
    name: str  # "Method 1": how failures name it
    title: str
    start: str  # the page-object call that opens the page the method starts on
    steps: tuple[Step, ...]


SETTINGS_OPEN = Claim(
    "the project's settings open", "the project's settings do not open", Visible("settings.general_tab")
)

# From the Channels section on, both methods take the same steps.
SHARED_STEPS = (
    Step(
        "channels-tab", "Open the Channels section", "ChannelsChannelsTab", "settings.channels_tab",
        "settings.open_channels()",
        shows=(
            Claim("the settings have a 'General' section", "the project settings have no 'General' section",
                  Visible("settings.general_tab")),
            Claim("the settings have a 'Channels' section", "the project settings have no 'Channels' section",
                  Visible("settings.channels_tab")),
        ),
        then=(
            Claim("'Channels' becomes the current section", "clicking 'Channels' does not select that section",
                  Selected("settings.channels_tab")),
            Claim("it lists the connected channels", "the Channels section lists no connected channels",
                  Visible("settings.channel_list")),
        ),
        instruction="The project's settings have two sections, General and Channels. Open Channels to see the "
                    "channels connected to the project.",
    ),
    Step(
        "click-channel", "Click the Integration channel", "Regen Click Int Channel", "settings.channel(channel)",
        "settings.open_channel(channel)",
        shows=(
            Claim("the channel is in the list", "the channel is not in the list of connected channels",
                  Visible("settings.channel(channel)")),
            Claim("the list marks it as an Integration channel", "the list does not mark the channel as an "
                  "Integration channel", ContainsText("settings.channel_row(channel)", "Integration channel")),
        ),
        then=(
            Claim("the channel's settings open", "clicking the channel does not open its settings",
                  Visible("channel.region")),
            Claim("they show the channel's API key", "the channel's settings show no API key",
                  ShowsKey("channel.api_key")),
        ),
        instruction="Click the name of the Integration channel whose key you want to replace. Its settings open "
                    "below it.",
    ),
    Step(
        "click-regenerate", "Click Regenerate", "Regen Int Click Regen", "channel.regenerate_button",
        "channel.regenerate()",
        shows=(
            Claim("the channel's settings have a 'Regenerate' button",
                  "the channel's settings have no 'Regenerate' button", Visible("channel.regenerate_button")),
            Claim("the button is on the right side of the channel's settings",
                  "the Regenerate button is not on the right side of the channel's settings",
                  Placed("channel.regenerate_button", "right half", within="channel.region")),
        ),
        then=(
            Claim("a prompt opens", "clicking Regenerate opens no prompt", Visible("dialog.dialog")),
        ),
        instruction="The channel's settings show its API key with two buttons, Copy and, at the right, Regenerate. "
                    "Click Regenerate.",
    ),
    Step(
        "confirm", "Confirm in the prompt", "Regen Int Confirm", "dialog.confirm_button", "dialog.confirm()",
        shows=(
            Claim("the prompt asks to confirm", "the prompt does not ask to confirm", AsksToConfirm("dialog.dialog")),
            Claim("its confirm button is labelled 'Regenerate'", "the prompt has no 'Regenerate' button",
                  Visible("dialog.confirm_button")),
        ),
        then=(
            Claim("the prompt closes", "the prompt stays open after confirming", Hidden("dialog.dialog")),
        ),
        instruction="A prompt asks whether you really want a new key. Click its Regenerate button to go ahead; "
                    "Cancel keeps the current key.",
    ),
    Step(
        "new-key", "See the new key", "Regen Int View", "channel.api_key", None,
        shows=(
            Claim("the channel's settings show a new key", "the key shown after confirming is not a new one",
                  KeyIsNew("channel.api_key")),
        ),
        then=(
            Claim("the new key is unique: no other channel of the account has it",
                  "the new key is not unique in the account", KeyIsUnique()),
        ),
        instruction="The channel's settings now show its new key, which no other channel of your account shares. "
                    "Give it to your bot in place of the old one.",
    ),
)

METHOD_1 = Method(
    "method-1", "Method 1", "From the account dashboard", "dashboard.open()",
    (
        Step(
            "active-project", "Open the active project's menu", "Dashboard Active Project",
            "dashboard.active_project", "dashboard.open_project_menu()",
            shows=(
                Claim("the dashboard shows the active project's name", "the account dashboard does not show the "
                      "active project's name", Visible("dashboard.active_project")),
            ),
            then=(
                Claim("clicking the name opens a menu", "clicking the project's name opens no menu",
                      Visible("dashboard.menu")),
            ),
            instruction="The account dashboard's header carries the active project's name as a button; "
                        "clicking that button opens the project's menu.",
        ),
        Step(
            "project-settings", "Choose Project settings", "Dashboard Click Project Settings",
            "dashboard.project_settings", "dashboard.open_project_settings()",
            shows=(
                Claim("the menu has a 'Project settings' item", "the project's menu has no 'Project settings' item",
                      Visible("dashboard.project_settings")),
            ),
            then=(SETTINGS_OPEN,),
            instruction="Choose Project settings in the menu.",
        ),
        *SHARED_STEPS,
    ),
)

METHOD_2 = Method(
    "method-2", "Method 2", "From the Projects dashboard", "dashboard.open()",
    (
        Step(
            "click-logo", "Click the Botanalytics logo", "Project Click Logo", "dashboard.logo",
            "dashboard.open_projects_dashboard()",
            shows=(
                Claim("the header shows the Botanalytics logo", "the header has no Botanalytics logo link",
                      Visible("dashboard.logo")),
                Claim("the logo is in the top-left corner", "the Botanalytics logo is not in the top-left corner",
                      Placed("dashboard.logo", "top-left corner")),
            ),
            then=(
                Claim("the logo leads to the Projects dashboard", "the logo does not lead to the Projects dashboard",
                      Visible("projects.heading")),
            ),
            instruction="Click the Botanalytics logo at the top left of the page to reach the Projects dashboard.",
        ),
        Step(
            "find-tile", "Find the project's tile", "Projects View Tile", "tile.tile", None,
            shows=(
                Claim("the Projects dashboard has a tile for the project", "the Projects dashboard has no tile "
                      "for the project", Visible("tile.tile")),
            ),
            instruction="Find the tile of the project whose channel needs a new key.",
            gap="The how-to's text here speaks of adding a new Integration channel to the project, wording left "
                "over from another page; the project meant is the one whose channel needs a new key.",
        ),
        Step(
            "tile-options", "Open the tile's options menu", None, "tile.options", "tile.open_options()",
            shows=(
                Claim("the tile has an options button (three dots)", "the project tile has no options button",
                      Visible("tile.options")),
                Claim("the options button is in the tile's top-right corner", "the project tile's options button "
                      "is not in its top-right corner", Placed("tile.options", "top-right corner", within="tile.tile")),
            ),
            then=(
                Claim("the tile's menu offers 'Settings'", "the project tile's menu has no 'Settings' item",
                      Visible("tile.settings")),
            ),
            instruction="Click the three dots in the tile's top-right corner to open its menu.",
            in_how_to=False,
            gap="The how-to goes straight from finding the tile to the settings window: it never says to open "
                "the tile's options menu (the three dots) and choose Settings.",
        ),
        Step(
            "tile-settings", "Choose Settings", None, "tile.settings", "tile.open_settings()",
            shows=(
                Claim("the menu's item is labelled 'Settings'", "the project tile's menu has no 'Settings' item",
                      Visible("tile.settings")),
            ),
            then=(SETTINGS_OPEN,),
            instruction="Choose Settings in the tile's menu.",
            in_how_to=False,
        ),
        *SHARED_STEPS[:-1],
        replace(SHARED_STEPS[-1], figure="Regen Int View2"),
    ),
)

METHODS = (METHOD_1, METHOD_2)
