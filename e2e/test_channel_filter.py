"""The header's channel menu narrows the Overview to the chosen channel's messages."""

from playwright.sync_api import Page, expect

from pages import AccountDashboard
from pages.how_to import via_active_project_menu
from pages.ingestion_api import IngestionApi
from testkit.demo import CHANNEL, PROJECT

CHOSEN = "Amazon Alexa"  # a channel of PROJECT neither first nor last in its menu
BY_CHANNEL = "Message Volume by Channel"


def _messages_shown(page: Page, channel: str) -> int:
    """The chosen channel's count on the narrowed Overview: 0 while the card has no data. A deployment keeps the
    messages earlier runs sent, so the test counts from here."""
    dashboard = AccountDashboard(page).open()
    dashboard.header.show_channel(channel)
    expect(dashboard.header.channel_button).to_have_accessible_name(f"Channel {channel}")
    volumes = dashboard.card(BY_CHANNEL).get_by_role("listitem")
    return int(volumes.inner_text().rsplit(maxsplit=1)[-1]) if volumes.count() else 0


def test_choosing_a_channel_shows_only_its_messages(page: Page, ingestion: IngestionApi) -> None:
    before = _messages_shown(page, CHOSEN)
    settings = via_active_project_menu(page, PROJECT)
    for channel, messages in ((CHANNEL, 1), (CHOSEN, 2)):
        key = settings.open_channel(channel).key()
        for _ in range(messages):
            assert ingestion.send(key).status == 200
    dashboard = AccountDashboard(page).open()

    dashboard.header.show_channel(CHOSEN)

    expect(dashboard.header.channel_button).to_have_accessible_name(f"Channel {CHOSEN}")
    expect(dashboard.card(BY_CHANNEL).get_by_role("listitem")).to_have_text([f"{CHOSEN} {before + 2}"])
