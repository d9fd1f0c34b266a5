"""The how-to's two methods as data: per step its figures, the page-object action and the claims to assert.

Claims follow the product's screen; where the how-to's words differ from it, the step carries a `gap`,
which the check reports without failing. Targets and actions name page objects of `pages/` as
`object.member` or `object.method(argument)`: objects are header, dashboard, projects, tile, settings,
channel and dialog (the channel's prompt); arguments are project and channel.
"""

from dataclasses import dataclass

from .claims import (
    AsksToConfirm,
    Check,
    Expanded,
    Hidden,
    KeyIsNew,
    KeyIsUnique,
    Listed,
    Modal,
    Placed,
    Selected,
    ShowsKey,
    Visible,
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
    figure: str | None  # the how-to's caption for this step's figure; None where its text has none
    product_figure: str  # the product's own screenshot of this step, in shared/reference-ui/
    target: str  # the element to act on, outlined in the figure
    action: str | None  # the page-object action; None where the reader only looks
    shows: tuple[Claim, ...]  # checked before the figure is taken
    then: tuple[Claim, ...] = ()  # checked after the action (after the figure when there is none)
    in_how_to: bool = True  # False: the how-to's text leaves this step out
    gap: str | None = None  # where the how-to's words differ from the screen, or leave something unsaid
    instruction: str = ""  # what the reader does, for the illustrated guide
    full_page: bool = False  # the product's figure of this screen shows the whole page, not only the viewport


@dataclass(frozen=True)
class Method:
    key: str  # "method-1": folder of its figures
    name: str  # "Method 1": how failures name it
    title: str
    start: str  # the page-object call that opens the page the method starts on
    steps: tuple[Step, ...]


SETTINGS_OPEN = Claim(
    "the Project Settings page opens", "the project's settings do not open", Visible("settings.heading")
)
INTEGRATION_GAP = (
    'The how-to asks for the "Integration channel", but no row on the screen says which channels are '
    "Integration channels: the reader has to know that Rasa and Microsoft Bot Framework are, by their type."
)

# From the Channels tab on, both methods take the same steps.
SHARED_STEPS = (
    Step(
        "channels-tab",
        "Open the Channels tab",
        "ChannelsChannelsTab",
        "channels-channelstab.png",
        "settings.channels_tab",
        "settings.open_channels()",
        shows=(
            Claim(
                "the page has a 'General' tab", "Project Settings has no 'General' tab", Visible("settings.general_tab")
            ),
            Claim(
                "the page has a 'Channels' tab",
                "Project Settings has no 'Channels' tab",
                Visible("settings.channels_tab"),
            ),
        ),
        then=(
            Claim(
                "'Channels' becomes the current tab",
                "clicking 'Channels' does not select that tab",
                Selected("settings.channels_tab"),
            ),
            Claim(
                "it lists the connected channels, one row each",
                "the Channels tab lists no channels",
                Listed("settings.channel_rows"),
            ),
        ),
        instruction="Project Settings has two tabs, General and Channels. Open Channels: each channel connected "
        "to the project has a row of its own.",
    ),
    Step(
        "click-channel",
        "Open the Integration channel's row",
        "Regen Click Int Channel",
        "regen-clickintchannel.png",
        "settings.channel(channel)",
        "settings.open_channel(channel)",
        shows=(
            Claim(
                "the channel has a row",
                "the channel is not in the list of connected channels",
                Visible("settings.channel(channel)"),
            ),
        ),
        then=(
            Claim(
                "the row opens in place",
                "clicking the channel's row does not open it",
                Expanded("settings.channel(channel)"),
            ),
            Claim("it shows the channel's API Key", "the opened channel shows no API Key", ShowsKey("channel.api_key")),
        ),
        gap=INTEGRATION_GAP,
        instruction="Click the row of the Integration channel whose key you want to replace (Rasa here). The row "
        "opens where it is.",
    ),
    Step(
        "click-regenerate",
        "Click Regenerate",
        "Regen Int Click Regen",
        "regen-intclickregen.png",
        "channel.regenerate_button",
        "channel.regenerate()",
        shows=(
            Claim(
                "the opened channel has a 'Regenerate' button",
                "the channel's settings have no 'Regenerate' button",
                Visible("channel.regenerate_button"),
            ),
            Claim(
                "the button is on the right side, at the end of the key field",
                "the Regenerate button is not on the right side of the channel's settings",
                Placed("channel.regenerate_button", "right half", within="channel.region"),
            ),
        ),
        then=(Claim("a prompt opens", "clicking Regenerate opens no prompt", Visible("dialog.dialog")),),
        instruction="Under API Key, the key sits in a field with two buttons at its right end, Copy and "
        "Regenerate. Click Regenerate.",
    ),
    Step(
        "confirm",
        "Confirm in the prompt",
        "Regen Int Confirm",
        "regen-intconfirm.png",
        "dialog.confirm_button",
        "dialog.confirm()",
        shows=(
            Claim(
                "the prompt's question asks about regenerating the key",
                "the prompt does not ask to confirm",
                AsksToConfirm("dialog.dialog", "regenerate"),
            ),
            Claim(
                "the prompt is modal: the page under it waits for an answer",
                "the prompt is not modal: the page under it can still be used",
                Modal("dialog.dialog"),
            ),
            Claim(
                "its confirm button reads 'Regenerate'",
                "the prompt has no 'Regenerate' button",
                Visible("dialog.confirm_button"),
            ),
        ),
        then=(Claim("the prompt closes", "the prompt stays open after confirming", Hidden("dialog.dialog")),),
        instruction="The page dims and asks whether to regenerate the key and invalidate the old one. Click "
        "Regenerate to go ahead; Cancel keeps the current key.",
    ),
    Step(
        "new-key",
        "See the new key",
        "Regen Int View",
        "regen-intview.png",
        "channel.api_key",
        None,
        shows=(
            Claim(
                "the opened channel shows a new key",
                "the key shown after confirming is not a new one",
                KeyIsNew("channel.api_key"),
            ),
        ),
        then=(
            Claim(
                "the new key is unique: no other channel of the account has it",
                "the new key is not unique in the account",
                KeyIsUnique(),
            ),
        ),
        instruction="The same row now shows the new key, which no other channel of your account shares; there "
        "is no other message. Give the new key to your bot: the old one no longer works.",
    ),
)

METHOD_1 = Method(
    "method-1",
    "Method 1",
    "From the account dashboard",
    "dashboard.open()",
    (
        Step(
            "active-project",
            "Open the active project's menu",
            "Dashboard Active Project",
            "dashboardactiveproject.png",
            "header.project_named(project)",
            "header.open_project_menu(project)",
            shows=(
                Claim(
                    "the header names the active project",
                    "the account dashboard does not show the active project's name",
                    Visible("header.project_named(project)"),
                ),
            ),
            then=(
                Claim(
                    "clicking the name opens the project menu",
                    "clicking the project's name opens no menu",
                    Visible("header.project_menu"),
                ),
            ),
            instruction="In the dark header, the Project block names the active project. Click it to open "
            "the project menu.",
        ),
        Step(
            "project-settings",
            "Choose Project Settings",
            "Dashboard Click Project Settings",
            "dashboard-clickprojectsettings.png",
            "header.project_settings",
            "dashboard.open_project_settings()",
            shows=(
                Claim(
                    "the menu has a 'Project Settings' item",
                    "the project's menu has no 'Project Settings' item",
                    Visible("header.project_settings"),
                ),
            ),
            then=(SETTINGS_OPEN,),
            gap='The how-to writes the menu item as "Project settings"; on the screen it reads '
            '"Project Settings", with a capital S.',
            instruction="Choose Project Settings, the first item of the menu.",
        ),
        *SHARED_STEPS,
    ),
)

METHOD_2 = Method(
    "method-2",
    "Method 2",
    "From the Projects dashboard",
    "dashboard.open()",
    (
        Step(
            "click-logo",
            "Click the botanalytics logo",
            "Project Click Logo",
            "project-clicklogo.png",
            "header.logo",
            "dashboard.open_projects_dashboard()",
            shows=(
                Claim(
                    "the header shows the botanalytics logo",
                    "the header has no Botanalytics logo link",
                    Visible("header.logo"),
                ),
                Claim(
                    "the logo is in the top-left corner",
                    "the Botanalytics logo is not in the top-left corner",
                    Placed("header.logo", "top-left corner"),
                ),
            ),
            then=(
                Claim(
                    "the logo leads to the Projects dashboard",
                    "the logo does not lead to the Projects dashboard",
                    Visible("projects.heading"),
                ),
            ),
            instruction="Click the botanalytics logo at the top left of the header to reach the Projects dashboard.",
        ),
        Step(
            "find-tile",
            "Find the project's tile",
            "Projects View Tile",
            "project-viewtile.png",
            "tile.tile",
            None,
            shows=(
                Claim(
                    "the Projects dashboard has a tile for the project",
                    "the Projects dashboard has no tile for the project",
                    Visible("tile.tile"),
                ),
            ),
            instruction="Find the tile of the project whose channel needs a new key; its name is on the "
            "coloured ribbon.",
            gap="Here the how-to's text has the reader look for the project \"to add a new Integration channel "
            'to", wording from another how-to; the project meant is the one whose channel needs a new key.',
            full_page=True,
        ),
        Step(
            "tile-options",
            "Open the tile's ⋮ menu",
            None,
            "project-clickellipsis.png",
            "tile.options",
            "tile.open_options()",
            shows=(
                Claim("the tile has a ⋮ button", "the project tile has no options button", Visible("tile.options")),
                Claim(
                    "the ⋮ is in the tile's top-right corner",
                    "the project tile's options button is not in its top-right corner",
                    Placed("tile.options", "top-right corner", within="tile.tile"),
                ),
            ),
            then=(
                Claim(
                    "the menu offers 'Settings...'",
                    "the project tile's menu has no 'Settings...' item",
                    Visible("tile.settings"),
                ),
            ),
            instruction="Click the ⋮ beside the star in the tile's top-right corner to open its menu.",
            in_how_to=False,
            gap="The how-to's text goes from finding the tile straight to the settings page: it never tells the "
            "reader to open the tile's ⋮ menu (the product's figure project-clickellipsis.png shows it).",
            full_page=True,
        ),
        Step(
            "tile-settings",
            "Choose Settings...",
            None,
            "project-clicksettings.png",
            "tile.settings",
            "tile.open_settings()",
            shows=(
                Claim(
                    "the menu's item reads 'Settings...'",
                    "the project tile's menu has no 'Settings...' item",
                    Visible("tile.settings"),
                ),
            ),
            then=(SETTINGS_OPEN,),
            instruction="Choose Settings..., the menu's first item.",
            in_how_to=False,
            gap='The how-to\'s text never names this menu item: it speaks only of "Project Settings" and '
            '"the settings window", while the item to choose reads "Settings..." (the product\'s figure '
            "project-clicksettings.png shows it).",
            full_page=True,
        ),
        *SHARED_STEPS,
    ),
)

METHODS = (METHOD_1, METHOD_2)
