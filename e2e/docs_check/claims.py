"""The checks behind the how-to's claims: presence, wording, position and the key's newness."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from playwright.sync_api import FloatRect, Locator, Page, expect

from pages.account_keys import read_account_keys


class Walker(Protocol):
    """What a check may use of the walk in progress."""

    page: Page
    project: str
    channel: str
    timeout: float | None
    keys: list[str]

    def locate(self, target: str) -> Locator: ...


@dataclass(frozen=True)
class Visible:
    """The element is on screen (its role and name are the how-to's words)."""

    target: str

    def verify(self, walk: Walker) -> None:
        expect(walk.locate(self.target)).to_be_visible(timeout=walk.timeout)


@dataclass(frozen=True)
class Listed:
    """A list-like target has at least one item on screen."""

    target: str

    def verify(self, walk: Walker) -> None:
        expect(walk.locate(self.target).first).to_be_visible(timeout=walk.timeout)


@dataclass(frozen=True)
class Hidden:
    target: str

    def verify(self, walk: Walker) -> None:
        expect(walk.locate(self.target)).to_be_hidden(timeout=walk.timeout)


@dataclass(frozen=True)
class Selected:
    """A tab is the current one."""

    target: str

    def verify(self, walk: Walker) -> None:
        expect(walk.locate(self.target)).to_have_attribute("aria-selected", "true", timeout=walk.timeout)


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

    target: str
    area: Area
    within: str | None = None

    def verify(self, walk: Walker) -> None:
        element = walk.locate(self.target)
        expect(element).to_be_visible(timeout=walk.timeout)
        box = element.bounding_box()
        container = self._container(walk)
        assert box and container, f"{self.target} or its container has no box on screen"
        x = (box["x"] + box["width"] / 2 - container["x"]) / container["width"]
        y = (box["y"] + box["height"] / 2 - container["y"]) / container["height"]
        where = self.within or "the viewport"
        assert AREAS[self.area](x, y), (
            f"{self.target} is centred {x:.0%} across and {y:.0%} down {where}, not in its {self.area}"
        )

    def _container(self, walk: Walker) -> FloatRect | None:
        if self.within:
            return walk.locate(self.within).bounding_box()
        size = walk.page.viewport_size
        return {"x": 0, "y": 0, "width": size["width"], "height": size["height"]} if size else None


@dataclass(frozen=True)
class AsksToConfirm:
    """The prompt's accessible name (its question, as read out) asks about `about` and ends with "?"."""

    target: str
    about: str

    def verify(self, walk: Walker) -> None:
        expect(walk.locate(self.target)).to_have_accessible_name(
            re.compile(rf"\b{re.escape(self.about)}\b.*\?\s*$", re.IGNORECASE), timeout=walk.timeout
        )


@dataclass(frozen=True)
class Modal:
    """The dialog is modal: the page under it cannot be used until it closes.

    No role or ARIA state tells Playwright's role engine that a dialog is modal, so this matches the CSS
    `:modal` state, which a <dialog> opened with showModal() has; it is a question, not an interaction."""

    target: str

    def verify(self, walk: Walker) -> None:
        modal = walk.locate(self.target).and_(walk.page.locator(":modal"))
        expect(modal).to_be_visible(timeout=walk.timeout)


@dataclass(frozen=True)
class Expanded:
    """A disclosure (a channel row's button) says it is open."""

    target: str

    def verify(self, walk: Walker) -> None:
        expect(walk.locate(self.target)).to_have_attribute("aria-expanded", "true", timeout=walk.timeout)


@dataclass(frozen=True)
class ShowsKey:
    """The key field holds a key; the walk remembers it as the key before regenerating."""

    target: str

    def verify(self, walk: Walker) -> None:
        field = walk.locate(self.target)
        expect(field).not_to_have_value("", timeout=walk.timeout)
        walk.keys.append(field.input_value())


@dataclass(frozen=True)
class KeyIsNew:
    """The key field now holds a key other than the one first shown."""

    target: str

    def verify(self, walk: Walker) -> None:
        assert walk.keys, "no key was seen before regenerating"
        field = walk.locate(self.target)
        expect(field).not_to_have_value(re.compile(rf"^({re.escape(walk.keys[0])})?$"), timeout=walk.timeout)
        walk.keys.append(field.input_value())


@dataclass(frozen=True)
class KeyIsUnique:
    """No other channel of the account shows the new key; read through the dashboards as a reader would."""

    def verify(self, walk: Walker) -> None:
        assert walk.keys, "no key was seen after regenerating"
        new_key = walk.keys[-1]
        keys = read_account_keys(walk.page)
        assert keys.get((walk.project, walk.channel)) == new_key, "the channel no longer shows the new key"
        shared = [
            f"{project} / {channel}"
            for (project, channel), key in keys.items()
            if key == new_key and (project, channel) != (walk.project, walk.channel)
        ]
        assert not shared, f"the same key is shown for {', '.join(shared)}"


Check = (
    Visible | Listed | Hidden | Selected | Placed | AsksToConfirm | Modal | Expanded | ShowsKey | KeyIsNew | KeyIsUnique
)
