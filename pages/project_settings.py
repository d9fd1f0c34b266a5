"""Project Settings: the General and Channels tabs, and the channel rows that open in place."""

from playwright.sync_api import Locator, Page

from . import labels
from .channel_settings import ChannelSettings
from .prompt import Prompt


class ProjectSettings:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name=labels.PROJECT_SETTINGS, level=1)
        self.general_tab = page.get_by_role("tab", name=labels.GENERAL)
        self.channels_tab = page.get_by_role("tab", name=labels.CHANNELS)
        self.panel = page.get_by_role("tabpanel")
        # Each channel row's head is a heading holding the button that opens the row.
        self.channel_rows: Locator = self.panel.get_by_role("heading", level=2)
        self.connect_new_channel = self.panel.get_by_role("button", name=labels.CONNECT_NEW_CHANNEL)
        self.name = self.panel.get_by_label(labels.NAME, exact=True)
        self.rename_button = self.panel.get_by_role("button", name=labels.RENAME)
        self.disable_button = self.panel.get_by_role("button", name=labels.DISABLE_THIS_PROJECT)
        self.enable_button = self.panel.get_by_role("button", name=labels.ENABLE_THIS_PROJECT)
        self.disable_prompt = Prompt(page, labels.DISABLE_QUESTION, labels.DISABLE_PROJECT)

    def disable(self) -> Prompt:
        self.disable_button.click()
        return self.disable_prompt

    def open_channels(self) -> None:
        self.channels_tab.click()

    def channel(self, name: str) -> Locator:
        """The row's button: it names the channel and says whether the row is open (`aria-expanded`)."""
        return self.panel.get_by_role("button", name=name, exact=True)

    def open_channel(self, name: str) -> ChannelSettings:
        self.channel(name).click()
        return ChannelSettings(self.page, name)
