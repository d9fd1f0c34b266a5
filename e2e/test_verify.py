"""Verify marks a channel Integrated once a message came with its current key; a new key undoes it."""

from playwright.sync_api import Page, expect

from e2e.demo import CHANNEL, PROJECT
from pages import labels
from pages.how_to import via_active_project_menu
from pages.ingestion_api import IngestionApi


def test_verify_before_any_message_stays_not_integrated_and_says_why(page: Page) -> None:
    channel = via_active_project_menu(page, PROJECT).open_channel(CHANNEL)

    channel.verify()

    expect(channel.status).to_contain_text(labels.NOT_INTEGRATED)
    expect(channel.verify_note).to_contain_text("No message has arrived with this key")


def test_verify_after_a_message_with_the_current_key_shows_integrated(page: Page, ingestion: IngestionApi) -> None:
    channel = via_active_project_menu(page, PROJECT).open_channel(CHANNEL)
    assert ingestion.send(channel.key()).status == 200

    channel.verify()

    expect(channel.status).to_contain_text(labels.INTEGRATED)
    expect(channel.status).not_to_contain_text(labels.NOT_INTEGRATED)


def test_a_new_key_turns_the_channel_back_to_not_integrated(page: Page, ingestion: IngestionApi) -> None:
    channel = via_active_project_menu(page, PROJECT).open_channel(CHANNEL)
    old_key = channel.key()
    assert ingestion.send(old_key).status == 200
    channel.verify()
    expect(channel.status).not_to_contain_text(labels.NOT_INTEGRATED)

    channel.regenerate().confirm()

    expect(channel.api_key).not_to_have_value(old_key)
    expect(channel.status).to_contain_text(labels.NOT_INTEGRATED)
