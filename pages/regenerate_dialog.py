"""The prompt that asks to confirm regenerating the key."""
from playwright.sync_api import Page


class RegenerateDialog:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialog = page.get_by_role("dialog", name="Regenerate API key?")
        self.confirm_button = self.dialog.get_by_role("button", name="Regenerate")
        self.cancel_button = self.dialog.get_by_role("button", name="Cancel")

    def confirm(self) -> None:
        self.confirm_button.click()

    def cancel(self) -> None:
        self.cancel_button.click()

    def dismiss(self) -> None:
        """Close the prompt with the Escape key."""
        self.page.keyboard.press("Escape")
