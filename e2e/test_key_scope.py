"""Regeneration touches one channel's key, and each confirmation gives a different key."""

from playwright.sync_api import Page, expect

from pages.account_keys import read_account_keys
from pages.how_to import via_active_project_menu
from testkit.demo import CHANNEL, PROJECT


def test_regenerating_one_channel_leaves_every_other_key_alone(page: Page) -> None:
    before = read_account_keys(page)
    channel = via_active_project_menu(page, PROJECT).open_channel(CHANNEL)

    channel.regenerate().confirm()
    expect(channel.api_key).not_to_have_value(before[(PROJECT, CHANNEL)])

    after = read_account_keys(page)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {(PROJECT, CHANNEL)}


def test_five_regenerations_in_a_row_give_five_different_keys(page: Page) -> None:
    channel = via_active_project_menu(page, PROJECT).open_channel(CHANNEL)
    keys = [channel.key()]

    for _ in range(5):
        channel.regenerate().confirm()
        expect(channel.api_key).not_to_have_value(keys[-1])
        keys.append(channel.key())

    assert len(set(keys)) == 6, "a regeneration repeated an earlier key"
