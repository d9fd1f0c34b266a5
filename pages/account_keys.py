"""Every API key of the logged-in account, read through the Projects dashboard as a person would."""

from playwright.sync_api import Page, expect

from .projects_dashboard import ProjectsDashboard


def read_project_keys(page: Page, project: str) -> dict[str, str]:
    """Map each channel of `project` to the key its settings show, reached through the project's tile."""
    return _keys_through(ProjectsDashboard(page).open(), project)


def read_account_keys(page: Page) -> dict[tuple[str, str], str]:
    """Map (project, channel) to the key its settings show."""
    dashboard = ProjectsDashboard(page).open()
    projects = [name.strip() for name in dashboard.tile_titles.all_inner_texts()]
    keys: dict[tuple[str, str], str] = {}
    for number, project in enumerate(projects):
        tiles = dashboard if number == 0 else ProjectsDashboard(page).open()  # the first time, it is open already
        keys.update({(project, channel): key for channel, key in _keys_through(tiles, project).items()})
    return keys


def _keys_through(dashboard: ProjectsDashboard, project: str) -> dict[str, str]:
    tile = dashboard.tile(project)
    tile.open_options()
    settings = tile.open_settings()
    settings.open_channels()
    expect(settings.channels_tab).to_have_attribute("aria-selected", "true")
    keys: dict[str, str] = {}
    for channel in [name.strip() for name in settings.channel_rows.all_inner_texts()]:
        channel_settings = settings.open_channel(channel)
        expect(channel_settings.api_key).to_be_visible()
        keys[channel] = channel_settings.key()
    return keys
