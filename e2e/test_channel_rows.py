"""Channel rows name the channel and when it was connected; they open in place, one at a time, each with its own
type's instructions and its key read-only, and say so to assistive technology."""

import re

import pytest
from playwright.sync_api import Page, expect

from pages import ChannelSettings, labels
from pages.how_to import via_active_project_menu
from testkit.demo import CHANNEL, PROJECT

pytestmark = pytest.mark.read_only  # they change no data

OTHER_CHANNEL = "Amazon Alexa"
# PROJECT's channels in the demo data, in order; each is named after its type.
ROWS = ("Universal", "Samsung Bixby", OTHER_CHANNEL, CHANNEL)


def _row(name: str) -> str:
    return f"""
          - heading "{name}" [level=2]:
            - button "{name}"
          - text: {labels.CONNECTED}
          - time: /ago$/"""


def test_each_row_names_its_channel_and_when_connected_and_opens_on_its_types_instructions_and_read_only_key(
    page: Page,
) -> None:
    rows = "".join(_row(name) for name in ROWS)

    settings = via_active_project_menu(page, PROJECT)

    expect(settings.panel).to_match_aria_snapshot(
        f"""
        - tabpanel "{labels.CHANNELS}":
          - /children: equal{rows}
          - button "{labels.CONNECT_NEW_CHANNEL}" [disabled]
        """
    )
    for name in ROWS:
        channel = settings.open_channel(name)
        # The type's instructions, then the key read-only with Copy and Regenerate, then the status.
        expect(channel.region).to_match_aria_snapshot(
            f"""
            - region "{name}":
              - link "{labels.INSTRUCTIONS_FOR} {name}"
              - textbox "{labels.API_KEY}"
              - button "{labels.COPY}"
              - button "{labels.REGENERATE}"
              - group "{labels.STATUS}":
                - text: {labels.NOT_INTEGRATED}
                - button "{labels.VERIFY}"
              - heading "{labels.DANGER_ZONE}" [level=3]
              - button "{labels.REMOVE_THIS_CHANNEL}" [disabled]
            """
        )
        slug = name.lower().replace(" ", "-")  # the type's id
        expect(channel.instructions).to_have_attribute("href", re.compile(rf"/{slug}$"))
        expect(channel.api_key).not_to_be_editable()


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
