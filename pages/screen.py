"""Every page object a reader of the how-to meets, for one project and one of its channels."""

from dataclasses import dataclass

from playwright.sync_api import Page

from .account_dashboard import AccountDashboard
from .channel_settings import ChannelSettings
from .header import Header
from .project_settings import ProjectSettings
from .projects_dashboard import ProjectsDashboard, ProjectTile
from .prompt import Prompt


@dataclass(frozen=True)
class Screen:
    """The page objects of one page, built once; locators find their elements only when used."""

    page: Page
    project: str
    channel_name: str
    header: Header
    dashboard: AccountDashboard
    projects: ProjectsDashboard
    tile: ProjectTile
    settings: ProjectSettings
    channel: ChannelSettings
    dialog: Prompt  # the channel's Regenerate prompt

    @classmethod
    def of(cls, page: Page, project: str, channel: str) -> "Screen":
        settings = ChannelSettings(page, channel)
        return cls(
            page,
            project,
            channel,
            Header(page),
            AccountDashboard(page),
            ProjectsDashboard(page),
            ProjectTile(page, project),
            ProjectSettings(page),
            settings,
            settings.prompt,
        )
