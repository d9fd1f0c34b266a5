"""The two ways to leave a prompt without confirming it, for the tests that must see both change nothing."""

from collections.abc import Callable

from pages import Prompt

Dismiss = Callable[[Prompt], None]
DISMISSALS: dict[str, Dismiss] = {
    "cancel-button": Prompt.cancel,
    "escape-key": Prompt.dismiss,
}
