"""Leaving the regenerate prompt without confirming changes nothing."""

import pytest
from playwright.sync_api import Page, expect

from pages.how_to import via_active_project_menu
from pages.ingestion_api import IngestionApi
from pages.prompt import DISMISSALS, Dismiss
from testkit.demo import CHANNEL, PROJECT


@pytest.mark.parametrize("dismiss", DISMISSALS.values(), ids=DISMISSALS.keys())
def test_dismissing_the_prompt_keeps_the_key(page: Page, dismiss: Dismiss, ingestion: IngestionApi) -> None:
    channel = via_active_project_menu(page, PROJECT).open_channel(CHANNEL)
    key = channel.key()
    prompt = channel.regenerate()
    expect(prompt.dialog).to_be_visible()

    dismiss(prompt)

    expect(prompt.dialog).to_be_hidden()
    page.reload()
    expect(channel.api_key).to_have_value(key)
    assert ingestion.send(key).status == 200
