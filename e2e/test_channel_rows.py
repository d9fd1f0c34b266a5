"""Channel rows open in place, one at a time, and say so to assistive technology."""

from playwright.sync_api import Page, expect

from e2e.demo import CHANNEL, PROJECT
from pages import ChannelSettings
from pages.how_to import via_active_project_menu

OTHER_CHANNEL = "Amazon Alexa"


def test_opening_a_channel_closes_the_one_open_before(page: Page) -> None:
    settings = via_active_project_menu(page, PROJECT)
    first = settings.open_channel(CHANNEL)
    expect(settings.channel(CHANNEL)).to_have_attribute("aria-expanded", "true")

    second = settings.open_channel(OTHER_CHANNEL)

    expect(second.api_key).to_be_visible()
    expect(settings.channel(OTHER_CHANNEL)).to_have_attribute("aria-expanded", "true")
    expect(settings.channel(CHANNEL)).to_have_attribute("aria-expanded", "false")
    expect(first.region).to_be_hidden()


def test_an_open_channel_stays_open_after_a_reload(page: Page) -> None:
    via_active_project_menu(page, PROJECT).open_channel(CHANNEL)

    page.reload()

    expect(ChannelSettings(page, CHANNEL).api_key).to_be_visible()
