"""The login page: a choice of ways in, then the email form."""

from playwright.sync_api import Page

from . import labels


class LoginPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.with_email = page.get_by_role("link", name=labels.LOG_IN_WITH_EMAIL)
        self.email = page.get_by_label(labels.EMAIL)
        self.password = page.get_by_label(labels.PASSWORD)
        self.submit = page.get_by_role("button", name=labels.LOG_IN, exact=True)
        self.error = page.get_by_role("alert")

    def open(self) -> "LoginPage":
        self.page.goto("/login")
        return self

    def log_in(self, email: str, password: str) -> None:
        """From the choice of ways in: log in with email."""
        self.with_email.click()
        self.email.fill(email)
        self.password.fill(password)
        self.submit.click()
