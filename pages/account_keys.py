"""Every API key of the logged-in account, read through the projects dashboard as a person would."""
from playwright.sync_api import Page, expect

from .channel_settings import ChannelSettings
from .projects_dashboard import ProjectsDashboard


def read_account_keys(page: Page) -> dict[tuple[str, str], str]:
    """Map (project, channel) to the key its settings show."""
    keys: dict[tuple[str, str], str] = {}
    projects = ProjectsDashboard(page).open().tiles.get_by_role("heading").all_inner_texts()
    for number, project in enumerate(projects):
        dashboard = ProjectsDashboard(page) if number == 0 else ProjectsDashboard(page).open()
        tile = dashboard.tile(project)
        tile.open_options()
        settings = tile.open_settings()
        settings.open_channels()
        expect(settings.channels_tab).to_have_attribute("aria-selected", "true")
        for channel in settings.channel_links.all_inner_texts():
            channel_settings: ChannelSettings = settings.open_channel(channel)
            expect(channel_settings.api_key).to_be_visible()
            keys[(project, channel)] = channel_settings.key()
    return keys
