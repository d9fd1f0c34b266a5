"""The how-to's two methods: each move of `pages.how_to`'s routes with its figures and the claims to assert.

Claims follow the product's screen; where the how-to's words differ from it, the step carries a `gap`,
which the check reports without failing. A step's first claim about its move's own element uses
`present`: when that fails, the reader is stuck and the walk stops there.
"""

from pages import how_to
from pages.how_to import Move

from .claims import (
    AsksToConfirm,
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
from .method import Claim, Method, Step


def present(move: Move, says: str, broken: str) -> Claim:
    """The claim that the element the move uses is on screen."""
    return Claim(says, broken, Visible(move.target))


SETTINGS_OPEN = Claim(
    "the Project Settings page opens", "the project's settings do not open", Visible(lambda s: s.settings.heading)
)
INTEGRATION_GAP = (
    'The how-to asks for the "Integration channel", but no row on the screen says which channels are '
    "Integration channels: the reader has to know that Rasa and Microsoft Bot Framework are, by their type."
)

# From the Channels tab on, both methods take the same steps.
SHARED_STEPS = (
    Step(
        how_to.CHANNELS_TAB,
        "ChannelsChannelsTab",
        "channels-channelstab.png",
        shows=(
            Claim(
                "the page has a 'General' tab",
                "Project Settings has no 'General' tab",
                Visible(lambda s: s.settings.general_tab),
            ),
            present(how_to.CHANNELS_TAB, "the page has a 'Channels' tab", "Project Settings has no 'Channels' tab"),
        ),
        then=(
            Claim(
                "'Channels' becomes the current tab",
                "clicking 'Channels' does not select that tab",
                Selected(lambda s: s.settings.channels_tab),
            ),
            Claim(
                "it lists the connected channels, one row each",
                "the Channels tab lists no channels",
                Listed(lambda s: s.settings.channel_rows),
            ),
        ),
        instruction="Project Settings has two tabs, General and Channels. Open Channels: each channel connected "
        "to the project has a row of its own.",
    ),
    Step(
        how_to.CLICK_CHANNEL,
        "Regen Click Int Channel",
        "regen-clickintchannel.png",
        shows=(
            present(
                how_to.CLICK_CHANNEL, "the channel has a row", "the channel is not in the list of connected channels"
            ),
        ),
        then=(
            Claim(
                "the row opens in place",
                "clicking the channel's row does not open it",
                Expanded(how_to.CLICK_CHANNEL.target),
            ),
            Claim(
                "it shows the channel's API Key",
                "the opened channel shows no API Key",
                ShowsKey(lambda s: s.channel.api_key),
            ),
        ),
        gap=INTEGRATION_GAP,
        instruction="Click the row of the Integration channel whose key you want to replace (Rasa here). The row "
        "opens where it is.",
    ),
    Step(
        how_to.CLICK_REGENERATE,
        "Regen Int Click Regen",
        "regen-intclickregen.png",
        shows=(
            present(
                how_to.CLICK_REGENERATE,
                "the opened channel has a 'Regenerate' button",
                "the channel's settings have no 'Regenerate' button",
            ),
            Claim(
                "the button is on the right side, at the end of the key field",
                "the Regenerate button is not on the right side of the channel's settings",
                Placed(how_to.CLICK_REGENERATE.target, "right half", within=lambda s: s.channel.region),
            ),
        ),
        then=(Claim("a prompt opens", "clicking Regenerate opens no prompt", Visible(lambda s: s.dialog.dialog)),),
        instruction="Under API Key, the key sits in a field with two buttons at its right end, Copy and "
        "Regenerate. Click Regenerate.",
    ),
    Step(
        how_to.CONFIRM,
        "Regen Int Confirm",
        "regen-intconfirm.png",
        shows=(
            Claim(
                "the prompt's question asks about regenerating the key",
                "the prompt does not ask to confirm",
                AsksToConfirm(lambda s: s.dialog.dialog, "regenerate"),
            ),
            Claim(
                "the prompt is modal: the page under it waits for an answer",
                "the prompt is not modal: the page under it can still be used",
                Modal(lambda s: s.dialog.dialog),
            ),
            present(how_to.CONFIRM, "its confirm button reads 'Regenerate'", "the prompt has no 'Regenerate' button"),
        ),
        then=(Claim("the prompt closes", "the prompt stays open after confirming", Hidden(lambda s: s.dialog.dialog)),),
        instruction="The page dims and asks whether to regenerate the key and invalidate the old one. Click "
        "Regenerate to go ahead; Cancel keeps the current key.",
    ),
    Step(
        how_to.NEW_KEY,
        "Regen Int View",
        "regen-intview.png",
        shows=(
            Claim(
                "the opened channel shows a new key",
                "the key shown after confirming is not a new one",
                KeyIsNew(how_to.NEW_KEY.target),
            ),
        ),
        then=(
            Claim(
                "the new key is unique: no other channel of the account has it",
                "the new key is not unique in the account",
                KeyIsUnique(how_to.NEW_KEY.target),
            ),
        ),
        instruction="The same row now shows the new key, which no other channel of your account shares; there "
        "is no other message. Give the new key to your bot: the old one no longer works.",
    ),
)

METHOD_1 = Method(
    how_to.ACTIVE_PROJECT_MENU,
    (
        Step(
            how_to.ACTIVE_PROJECT,
            "Dashboard Active Project",
            "dashboardactiveproject.png",
            shows=(
                present(
                    how_to.ACTIVE_PROJECT,
                    "the header names the active project",
                    "the account dashboard does not show the active project's name",
                ),
            ),
            then=(
                Claim(
                    "clicking the name opens the project menu",
                    "clicking the project's name opens no menu",
                    Visible(lambda s: s.header.project_menu),
                ),
            ),
            instruction="In the dark header, the Project block names the active project. Click it to open "
            "the project menu.",
        ),
        Step(
            how_to.PROJECT_SETTINGS,
            "Dashboard Click Project Settings",
            "dashboard-clickprojectsettings.png",
            shows=(
                present(
                    how_to.PROJECT_SETTINGS,
                    "the menu has a 'Project Settings' item",
                    "the project's menu has no 'Project Settings' item",
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
    how_to.PROJECTS_DASHBOARD,
    (
        Step(
            how_to.CLICK_LOGO,
            "Project Click Logo",
            "project-clicklogo.png",
            shows=(
                present(
                    how_to.CLICK_LOGO,
                    "the header shows the botanalytics logo",
                    "the header has no Botanalytics logo link",
                ),
                Claim(
                    "the logo is in the top-left corner",
                    "the Botanalytics logo is not in the top-left corner",
                    Placed(how_to.CLICK_LOGO.target, "top-left corner"),
                ),
            ),
            then=(
                Claim(
                    "the logo leads to the Projects dashboard",
                    "the logo does not lead to the Projects dashboard",
                    Visible(lambda s: s.projects.heading),
                ),
            ),
            instruction="Click the botanalytics logo at the top left of the header to reach the Projects dashboard.",
        ),
        Step(
            how_to.FIND_TILE,
            "Projects View Tile",
            "project-viewtile.png",
            shows=(
                present(
                    how_to.FIND_TILE,
                    "the Projects dashboard has a tile for the project",
                    "the Projects dashboard has no tile for the project",
                ),
            ),
            instruction="Find the tile of the project whose channel needs a new key; its name is on the "
            "coloured ribbon.",
            gap="Here the how-to's text has the reader look for the project \"to add a new Integration channel "
            'to", wording from another how-to; the project meant is the one whose channel needs a new key.',
            full_page=True,
        ),
        Step(
            how_to.TILE_OPTIONS,
            None,
            "project-clickellipsis.png",
            shows=(
                present(how_to.TILE_OPTIONS, "the tile has a ⋮ button", "the project tile has no options button"),
                Claim(
                    "the ⋮ is in the tile's top-right corner",
                    "the project tile's options button is not in its top-right corner",
                    Placed(how_to.TILE_OPTIONS.target, "top-right corner", within=lambda s: s.tile.tile),
                ),
            ),
            then=(
                Claim(
                    "the menu offers 'Settings...'",
                    "the project tile's menu has no 'Settings...' item",
                    Visible(how_to.TILE_SETTINGS.target),
                ),
            ),
            instruction="Click the ⋮ beside the star in the tile's top-right corner to open its menu.",
            in_how_to=False,
            gap="The how-to's text goes from finding the tile straight to the settings page: it never tells the "
            "reader to open the tile's ⋮ menu (the product's figure project-clickellipsis.png shows it).",
            full_page=True,
        ),
        Step(
            how_to.TILE_SETTINGS,
            None,
            "project-clicksettings.png",
            shows=(
                present(
                    how_to.TILE_SETTINGS,
                    "the menu's item reads 'Settings...'",
                    "the project tile's menu has no 'Settings...' item",
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
