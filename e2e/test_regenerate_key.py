"""Both of the how-to's methods end with a new, unique, working key."""

import pytest
from playwright.sync_api import Page, expect

from pages.account_keys import read_account_keys
from pages.how_to import METHODS, OpenChannels
from pages.ingestion_api import IngestionApi
from testkit.demo import CHANNEL, PROJECT


@pytest.mark.parametrize("open_channels", METHODS.values(), ids=METHODS.keys())
def test_regenerating_gives_a_new_unique_working_key(
    page: Page, open_channels: OpenChannels, ingestion: IngestionApi
) -> None:
    channel = open_channels(page, PROJECT).open_channel(CHANNEL)
    old_key = channel.key()

    channel.regenerate().confirm()

    expect(channel.prompt.dialog).to_be_hidden()
    expect(channel.api_key).not_to_have_value(old_key)
    new_key = channel.key()
    page.reload()
    expect(channel.api_key).to_have_value(new_key)
    assert ingestion.send(new_key).status == 200
    assert ingestion.send(old_key).status == 401
    account_keys = list(read_account_keys(page).values())
    assert account_keys.count(new_key) == 1, "the new key is shared with another channel"
    assert old_key not in account_keys
