"""Project settings: the General and Channels sections and the list of connected channels."""
from playwright.sync_api import Locator, Page

from .channel_settings import ChannelSettings


class ProjectSettings:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.general_tab = page.get_by_role("tab", name="General")
        self.channels_tab = page.get_by_role("tab", name="Channels")
        self.channel_list = page.get_by_role("list", name="Connected channels")
        self.channel_links: Locator = self.channel_list.get_by_role("link")

    def open_channels(self) -> None:
        self.channels_tab.click()

    def channel(self, name: str) -> Locator:
        return self.channel_list.get_by_role("link", name=name, exact=True)

    def channel_row(self, name: str) -> Locator:
        """The channel's row in the list, which also names its type."""
        link = self.page.get_by_role("link", name=name, exact=True)
        return self.channel_list.get_by_role("listitem").filter(has=link)

    def open_channel(self, name: str) -> ChannelSettings:
        self.channel(name).click()
        return ChannelSettings(self.page, name)
