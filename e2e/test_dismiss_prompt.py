"""Leaving the confirmation prompt without confirming changes nothing."""
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from pages import RegenerateDialog
from pages.how_to import via_active_project_menu
from pages.ingestion_api import IngestionApi

DISMISSALS: dict[str, Callable[[RegenerateDialog], None]] = {
    "cancel-button": RegenerateDialog.cancel,
    "escape-key": RegenerateDialog.dismiss,
}


@pytest.mark.parametrize("dismiss", DISMISSALS.values(), ids=DISMISSALS.keys())
def test_dismissing_the_prompt_keeps_the_key(
    page: Page, dismiss: Callable[[RegenerateDialog], None], ingestion: IngestionApi
) -> None:
    channel = via_active_project_menu(page, "Support Bot").open_channel("Rasa")
    key = channel.key()
    dialog = channel.regenerate()
    expect(dialog.dialog).to_be_visible()

    dismiss(dialog)

    expect(dialog.dialog).to_be_hidden()
    page.reload()
    expect(channel.api_key).to_have_value(key)
    assert ingestion.send(key).status == 200
