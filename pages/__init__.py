"""Page objects for the Botanalytics dashboard, locating by the words the product's screens show."""

from .account_dashboard import AccountDashboard
from .channel_settings import ChannelSettings
from .header import Header
from .login_page import LoginPage
from .project_settings import ProjectSettings
from .projects_dashboard import ProjectsDashboard, ProjectTile
from .prompt import Prompt

__all__ = [
    "AccountDashboard",
    "ChannelSettings",
    "Header",
    "LoginPage",
    "ProjectSettings",
    "ProjectTile",
    "ProjectsDashboard",
    "Prompt",
]
