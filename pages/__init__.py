"""Page objects for the Botanalytics dashboard, named with the how-to's own words."""
from .account_dashboard import AccountDashboard
from .channel_settings import ChannelSettings
from .header import Header
from .login_page import LoginPage
from .project_settings import ProjectSettings
from .projects_dashboard import ProjectsDashboard
from .regenerate_dialog import RegenerateDialog

__all__ = [
    "AccountDashboard",
    "ChannelSettings",
    "Header",
    "LoginPage",
    "ProjectSettings",
    "ProjectsDashboard",
    "RegenerateDialog",
]
