"""A channel's settings, opened below it in the Channels section: its key, Copy and Regenerate."""
from playwright.sync_api import Page

from .regenerate_dialog import RegenerateDialog


class ChannelSettings:
    def __init__(self, page: Page, channel_name: str) -> None:
        self.page = page
        self.region = page.get_by_role("region", name=f"{channel_name} settings")
        self.api_key = self.region.get_by_label("API key", exact=True)
        self.copy_button = self.region.get_by_role("button", name="Copy")
        self.regenerate_button = self.region.get_by_role("button", name="Regenerate")
        self.copy_status = self.region.get_by_role("status")
        self.last_regenerated = self.region.get_by_text("Last regenerated")

    def key(self) -> str:
        """The key as shown; call after an `expect` has seen the field settle."""
        return self.api_key.input_value()

    def regenerate(self) -> RegenerateDialog:
        self.regenerate_button.click()
        return RegenerateDialog(self.page)
