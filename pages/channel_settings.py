"""A channel opened in place on the Channels tab: its API Key with Copy and Regenerate, Status and Verify."""

import re

from playwright.sync_api import Page

from . import labels
from .prompt import Prompt


class ChannelSettings:
    def __init__(self, page: Page, channel_name: str) -> None:
        self.page = page
        self.region = page.get_by_role("region", name=channel_name, exact=True)
        self.instructions = self.region.get_by_role("link", name=re.compile(rf"^{labels.INSTRUCTIONS_FOR} "))
        self.api_key = self.region.get_by_label(labels.API_KEY, exact=True)
        self.copy_button = self.region.get_by_role("button", name=labels.COPY, exact=True)
        self.regenerate_button = self.region.get_by_role("button", name=labels.REGENERATE, exact=True)
        self.copy_status = self.region.get_by_role("status")
        self.status = self.region.get_by_role("group", name=labels.STATUS)
        self.verify_button = self.status.get_by_role("button", name=labels.VERIFY)
        self.verify_note = self.region.get_by_role("alert")
        self.remove_button = self.region.get_by_role("button", name=labels.REMOVE_THIS_CHANNEL)
        self.prompt = Prompt(page, labels.REGENERATE_QUESTION, labels.REGENERATE)

    def key(self) -> str:
        """The key as shown; call after an `expect` has seen the field settle."""
        return self.api_key.input_value()

    def regenerate(self) -> Prompt:
        self.regenerate_button.click()
        return self.prompt

    def verify(self) -> None:
        self.verify_button.click()
