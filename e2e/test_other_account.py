"""One account can neither see nor regenerate another account's channel."""

import pytest
from playwright.sync_api import Page, expect

from pages import ChannelSettings, Header
from pages.how_to import via_active_project_menu
from pages.ingestion_api import IngestionApi
from testkit.demo import CHANNEL, FOREIGN_PROJECT


def _other_accounts_channel(other_page: Page) -> ChannelSettings:
    channel = via_active_project_menu(other_page, FOREIGN_PROJECT).open_channel(CHANNEL)
    expect(channel.api_key).to_be_visible()
    return channel


@pytest.mark.read_only
def test_another_accounts_channel_is_not_found(page: Page, other_page: Page) -> None:
    foreign = _other_accounts_channel(other_page)

    response = page.goto(foreign.page.url)

    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Not Found")).to_be_visible()
    expect(ChannelSettings(page, CHANNEL).api_key).to_have_count(0)


def test_another_accounts_channel_cannot_be_regenerated(page: Page, other_page: Page, ingestion: IngestionApi) -> None:
    foreign = _other_accounts_channel(other_page)
    foreign_key = foreign.key()
    page.goto("/")
    # A real form token of this account, so only the ownership check can refuse the request.
    token = Header(page).form_token.input_value()

    response = page.request.post(f"{foreign.page.url}/regenerate", form={"csrf_token": token})

    assert response.status == 404
    foreign.page.reload()
    expect(foreign.api_key).to_have_value(foreign_key)
    assert ingestion.send(foreign_key).status == 200
