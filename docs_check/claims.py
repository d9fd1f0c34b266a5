"""The checks behind the how-to's claims: presence, wording, position and the key's newness.

Each check looks at the screen and at the inputs it is given; none remembers anything between checks.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from playwright.sync_api import FloatRect, Locator, expect

from pages.account_keys import read_account_keys
from pages.screen import Screen

Target = Callable[[Screen], Locator]


@dataclass(frozen=True)
class Given:
    """What a check gets besides the screen: how long to wait, and what the walk read earlier."""

    timeout: float | None = None  # for each expectation; None: the suite's own setting
    key_before: str | None = None  # the channel's key as the walk read it just before regenerating


@dataclass(frozen=True)
class Visible:
    """The element is on screen (its role and name are the how-to's words)."""

    target: Target

    def verify(self, screen: Screen, given: Given) -> None:
        expect(self.target(screen)).to_be_visible(timeout=given.timeout)


@dataclass(frozen=True)
class Listed:
    """A list-like target has at least one item on screen."""

    target: Target

    def verify(self, screen: Screen, given: Given) -> None:
        expect(self.target(screen).first).to_be_visible(timeout=given.timeout)


@dataclass(frozen=True)
class Hidden:
    target: Target

    def verify(self, screen: Screen, given: Given) -> None:
        expect(self.target(screen)).to_be_hidden(timeout=given.timeout)


@dataclass(frozen=True)
class Selected:
    """A tab is the current one."""

    target: Target

    def verify(self, screen: Screen, given: Given) -> None:
        expect(self.target(screen)).to_have_attribute("aria-selected", "true", timeout=given.timeout)


Area = Literal["top-left corner", "top-right corner", "right half"]
# Where an element's centre must lie, as fractions (x, y) of its container's width and height.
AREAS: dict[Area, Callable[[float, float], bool]] = {
    "top-left corner": lambda x, y: x < 1 / 3 and y < 1 / 3,
    "top-right corner": lambda x, y: x > 2 / 3 and y < 1 / 3,
    "right half": lambda x, y: x > 1 / 2,
}


@dataclass(frozen=True)
class Placed:
    """The element's centre lies in an area of its container (the viewport when `within` is None)."""

    target: Target
    area: Area
    within: Target | None = None

    def verify(self, screen: Screen, given: Given) -> None:
        element = self.target(screen)
        expect(element).to_be_visible(timeout=given.timeout)
        box = element.bounding_box()
        container = self._container(screen)
        assert box and container, "the element or its container has no box on screen"
        x = (box["x"] + box["width"] / 2 - container["x"]) / container["width"]
        y = (box["y"] + box["height"] / 2 - container["y"]) / container["height"]
        where = "its container" if self.within else "the viewport"
        assert AREAS[self.area](x, y), (
            f"the element is centred {x:.0%} across and {y:.0%} down {where}, not in its {self.area}"
        )

    def _container(self, screen: Screen) -> FloatRect | None:
        if self.within:
            return self.within(screen).bounding_box()
        size = screen.page.viewport_size
        return {"x": 0, "y": 0, "width": size["width"], "height": size["height"]} if size else None


@dataclass(frozen=True)
class AsksToConfirm:
    """The prompt's accessible name (its question, as read out) asks about `about` and ends with "?"."""

    target: Target
    about: str

    def verify(self, screen: Screen, given: Given) -> None:
        expect(self.target(screen)).to_have_accessible_name(
            re.compile(rf"\b{re.escape(self.about)}\b.*\?\s*$", re.IGNORECASE), timeout=given.timeout
        )


@dataclass(frozen=True)
class Modal:
    """The dialog is modal: the page under it cannot be used until it closes.

    No role or ARIA state tells Playwright's role engine that a dialog is modal, so this matches the CSS
    `:modal` state, which a <dialog> opened with showModal() has; it is a question, not an interaction."""

    target: Target

    def verify(self, screen: Screen, given: Given) -> None:
        modal = self.target(screen).and_(screen.page.locator(":modal"))
        expect(modal).to_be_visible(timeout=given.timeout)


@dataclass(frozen=True)
class Expanded:
    """A disclosure (a channel row's button) says it is open."""

    target: Target

    def verify(self, screen: Screen, given: Given) -> None:
        expect(self.target(screen)).to_have_attribute("aria-expanded", "true", timeout=given.timeout)


@dataclass(frozen=True)
class ShowsKey:
    """The key field holds a key."""

    target: Target

    def verify(self, screen: Screen, given: Given) -> None:
        expect(self.target(screen)).not_to_have_value("", timeout=given.timeout)


@dataclass(frozen=True)
class KeyIsNew:
    """The key field holds a key other than the one it showed before regenerating."""

    target: Target

    def verify(self, screen: Screen, given: Given) -> None:
        assert given.key_before, "no key was read before regenerating"
        old_or_empty = re.compile(rf"^({re.escape(given.key_before)})?$")
        expect(self.target(screen)).not_to_have_value(old_or_empty, timeout=given.timeout)


@dataclass(frozen=True)
class KeyIsUnique:
    """No other channel of the account shows the key the field holds; read through the dashboards as a reader would."""

    target: Target

    def verify(self, screen: Screen, given: Given) -> None:
        field = self.target(screen)
        expect(field).not_to_have_value("", timeout=given.timeout)
        key, mine = field.input_value(), (screen.project, screen.channel_name)
        keys = read_account_keys(screen.page)
        assert keys.get(mine) == key, "the channel no longer shows the new key"
        shared = [
            f"{project} / {channel}"
            for (project, channel), other in keys.items()
            if other == key and (project, channel) != mine
        ]
        assert not shared, f"the same key is shown for {', '.join(shared)}"


Check = (
    Visible | Listed | Hidden | Selected | Placed | AsksToConfirm | Modal | Expanded | ShowsKey | KeyIsNew | KeyIsUnique
)
