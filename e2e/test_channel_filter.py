"""The header's channel menu narrows the Overview to the chosen channel's messages."""

from playwright.sync_api import Page, expect

from pages import AccountDashboard
from pages.how_to import via_active_project_menu
from pages.ingestion_api import IngestionApi
from testkit.demo import CHANNEL, PROJECT

CHOSEN = "Amazon Alexa"  # a channel of PROJECT neither first nor last in its menu
BY_CHANNEL = "Message Volume by Channel"


def test_choosing_a_channel_shows_only_its_messages(page: Page, ingestion: IngestionApi) -> None:
    settings = via_active_project_menu(page, PROJECT)
    for channel, messages in ((CHANNEL, 1), (CHOSEN, 2)):
        key = settings.open_channel(channel).key()
        for _ in range(messages):
            assert ingestion.send(key).status == 200
    dashboard = AccountDashboard(page).open()

    dashboard.header.show_channel(CHOSEN)

    expect(dashboard.header.channel_button).to_have_accessible_name(f"Channel {CHOSEN}")
    expect(dashboard.card(BY_CHANNEL).get_by_role("listitem")).to_have_text([f"{CHOSEN} 2"])
