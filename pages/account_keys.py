"""Every API key of the logged-in account, read through the Projects dashboard as a person would."""

from playwright.sync_api import Page, expect

from .projects_dashboard import ProjectsDashboard


def read_account_keys(page: Page) -> dict[tuple[str, str], str]:
    """Map (project, channel) to the key its settings show."""
    keys: dict[tuple[str, str], str] = {}
    dashboard = ProjectsDashboard(page).open()
    projects = [name.strip() for name in dashboard.tile_titles.all_inner_texts()]
    for project in projects:
        tile = ProjectsDashboard(page).open().tile(project)
        tile.open_options()
        settings = tile.open_settings()
        settings.open_channels()
        expect(settings.channels_tab).to_have_attribute("aria-selected", "true")
        for channel in [name.strip() for name in settings.channel_rows.all_inner_texts()]:
            channel_settings = settings.open_channel(channel)
            expect(channel_settings.api_key).to_be_visible()
            keys[(project, channel)] = channel_settings.key()
    return keys
