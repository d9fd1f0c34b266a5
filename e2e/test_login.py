"""Logging in and out: wrong credentials are refused, a logged-out visit resumes after login, and
Log out in the My Profile menu ends the session."""

import pytest
from playwright.sync_api import Page, expect

from pages import AccountDashboard, ChannelSettings, Header, LoginPage
from pages.how_to import via_active_project_menu
from testkit.demo import CHANNEL, DEMO, PROJECT

pytestmark = pytest.mark.read_only  # they change no data


def test_wrong_credentials_show_an_error_and_log_nobody_in(anonymous_page: Page) -> None:
    login = LoginPage(anonymous_page).open()

    # Not the demo email: repeated runs against a deployment would throttle the account the other tests use.
    login.log_in("nobody@botanalytics.test", "not-the-password")

    expect(login.error).to_be_visible()
    expect(Header(anonymous_page).profile_button).to_have_count(0)


def test_logged_out_visit_to_a_channel_continues_there_after_login(page: Page, anonymous_page: Page) -> None:
    via_active_project_menu(page, PROJECT).open_channel(CHANNEL)
    expect(ChannelSettings(page, CHANNEL).api_key).to_be_visible()
    channel_url = page.url

    anonymous_page.goto(channel_url)
    login = LoginPage(anonymous_page)
    expect(login.with_email).to_be_visible()
    login.log_in(DEMO.email, DEMO.password)

    expect(anonymous_page).to_have_url(channel_url)
    expect(ChannelSettings(anonymous_page, CHANNEL).api_key).to_be_visible()


def test_log_out_in_the_profile_menu_returns_to_the_login_page(anonymous_page: Page) -> None:
    # A login of its own: logging out must not end the session the other tests share.
    LoginPage(anonymous_page).open().log_in(DEMO.email, DEMO.password)
    dashboard = AccountDashboard(anonymous_page)
    expect(dashboard.heading).to_be_visible()

    dashboard.header.log_out()

    login = LoginPage(anonymous_page)
    expect(login.with_email).to_be_visible()
    anonymous_page.goto("/")
    expect(login.with_email).to_be_visible()
