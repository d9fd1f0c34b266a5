"""What the check knows of the product, in one place: what each of the how-tos' nouns (`steps.nouns`) stands for
on screen, the channel's key and how a new one is told apart, which screens the product's figures show whole,
how the app marks what is not part of it, what to type into its fields, how to send a channel a message, and
the project states a how-to may assume (starred, disabled) and how to arrange them.

The project and the channel a how-to means ("your active project", "the specific Integration channel") are the
run's own (`Screen.project`, `Screen.channel_name`).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Locator, expect

from pages import labels
from pages.account_keys import read_account_keys
from pages.ingestion_api import channel_type_of, sample_batch
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
    "channel": (
        lambda s: s.settings.channel(s.channel_name),
        lambda s: s.header.channel_item(s.channel_name),
        lambda s: s.tile.channel_icons.filter(has_text=s.channel_name),
    ),
    "prompt": (_open_dialog,),
    "projects-dashboard": (lambda s: s.projects.heading,),
    "account-dashboard": (lambda s: s.dashboard.heading,),
    "settings-page": (lambda s: s.settings.heading,),
    "menu": (_open_menu,),
    "channel-list": (lambda s: s.settings.channel_rows,),
    "api-key": (lambda s: s.channel.api_key,),
    "disabled-tile": (lambda s: s.projects.tiles.filter(has_text=labels.PROJECT_IS_DISABLED),),
}
assert set(TARGETS) == set(BY_KEY), "every noun stands for something on screen"
# What is always on screen to go back by: finding one, a walk is back on the app after what it has not.
ANCHORS = frozenset({"logo", "active-project"})
# Screens whose figures show the whole page, as the product's own figures of them do.
WHOLE_PAGE_SCREENS: tuple[Target, ...] = (lambda s: s.projects.heading,)


def located(screen: Screen, noun: Noun) -> Locator:
    """The first of the noun's page objects that is on screen (Playwright tries them in order)."""
    return every(screen, noun).first


def every(screen: Screen, noun: Noun) -> Locator:
    """All that the noun stands for on screen: "the disabled projects" are each disabled tile."""
    targets = TARGETS[noun.key]
    found = targets[0](screen)
    for other in targets[1:]:
        found = found.or_(other(screen))
    return found


def open_screen(screen: Screen, key: str) -> None:
    """Go to a screen a claim speaks of: the dashboards can be reached from anywhere."""
    if key == "projects-dashboard":
        screen.projects.open()
    elif key == "account-dashboard":
        screen.dashboard.open()


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


# The mock marks a control it does not implement as disabled, saying why in its title; a real deployment has none.
OUTSIDE = re.compile(r"\bnot part of\b", re.I)


def outside_app(control: Locator) -> str | None:
    """Why the app says this control is not part of it (its title), or None where it is."""
    if control.get_attribute("aria-disabled") != "true" and not control.is_disabled():
        return None
    title = control.get_attribute("title") or ""
    return title if OUTSIDE.search(title) else None


def is_disabled(control: Locator) -> bool:
    return control.get_attribute("aria-disabled") == "true" or control.is_disabled()


def value_for(field: str, account: tuple[str, str]) -> str:
    """What a reader types into a field: the account's email or password, else a sample of text."""
    name = field.casefold()
    if "password" in name:
        return account[1]
    if "mail" in name or "user" in name or "login" in name:
        return account[0]
    return "Example"


LOGIN_PAGE = re.compile(r"\b(?:log ?in|sign ?in) (?:page|screen)\b", re.I)


def on_login_page(names: list[str], first: str = "") -> bool:
    """Whether a method starts on the login page, logged out: its first step says it is there, or the fields it
    types into are the login page's."""
    return bool(LOGIN_PAGE.search(first)) or any(re.search(r"e-?mail|password", name, re.I) for name in names)


def start(screen: Screen, logged_out: bool = False) -> None:
    """Where a method starts: the account dashboard, logged in; or the login page, logged out."""
    if logged_out:
        screen.page.context.clear_cookies()
        screen.page.goto("/login")
    else:
        screen.dashboard.open()


# A how-to of signing up, or one that starts where signing up leaves a new account ("Create your first project
# after sign-up"), by its title; or one whose first step is on the sign-up page.
SIGNING_UP = re.compile(r"\bsign(?:ing)?[ -]?up\b", re.I)
SIGN_UP_PAGE = re.compile(r"\bsign[ -]?up (?:page|screen|form)\b", re.I)
SIGN_UP = re.compile(r"^(?:sign ?up|create one|create (?:an )?account|register)$", re.I)


def needs_sign_up(title: str, first_step: str) -> bool:
    """Whether a how-to signs up, or starts right after signing up or on the sign-up page."""
    return bool(SIGNING_UP.search(title) or SIGN_UP_PAGE.search(first_step))


def why_no_sign_up(screen: Screen) -> str | None:
    """Why the app says signing up is not part of it (the login page's sign-up control's reason), or None where
    it has signing up; the walk's login is kept."""
    kept = cookies(screen)
    try:
        start(screen, logged_out=True)
        page = screen.page
        control = page.get_by_role("link", name=SIGN_UP).or_(page.get_by_role("button", name=SIGN_UP))
        return outside_app(control.first) if control.count() else None
    finally:
        resume(screen, kept)


def cookies(screen: Screen) -> list[Any]:
    """The walk's login, to resume after a method that started logged out (Playwright's cookies, as it takes them)."""
    return list(screen.page.context.cookies())


def resume(screen: Screen, kept: list[Any]) -> None:
    screen.page.context.clear_cookies()
    screen.page.context.add_cookies(kept)


def send_message(screen: Screen) -> str | None:
    """Send the open channel one message with the key on screen, as its bot would; None once the app took it,
    else what went wrong."""
    key = current_key(screen)
    if not key:
        return "no channel's key is on screen to send a message with"
    body = sample_batch(channel_type_of(key))
    answer = screen.page.request.post("/v2/messages", headers={"Authorization": f"Bearer {key}"}, data=body)
    return None if answer.ok else f"the app refused the message: {answer.status}"


@dataclass(frozen=True)
class ProjectState:
    starred: bool
    disabled: bool


# The state a how-to assumes of its project, by the words of its title: you unstar a starred project.
ASSUMED = (
    (re.compile(r"\bunstar", re.I), {"starred": True}),
    (re.compile(r"\bstar", re.I), {"starred": False}),
    (re.compile(r"\b(?:enable|re-?enable)", re.I), {"disabled": True}),
    (re.compile(r"\bdisable", re.I), {"disabled": False}),
)


def assumed(title: str) -> dict[str, bool]:
    """What the how-to titled so assumes of its project: {"starred": True} for "Unstar a project"."""
    return next((dict(state) for pattern, state in ASSUMED if pattern.search(title)), {})


def project_state(screen: Screen) -> ProjectState:
    """The walk's project as the Projects dashboard shows it."""
    screen.projects.open()
    tile = screen.tile
    starred = tile.star.get_attribute("aria-pressed") == "true"
    return ProjectState(starred, tile.tile.get_by_text(labels.PROJECT_IS_DISABLED).count() > 0)


def arrange(screen: Screen, wanted: dict[str, bool]) -> list[str]:
    """Put the walk's project in the state `wanted` through the app, as a person would; what was done."""
    state, done = project_state(screen), []
    tile = screen.tile
    if "starred" in wanted and state.starred != wanted["starred"]:
        tile.star.click()
        expect(tile.star).to_have_attribute("aria-pressed", str(wanted["starred"]).lower())
        done.append(f"{'starred' if wanted['starred'] else 'unstarred'} {screen.project}")
    if "disabled" in wanted and state.disabled != wanted["disabled"]:
        if wanted["disabled"]:
            tile.disable().confirm()
        else:
            tile.enable()
        expect(tile.tile.get_by_text(labels.PROJECT_IS_DISABLED)).to_have_count(int(wanted["disabled"]))
        done.append(f"{'disabled' if wanted['disabled'] else 'enabled'} {screen.project}")
    return done


def restore(screen: Screen, before: ProjectState) -> list[str]:
    """Put the walk's project back as it was before the walk, and the active one again."""
    done = arrange(screen, {"starred": before.starred, "disabled": before.disabled})
    screen.dashboard.open()
    if not screen.header.project_named(screen.project).count():
        screen.projects.open()
        screen.tile.open_project()
        expect(screen.header.project_named(screen.project)).to_be_visible()
        done.append(f"made {screen.project} the active project again")
    return done
