"""The Copy button puts the opened channel's key on the clipboard, not another channel's."""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages.how_to import via_active_project_menu
from testkit.demo import PROJECT

CHOSEN = "Samsung Bixby"  # a channel of PROJECT neither first nor last on the Channels tab


@pytest.mark.read_only
@pytest.mark.only_browser("chromium")  # clipboard permissions are named differently elsewhere
def test_copy_puts_the_key_on_the_clipboard(context: BrowserContext, page: Page) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    channel = via_active_project_menu(page, PROJECT).open_channel(CHOSEN)
    key = channel.key()

    channel.copy_button.click()

    expect(channel.copy_status).to_have_text("API key copied to the clipboard.")
    assert page.evaluate("navigator.clipboard.readText()") == key
