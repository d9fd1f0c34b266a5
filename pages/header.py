"""The header every logged-in page shares: the user's Log out button and the page's form token."""
from playwright.sync_api import Page


class Header:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.log_out_button = page.get_by_role("button", name="Log out")
        # A hidden input has no role or label; the token is what the server checks, not what a person sees.
        self.form_token = page.locator("input[name=csrf_token]").first

    def log_out(self) -> None:
        self.log_out_button.click()
