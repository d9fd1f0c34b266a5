"""The product's nouns: the phrases a how-to uses for things that have no label on screen.

Each entry is a noun phrase (a regular expression, matched ignoring case) under a key; no sentence of any
how-to is here. What each key stands for on screen is the walk's business (`walking.product`).
"""

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

# control: something to click; region: a part of the screen that holds others; screen: a page, known by its
# heading; menu and dialog: the one open now; list: at least one item shown.
NounKind = Literal["control", "region", "screen", "menu", "dialog", "list"]


@dataclass(frozen=True)
class Noun:
    key: str
    kind: NounKind
    phrases: tuple[str, ...]
    called: str  # how the check's own messages name it

    @cached_property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(rf"(?<!\w){phrase}(?!\w)", re.IGNORECASE) for phrase in self.phrases)


NOUNS: tuple[Noun, ...] = (
    Noun(
        "active-project",
        "control",
        (
            r"name of (?:your |the )?(?:currently )?active project",
            r"(?:currently )?active project(?:'s name)?",
            r"project(?:'s)? name",
        ),
        "the active project's name",
    ),
    Noun("logo", "control", (r"(?:botanalytics )?logo",), "the botanalytics logo"),
    Noun(
        "tile-options",
        "control",
        (r"(?:vertical )?ellipsis(?: \(three dots\))?(?: icon)?", r"three dots(?: \(ellipsis\))?(?: icon)?", "⋮"),
        "the tile's ⋮ menu",
    ),
    Noun("star", "control", (r"star icon", r"the star(?! the)"), "the tile's star"),
    Noun("disabled-tile", "list", (r"disabled projects?(?: tiles?)?",), "the disabled projects' tiles"),
    Noun(
        "tile",
        "region",
        (r"project(?:'s)? tile", r"tile", r"project(?= you| for| to| which| that|$)"),
        "the project's tile",
    ),
    Noun(
        "channel-settings",
        "region",
        (r"(?:integration )?channel's settings(?: page)?", r"channel dropdown"),
        "the channel's settings",
    ),
    Noun(
        "channel",
        "control",
        (r"(?:specific )?integrat\w* channel", r"specific channel", r"channel(?= you| for| to| which| that|$)"),
        "the channel's row",
    ),
    Noun("prompt", "dialog", (r"prompt", r"(?:confirmation )?dialog", r"pop-?up"), "the prompt"),
    Noun(
        "projects-dashboard",
        "screen",
        (r"projects? dashboard", r"(?:list of|all) projects", r"projects? list"),
        "the Projects dashboard",
    ),
    Noun("account-dashboard", "screen", (r"accounts? dashboard", r"project's analytics"), "the account dashboard"),
    Noun(
        "settings-page",
        "screen",
        (r"(?:project )?settings (?:page|window)", r"project's settings"),
        "the Project Settings page",
    ),
    Noun("menu", "menu", (r"drop-?down(?: menu)?", r"menu"), "the menu"),
    Noun(
        "channel-list",
        "list",
        (r"(?:list of )?(?:all )?(?:your )?connected channels",),
        "the list of connected channels",
    ),
    Noun("api-key", "control", (r"(?:new )?(?:unique )?api key",), "the API Key field"),
)
BY_KEY = {noun.key: noun for noun in NOUNS}


def nouns_in(text: str) -> list[tuple[int, str]]:
    """(position, key) of each noun phrase in `text`: where phrases overlap, the longer one wins."""
    found: list[tuple[int, int, str]] = []
    for noun in NOUNS:
        for pattern in noun.patterns:
            found += [(m.start(), m.end(), noun.key) for m in pattern.finditer(text)]
    kept: list[tuple[int, int, str]] = []
    for start, end, key in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, key))
    return [(start, key) for start, _, key in sorted(kept)]
