"""What the check knows of the product, in one place: what each of the how-tos' nouns (`steps.nouns`) stands for
on screen, the channel's key and how a new one is told apart, and which screens the product's figures show whole.

The project and the channel a how-to means ("your active project", "the specific Integration channel") are the
run's own (`Screen.project`, `Screen.channel_name`).
"""

import re
from collections.abc import Callable

from playwright.sync_api import Locator, expect

from pages.account_keys import read_account_keys
from pages.screen import Screen

from ..steps.nouns import BY_KEY, Noun

Target = Callable[[Screen], Locator]


def _open_menu(s: Screen) -> Locator:
    return s.page.get_by_role("menu").filter(visible=True)


def _open_dialog(s: Screen) -> Locator:
    return s.page.get_by_role("dialog").filter(visible=True)


# Each noun's page objects, tried in order until one is on screen.
TARGETS: dict[str, tuple[Target, ...]] = {
    "active-project": (lambda s: s.header.project_named(s.project), lambda s: s.tile.name),
    "logo": (lambda s: s.header.logo,),
    "tile-options": (lambda s: s.tile.options,),
    "star": (lambda s: s.tile.star,),
    "tile": (lambda s: s.tile.tile,),
    "channel-settings": (lambda s: s.channel.region,),
    "channel": (lambda s: s.settings.channel(s.channel_name),),
    "prompt": (_open_dialog,),
    "projects-dashboard": (lambda s: s.projects.heading,),
    "account-dashboard": (lambda s: s.dashboard.heading,),
    "settings-page": (lambda s: s.settings.heading,),
    "menu": (_open_menu,),
    "channel-list": (lambda s: s.settings.channel_rows,),
    "api-key": (lambda s: s.channel.api_key,),
}
assert set(TARGETS) == set(BY_KEY), "every noun stands for something on screen"
# Screens whose figures show the whole page, as the product's own figures of them do.
WHOLE_PAGE_SCREENS: tuple[Target, ...] = (lambda s: s.projects.heading,)


def located(screen: Screen, noun: Noun) -> Locator:
    """The first of the noun's page objects that is on screen (Playwright tries them in order)."""
    targets = TARGETS[noun.key]
    found = targets[0](screen)
    for other in targets[1:]:
        found = found.or_(other(screen))
    return found.first


def controls(screen: Screen) -> list[tuple[Noun, Locator]]:
    """The nouns that name one control, with it: how a detour names what it clicked."""
    return [(noun, TARGETS[noun.key][0](screen)) for noun in BY_KEY.values() if noun.kind == "control"]


def whole_page(screen: Screen) -> bool:
    return any(target(screen).is_visible() for target in WHOLE_PAGE_SCREENS)


def key_field(screen: Screen) -> Locator:
    """The channel's API key: what a figure greys out, and what a "new key" step reads."""
    return screen.channel.api_key


def current_key(screen: Screen) -> str:
    field = key_field(screen)
    return field.input_value() if field.count() and field.is_visible() else ""


def expect_new_key(screen: Screen, before: str, timeout: float | None) -> None:
    """The field shows a key, and not the one it showed before."""
    expect(key_field(screen)).not_to_have_value(re.compile(rf"^({re.escape(before)})?$"), timeout=timeout)


def key_shared_with(screen: Screen, key: str) -> list[str]:
    """The other channels of the account that show `key`, read through the dashboards as a reader would."""
    keys = read_account_keys(screen.page)
    mine = (screen.project, screen.channel_name)
    if keys.get(mine) != key:
        return [f"{screen.project} / {screen.channel_name} no longer shows it"]
    return [
        f"{project} / {channel}"
        for (project, channel), other in keys.items()
        if other == key and (project, channel) != mine
    ]
