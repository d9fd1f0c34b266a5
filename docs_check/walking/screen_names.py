"""What the screen shows, by role and accessible name, and how a document's word is found among it.

The names come from Playwright's ARIA snapshot of a part of the page, the same tree that `get_by_role`
searches, read once per lookup. A word is matched exactly first, then ignoring case, spacing and
trailing punctuation ("Settings" and "Settings..."); failing both, the nearest names are offered, as
Testing Library does when a query finds nothing.
"""

import re
from dataclasses import dataclass
from typing import Literal

from playwright.sync_api import Locator
from rapidfuzz import fuzz, process

LINE = re.compile(
    r'^\s*- (?P<role>[a-z]+)(?: "(?P<name>(?:[^"\\]|\\.)*)")?(?P<attrs>(?: \[[^\]]*\])*):?(?: (?P<text>.*))?$'
)
CONTROLS = ("button", "link", "tab", "menuitem", "option", "checkbox", "radio", "switch", "textbox", "combobox")
TEXTS = ("heading", "text", "paragraph", "listitem", "region", "dialog", "menu", "cell", "label")
Match = Literal["exact", "loose", "near"]
LABELLED = ("button", "combobox")  # roles whose name may be a label and a value ("Channel All Channels")
NEAR = 85  # rapidfuzz score from which a marked word names a control written otherwise ("Colour", "Color")


@dataclass(frozen=True)
class Shown:
    role: str
    name: str
    disabled: bool = False

    @property
    def is_control(self) -> bool:
        return self.role in CONTROLS

    def locate(self, scope: Locator) -> Locator:
        """This element, within the scope its name was read from."""
        if self.role in ("text", "paragraph"):
            return scope.get_by_text(self.name, exact=True)
        return scope.get_by_role(self.role, name=self.name, exact=True)  # type: ignore[arg-type]

    def __str__(self) -> str:
        return f"{self.role} `{self.name}`"


def shown_in(scope: Locator) -> list[Shown]:
    """Every named element and text in `scope` that a person can perceive now."""
    found = []
    for line in scope.aria_snapshot().splitlines():
        parsed = LINE.match(line)
        if not parsed:
            continue
        role, name, text = parsed.group("role"), parsed.group("name"), parsed.group("text")
        if name is None and text and role in TEXTS:
            name = text.strip().strip("'\"")
        if name:
            found.append(Shown(role, _unescape(name), "[disabled]" in (parsed.group("attrs") or "")))
    return found


def _unescape(name: str) -> str:
    return re.sub(r"\\(.)", r"\1", name)


def loose(word: str) -> str:
    """A word without case, repeated spaces, quotes and trailing punctuation."""
    return re.sub(r"[\s.…:;,!?]+$", "", " ".join(word.replace("’", "'").split()).strip("\"'")).casefold()


def find(
    word: str, shown: list[Shown], role: str | None = None, controls_only: bool = False
) -> tuple[Match, Shown] | None:
    """The element the word names: exactly, else loosely; controls first, and the role the document says first."""
    pool = [item for item in shown if item.is_control or not controls_only]
    ranked = sorted(pool, key=lambda item: (item.role != role, not item.is_control, item.disabled))
    for item in ranked:
        if item.name == word:
            return "exact", item
    wanted = loose(word)
    for item in ranked:
        if loose(item.name) == wanted:
            return "loose", item
    # A button named by its label and then its value: "Color" names `Color Blue`, "All Channels" (a value of
    # more than a word, so that "Channels" is not taken for it) names `Channel All Channels`.
    labelled = [item for item in ranked if item.role in LABELLED and role in (None, item.role)]
    valued = len(word.split()) > 1
    for item in labelled:
        if item.name.startswith(word + " ") or valued and item.name.endswith(" " + word):
            return "exact", item
    for item in labelled:
        if valued and loose(item.name).endswith(" " + wanted):
            return "loose", item
    return None


def near(word: str, shown: list[Shown], role: str | None = None) -> Shown | None:
    """The one control the word names though written otherwise ("Disable This Project" for `Disable project`,
    "Login" for `Log in`, "Colour" for `Color`): clearly the closest, and close. None when none or several."""
    scored = sorted(
        (
            (_closeness(word, item.name), item)
            for item in shown
            if item.is_control and (role is None or item.role == role)
        ),
        key=lambda pair: -pair[0],
    )
    if not scored or scored[0][0] < NEAR or len(scored) > 1 and scored[1][0] > scored[0][0] - 10:
        return None
    return scored[0][1]


def _closeness(word: str, name: str) -> float:
    a, b = loose(word), loose(name)
    label = " ".join(b.split()[: len(a.split())])  # a labelled control's name begins with its label
    return max(fuzz.token_set_ratio(a, b), fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")), fuzz.ratio(a, label) - 1)


def nearest(word: str, shown: list[Shown], limit: int = 3) -> list[str]:
    """The names on screen closest to `word`, controls only, best first."""
    names = list(dict.fromkeys(item.name for item in shown if item.is_control and not item.disabled))
    matches = process.extract(word, names, scorer=fuzz.WRatio, processor=loose, limit=limit, score_cutoff=50)
    return [name for name, _, _ in matches]
