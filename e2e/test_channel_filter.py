"""The header's channel menu narrows the Overview to one channel's messages."""

from playwright.sync_api import Page, expect

from e2e.demo import CHANNEL, PROJECT
from pages import AccountDashboard
from pages.how_to import via_active_project_menu
from pages.ingestion_api import IngestionApi

OTHER_CHANNEL = "Amazon Alexa"  # a channel of PROJECT that receives nothing here
BY_CHANNEL = "Message Volume by Channel"


def test_choosing_a_channel_shows_only_its_messages(page: Page, ingestion: IngestionApi) -> None:
    key = via_active_project_menu(page, PROJECT).open_channel(CHANNEL).key()
    assert ingestion.send(key).status == 200
    dashboard = AccountDashboard(page).open()
    expect(dashboard.card(BY_CHANNEL)).to_contain_text(f"{CHANNEL} 1")

    dashboard.header.show_channel(OTHER_CHANNEL)

    expect(dashboard.header.channel_button).to_have_accessible_name(f"Channel {OTHER_CHANNEL}")
    expect(dashboard.card(BY_CHANNEL)).to_contain_text("No data available yet")
    dashboard.header.show_channel(CHANNEL)
    expect(dashboard.card(BY_CHANNEL)).to_contain_text(f"{CHANNEL} 1")
