"""Verify marks a channel Integrated once a message came with its current key, and only then; a new key undoes it."""

from playwright.sync_api import Page, expect

from pages import labels
from pages.account_keys import read_project_keys
from pages.how_to import via_active_project_menu
from pages.ingestion_api import IngestionApi
from testkit.demo import CHANNEL, OTHER_PROJECT, PROJECT

OTHER_CHANNEL = "Amazon Alexa"  # another channel of PROJECT
NO_MESSAGE = "No message has arrived with this key"


def test_verify_before_any_message_stays_not_integrated_and_says_why(page: Page) -> None:
    channel = via_active_project_menu(page, PROJECT).open_channel(CHANNEL)

    channel.verify()

    expect(channel.status).to_contain_text(labels.NOT_INTEGRATED)
    expect(channel.verify_note).to_contain_text(NO_MESSAGE)


def test_verify_after_a_message_with_the_current_key_marks_only_that_channel_integrated(
    page: Page, ingestion: IngestionApi
) -> None:
    settings = via_active_project_menu(page, PROJECT)
    channel = settings.open_channel(CHANNEL)
    assert ingestion.send(channel.key()).status == 200

    channel.verify()

    expect(channel.status).to_contain_text(labels.INTEGRATED)
    expect(channel.status).not_to_contain_text(labels.NOT_INTEGRATED)
    expect(settings.open_channel(OTHER_CHANNEL).status).to_contain_text(labels.NOT_INTEGRATED)


def test_a_new_key_turns_the_channel_back_to_not_integrated(page: Page, ingestion: IngestionApi) -> None:
    channel = via_active_project_menu(page, PROJECT).open_channel(CHANNEL)
    old_key = channel.key()
    assert ingestion.send(old_key).status == 200
    channel.verify()
    expect(channel.status).not_to_contain_text(labels.NOT_INTEGRATED)

    channel.regenerate().confirm()

    expect(channel.api_key).not_to_have_value(old_key)
    expect(channel.status).to_contain_text(labels.NOT_INTEGRATED)


def test_messages_with_the_previous_key_or_other_channels_keys_do_not_verify_the_channel(
    page: Page, ingestion: IngestionApi
) -> None:
    # Another channel of the same type elsewhere, one of another type in the same project, the channel's old key.
    same_type_elsewhere = read_project_keys(page, OTHER_PROJECT)[CHANNEL]
    settings = via_active_project_menu(page, PROJECT)
    same_project = settings.open_channel(OTHER_CHANNEL).key()
    channel = settings.open_channel(CHANNEL)
    old_key = channel.key()
    for key in (same_type_elsewhere, same_project, old_key):
        assert ingestion.send(key).status == 200
    channel.regenerate().confirm()
    expect(channel.api_key).not_to_have_value(old_key)

    channel.verify()

    expect(channel.status).to_contain_text(labels.NOT_INTEGRATED)
    expect(channel.verify_note).to_contain_text(NO_MESSAGE)
