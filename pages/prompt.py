"""The product's full-screen prompt: a question over a dimmed page, Cancel and a red confirm button."""

from collections.abc import Callable

from playwright.sync_api import Page

from . import labels


class Prompt:
    def __init__(self, page: Page, question: str, confirm_label: str) -> None:
        self.page = page
        self.dialog = page.get_by_role("dialog", name=question, exact=True)
        self.question = self.dialog.get_by_text(question, exact=True)
        self.confirm_button = self.dialog.get_by_role("button", name=confirm_label, exact=True)
        self.cancel_button = self.dialog.get_by_role("button", name=labels.CANCEL, exact=True)

    def confirm(self) -> None:
        self.confirm_button.click()

    def cancel(self) -> None:
        self.cancel_button.click()

    def dismiss(self) -> None:
        """Close the prompt with the Escape key."""
        self.page.keyboard.press("Escape")


Dismiss = Callable[[Prompt], None]
# The two ways to leave a prompt without confirming it, for the tests that must see both change nothing.
DISMISSALS: dict[str, Dismiss] = {
    "cancel-button": Prompt.cancel,
    "escape-key": Prompt.dismiss,
}
