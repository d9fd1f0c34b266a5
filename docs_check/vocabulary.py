"""The product's nouns: the words a how-to uses for things that have no label on screen, mapped to page objects.

This is the only part of the check that knows the product. It holds no sentence of any how-to: each
entry is a noun phrase (a regular expression, matched ignoring case) and the page objects it stands for,
tried in order until one is on screen. The project and the channel a how-to means ("your active
project", "the specific Integration channel") are the run's own (`Screen.project`, `Screen.channel_name`).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from playwright.sync_api import Locator

from pages.screen import Screen

Target = Callable[[Screen], Locator]
# control: something to click; region: a part of the screen that holds others; screen: a page, known by its
# heading; menu and dialog: the one open now; list: at least one item shown.
NounKind = Literal["control", "region", "screen", "menu", "dialog", "list"]


@dataclass(frozen=True)
class Noun:
    key: str
    kind: NounKind
    phrases: tuple[str, ...]
    targets: tuple[Target, ...]
    called: str  # how the check's own messages name it

    @cached_property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(rf"(?<!\w){phrase}(?!\w)", re.IGNORECASE) for phrase in self.phrases)


def _open_menu(s: Screen) -> Locator:
    return s.page.get_by_role("menu").filter(visible=True)


def _open_dialog(s: Screen) -> Locator:
    return s.page.get_by_role("dialog").filter(visible=True)


NOUNS: tuple[Noun, ...] = (
    Noun(
        "active-project",
        "control",
        (
            r"name of (?:your |the )?(?:currently )?active project",
            r"(?:currently )?active project(?:'s name)?",
            r"project(?:'s)? name",
        ),
        (lambda s: s.header.project_named(s.project), lambda s: s.tile.name),
        "the active project's name",
    ),
    Noun("logo", "control", (r"(?:botanalytics )?logo",), (lambda s: s.header.logo,), "the botanalytics logo"),
    Noun(
        "tile-options",
        "control",
        (r"(?:vertical )?ellipsis(?: \(three dots\))?(?: icon)?", r"three dots(?: \(ellipsis\))?(?: icon)?", "⋮"),
        (lambda s: s.tile.options,),
        "the tile's ⋮ menu",
    ),
    Noun("star", "control", (r"star icon", r"the star(?! the)"), (lambda s: s.tile.star,), "the tile's star"),
    Noun(
        "tile",
        "region",
        (r"project(?:'s)? tile", r"tile", r"project(?= you| for| to| which| that|$)"),
        (lambda s: s.tile.tile,),
        "the project's tile",
    ),
    Noun(
        "channel-settings",
        "region",
        (r"(?:integration )?channel's settings(?: page)?", r"channel dropdown"),
        (lambda s: s.channel.region,),
        "the channel's settings",
    ),
    Noun(
        "channel",
        "control",
        (r"(?:specific )?integrat\w* channel", r"specific channel", r"channel(?= you| for| to| which| that|$)"),
        (lambda s: s.settings.channel(s.channel_name),),
        "the channel's row",
    ),
    Noun("prompt", "dialog", (r"prompt", r"(?:confirmation )?dialog", r"pop-?up"), (_open_dialog,), "the prompt"),
    Noun(
        "projects-dashboard",
        "screen",
        (r"projects? dashboard", r"(?:list of|all) projects"),
        (lambda s: s.projects.heading,),
        "the Projects dashboard",
    ),
    Noun(
        "account-dashboard",
        "screen",
        (r"accounts? dashboard", r"project's analytics"),
        (lambda s: s.dashboard.heading,),
        "the account dashboard",
    ),
    Noun(
        "settings-page",
        "screen",
        (r"(?:project )?settings (?:page|window)", r"project's settings"),
        (lambda s: s.settings.heading,),
        "the Project Settings page",
    ),
    Noun("menu", "menu", (r"drop-?down(?: menu)?", r"menu"), (_open_menu,), "the menu"),
    Noun(
        "channel-list",
        "list",
        (r"(?:list of )?(?:all )?(?:your )?connected channels",),
        (lambda s: s.settings.channel_rows,),
        "the list of connected channels",
    ),
    Noun("api-key", "control", (r"(?:new )?(?:unique )?api key",), (lambda s: s.channel.api_key,), "the API Key field"),
)
BY_KEY = {noun.key: noun for noun in NOUNS}
# Screens whose figures show the whole page, as the product's own figures of them do.
WHOLE_PAGE_SCREENS: tuple[Target, ...] = (lambda s: s.projects.heading,)


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
