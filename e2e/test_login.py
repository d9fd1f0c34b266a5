"""Logging in: wrong credentials are refused, and a logged-out visit resumes after login."""
from playwright.sync_api import Page, expect

from e2e.conftest import DEMO
from pages import ChannelSettings, Header, LoginPage
from pages.how_to import via_active_project_menu


def test_wrong_credentials_show_an_error_and_log_nobody_in(anonymous_page: Page) -> None:
    login = LoginPage(anonymous_page).open()

    # Not the demo email: repeated runs against a deployment would throttle the account the other tests use.
    login.log_in("nobody@botanalytics.test", "not-the-password")

    expect(login.error).to_be_visible()
    expect(Header(anonymous_page).log_out_button).to_have_count(0)


def test_logged_out_visit_to_a_channel_continues_there_after_login(page: Page, anonymous_page: Page) -> None:
    via_active_project_menu(page, "Support Bot").open_channel("Rasa")
    expect(ChannelSettings(page, "Rasa").api_key).to_be_visible()
    channel_url = page.url

    anonymous_page.goto(channel_url)
    login = LoginPage(anonymous_page)
    expect(login.submit).to_be_visible()
    login.log_in(DEMO.email, DEMO.password)

    expect(anonymous_page).to_have_url(channel_url)
    expect(ChannelSettings(anonymous_page, "Rasa").api_key).to_be_visible()
