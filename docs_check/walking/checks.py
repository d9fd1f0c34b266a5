"""Checks of what a document says beyond names: where a thing is, and what a prompt asks."""

import re

from playwright.sync_api import FloatRect, Locator, Page

from ..steps.instructions import Area

# Where an element's centre must lie, as fractions (x, y) of its container's width and height.
AREAS = {
    "top-left corner": lambda x, y: x < 1 / 3 and y < 1 / 3,
    "top-right corner": lambda x, y: x > 2 / 3 and y < 1 / 3,
    "bottom-left corner": lambda x, y: x < 1 / 3 and y > 2 / 3,
    "bottom-right corner": lambda x, y: x > 2 / 3 and y > 2 / 3,
    "right half": lambda x, y: x > 1 / 2,
    "left half": lambda x, y: x < 1 / 2,
    "top half": lambda x, y: y < 1 / 2,
    "bottom half": lambda x, y: y > 1 / 2,
}
FILLER = {"the", "a", "an", "to", "you", "your", "for", "of", "this", "that", "and", "it", "if", "want", "wish", "one"}


def misplaced(element: Locator, area: Area, within: Locator | None) -> str | None:
    """None if the element's centre lies in `area` of its container (the window when `within` is None);
    else where it lies."""
    box, container = element.bounding_box(), _box(element.page, within)
    if not box or not container:
        return "it has no place on screen"
    x = (box["x"] + box["width"] / 2 - container["x"]) / container["width"]
    y = (box["y"] + box["height"] / 2 - container["y"]) / container["height"]
    if AREAS[area](x, y):
        return None
    return f"its centre is {x:.0%} across and {y:.0%} down {'its container' if within else 'the window'}"


def _box(page: Page, within: Locator | None) -> FloatRect | None:
    if within is not None:
        return within.bounding_box()
    size = page.viewport_size
    return {"x": 0, "y": 0, "width": size["width"], "height": size["height"]} if size else None


def question_misses(question: str, about: str) -> list[str]:
    """The words of `about` that the prompt's question leaves out."""
    said = set(re.findall(r"[\w']+", question.casefold()))
    return [word for word in re.findall(r"[\w']+", about.casefold()) if word not in FILLER and word not in said]


def out_of_order(element: Locator, siblings: Locator, first: bool) -> str | None:
    """None if `element` (one or more of `siblings`, e.g. the disabled projects' tiles) comes first or last in
    their order, as the text says; else where it comes."""
    order = siblings.evaluate_all("(all) => all.map((each) => each.getAttribute('aria-labelledby'))")
    mine = element.evaluate_all("(all) => all.map((each) => each.getAttribute('aria-labelledby'))")
    places = [order.index(one) + 1 for one in mine if one in order]
    if not places:
        return "it is not among them"
    wanted = list(range(1, len(places) + 1)) if first else list(range(len(order) - len(places) + 1, len(order) + 1))
    if sorted(places) == wanted:
        return None
    where = ", ".join(str(place) for place in sorted(places))
    return f"it comes {where} of {len(order)}, not {'first' if first else 'last'}"
