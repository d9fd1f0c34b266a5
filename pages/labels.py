"""The product's on-screen words that the page objects locate by, each with the figure that shows it.

Figures are the product's own screenshots of the how-to (kept outside this repository). A name marked "ours" is
an element the product shows without words (an icon); the product's markup may name it otherwise.
"""

# Header (dashboardactiveproject.png, project-clicklogo.png)
LOGO = "botanalytics"  # the wordmark beside the mark, top left; it leads to the Projects dashboard
PROJECT = "Project"  # small grey label above the active project's name
CHANNEL = "Channel"  # small grey label above "All Channels"
ALL_CHANNELS = "All Channels"
MY_PROFILE = "My Profile"  # above the user's name, at the right
LOG_OUT = "Log out"  # no figure shows the My Profile menu; the product puts Log out there

# The project menu (dashboard-clickprojectsettings.png)
PROJECT_SETTINGS = "Project Settings"  # capital S; also the settings page's heading (channels-channelstab.png)
SWITCH_PROJECTS = "Switch Projects"
CREATE_PROJECT = "Create project"

# Side-bar and Overview (dashboardactiveproject.png)
OVERVIEW = "Overview"
OVERVIEW_CARDS = ("Power User Histogram", "Message Volume by Channel", "Cumulative New Users", "Message Volume by Day")

# Project Settings (channels-channelstab.png, regen-clickintchannel.png)
GENERAL = "General"
CHANNELS = "Channels"
NAME = "Name"
RENAME = "Rename"
DISABLE_THIS_PROJECT = "Disable this project"
ENABLE_THIS_PROJECT = "Enable this project"  # ours: no figure shows a disabled project's General tab
DANGER_ZONE = "Danger Zone"
CONNECT_NEW_CHANNEL = "Connect new channel..."
CONNECTED = "Connected"  # at a channel row's right, before how long ago: "Connected 4 months ago"

# The expanded channel (regen-intclickregen.png, regen-intview.png)
INSTRUCTIONS_FOR = "integration instructions for"  # the message box's link, then the channel type: "... for Rasa"
API_KEY = "API Key"  # capital K
COPY = "Copy"
REGENERATE = "Regenerate"  # right-most of the two buttons attached to the key
STATUS = "Status"
NOT_INTEGRATED = "Not Integrated"
INTEGRATED = "Integrated"  # shown with a green dot once verified, in the product
VERIFY = "Verify"
REMOVE_THIS_CHANNEL = "Remove this channel"

# The prompt (regen-intconfirm.png): its question is its name
REGENERATE_QUESTION = "Do you want to regenerate API key and invalidate the old key?"
CANCEL = "Cancel"

# Projects dashboard (project-viewtile.png, project-clickellipsis.png, project-clicksettings.png)
PROJECTS = "Projects"
ADD_PROJECT = "Add project..."
NO_NEW_USERS = "No new users"
TILE_CHANNELS = "Channels"  # the grey chip at a tile's foot
STAR = "Star"  # ours: the ☆ icon at a tile's top right
OPTIONS = "Options"  # ours: the ⋮ icon beside the star
SETTINGS_ITEM = "Settings..."  # with the ellipsis
DISABLE_PROJECT = "Disable project"
ENABLE_PROJECT = "Enable project"  # in the product, a disabled project's only menu item
PROJECT_IS_DISABLED = "Project is disabled"  # in the product, a disabled tile's text
DISABLE_QUESTION = "Do you want to disable the project and stop receiving updates?"  # the product's

# Log in, as the product's login how-tos show it: a choice of ways in, then the email form.
WELCOME = "Welcome back."
LOG_IN_WITH_EMAIL = "Log in with email"
LOG_IN_WITH_GOOGLE = "Log in with Google"  # not part of the mock
LOG_IN_WITH_FACEBOOK = "Log in with Facebook"  # not part of the mock
EMAIL = "Email"  # the fields' placeholders
PASSWORD = "Password"
LOG_IN = "Log in"
