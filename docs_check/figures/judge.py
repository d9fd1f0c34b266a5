"""Is a how-to's own figure still the screen? Current or stale, and in words a writer can act on why.

Pixels alone cannot tell an old screen from another user's data, so the figure is judged by what a reader
reads in it and what the screen shows at the same moment:

- the product's words (`pages.labels`) that the screen shows where the figure also shows something: each
  must be in the figure, where the screen has it; a near reading in the figure names the change
  (`Switch Project` → `Switch Projects`), and one that moved is named as moved;
- the product's words that the figure shows but the screen does not have at that moment;
- the colour of the screen's big regions (the header, the side-bar), compared with the same place in the
  figure.

Everything else in a figure (names, keys, dates, counts, avatars, the how-to's own boxes and arrows) is
never compared, so data that differs from run to run or user to user cannot make a figure stale.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageChops, ImageFilter, ImageStat
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from pages import labels

from .ocr import WIDTH, Word, words

if TYPE_CHECKING:
    from playwright.sync_api import Page

ICON_NAMES = {labels.STAR, labels.OPTIONS}  # named for assistive technology, drawn as icons: no text to read
FORMS = {labels.EMAIL, labels.PASSWORD, labels.LOG_IN}  # the login page's form, in no figure of these how-tos
MOVED = 0.08  # a word whose centre is this share of the width or height away from the screen's has moved
COLOUR = 60.0  # distance in RGB between two regions' median colours that a reader sees as another look
NEAR = 75  # rapidfuzz ratio above which a reading in the figure is the screen's word, changed


def product_words() -> tuple[str, ...]:
    """The words the product's screens show, as `pages.labels` keeps them."""
    found: list[str] = []
    for name, value in vars(labels).items():
        if name.isupper():
            found += [value] if isinstance(value, str) else list(value)
    return tuple(word for word in dict.fromkeys(found) if word not in ICON_NAMES | FORMS)


@dataclass(frozen=True)
class Placed:
    """A product word on screen at the figure's moment, where it is as a share of the screenshot."""

    text: str
    x: float
    y: float
    width: float = 0.0
    height: float = 0.0


@dataclass(frozen=True)
class Region:
    name: str  # "the header"
    box: tuple[float, float, float, float]  # left, top, right, bottom, as shares of the screenshot


@dataclass
class Judgement:
    changes: list[str] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        return bool(self.changes)


def _tokens(text: str) -> list[str]:
    return [token for token in re.sub(r"[^\w\s']", " ", text.casefold()).split() if token]


def _same_word(a: str, b: str) -> bool:
    """Equal, or one misread letter in a long word; never a plural for a singular."""
    if a == b:
        return True
    if a + "s" == b or b + "s" == a:
        return False
    return min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1


def _find(phrase: str, read: list[Word], near: Placed | None = None) -> list[Word] | None:
    """The figure's words that spell `phrase` (OCR may glue two words into one, or split one), or None;
    where the figure has it several times, the one closest to where the screen has it."""
    found = _every(phrase, read)
    if not found:
        return None
    if near is None:
        return found[0]
    return min(found, key=lambda words: _distance(near, words))


def _every(phrase: str, read: list[Word], exact: bool = False) -> list[list[Word]]:
    """Each place in the figure's words that spells `phrase` (`exact`: letter for letter, nothing glued)."""
    same = (lambda a, b: a == b) if exact else _same_word
    wanted = _tokens(phrase)
    tokens = ["".join(_tokens(word.text)) for word in read]
    found = [
        read[start : start + len(wanted)]
        for start in range(len(tokens) - len(wanted) + 1)
        if all(same(wanted[i], tokens[start + i]) for i in range(len(wanted)))
    ]
    if exact:
        return found
    glued = "".join(wanted)
    found += [
        read[start : start + width]
        for width in range(1, len(wanted) + 2)
        if width != len(wanted)
        for start in range(len(tokens) - width + 1)
        if _same_word(glued, "".join(tokens[start : start + width]))
    ]
    return found


def _distance(word: Placed, found: list[Word]) -> float:
    x = sum(part.x for part in found) / len(found)
    y = sum(part.y for part in found) / len(found)
    return float(abs(x - word.x) + abs(y - word.y))


def _near(phrase: str, read: list[Word]) -> str | None:
    """The figure's reading closest to `phrase`, if close enough to be it changed."""
    size, best, score = len(_tokens(phrase)), None, float(NEAR)
    for width in {max(1, size - 1), size, size + 1}:
        for start in range(len(read) - width + 1):
            window = " ".join(word.text for word in read[start : start + width])
            ratio = fuzz.ratio(" ".join(_tokens(phrase)), " ".join(_tokens(window)))
            if ratio > score:
                best, score = window, ratio
    return best


def judge(
    figure: Path, screenshot: Path, shown: Iterable[Placed], regions: Iterable[Region], present: Iterable[str] = ()
) -> Judgement:
    """Compare a document's figure with our screenshot of the same moment and the words it shows (`shown`,
    where they are; `present`: every product word on the page, behind an open prompt too)."""
    with Image.open(figure) as image:
        picture = image.convert("RGB")
    with Image.open(screenshot) as image:
        ours = image.convert("RGB")
    clean = without_annotations(picture)
    read = words(clean)
    # The figure may show less of the page than our screenshot (a shorter window): compare what both show.
    seen_height = min(1.0, (picture.height / picture.width) / (ours.height / ours.width))
    verdict = Judgement()
    shown = [word for word in shown if word.y <= seen_height]
    on_screen = {word.text for word in shown} | set(present)
    for word in shown:
        where = Placed(word.text, word.x, word.y / seen_height, word.width, word.height / seen_height)
        found = _find(word.text, read, where)
        if found is None or _moved(word, found, seen_height):
            # Read the place where the screen has it once more on its own: a word beside a box or an arrow,
            # or in a small light font on a dark ground, is often missed or misplaced in the whole picture.
            found = [Word(word.text, where.x, where.y)] if _read_there(clean, where) else found
        if found is None:
            near = _near(word.text, read)
            verdict.changes.append(
                f"`{near}` → `{word.text}`" if near else f"the figure does not show `{word.text}`, which the screen has"
            )
        elif _moved(word, found, seen_height) and _once(word.text, read, shown):
            verdict.changes.append(f"`{word.text}` has moved")
    verdict.changes += _gone(read, on_screen)
    verdict.changes += [change for region in regions if (change := _look(region, picture, ours, seen_height))]
    return verdict


def _once(text: str, read: list[Word], shown: list[Placed]) -> bool:
    """The word is once on screen and once in the figure: only then can the two be told to be the same one."""
    return sum(word.text == text for word in shown) == 1 and len(_every(text, read)) == 1


def _around(picture: Image.Image, word: Placed, pad: float) -> Image.Image:
    """The part of the picture where the screen has the word, `pad` times its height around it."""
    height_px = max(word.height * picture.height, 8.0)
    half_width = word.width * picture.width / 2 + pad * height_px
    half_height = height_px / 2 + pad * height_px
    x, y = word.x * picture.width, word.y * picture.height
    left, top = int(max(0, x - half_width)), int(max(0, y - half_height))
    right, bottom = int(min(picture.width, x + half_width)), int(min(picture.height, y + half_height))
    return picture.crop((left, top, right, bottom))


def _read_there(picture: Image.Image, word: Placed) -> bool:
    """Whether the word can be read where the screen has it, in a tight crop or a looser one."""
    scale = WIDTH / picture.width
    return any(_find(word.text, words(_around(picture, word, pad), scale)) for pad in (0.5, 1.5))


def without_annotations(picture: Image.Image) -> Image.Image:
    """The picture with the how-to's boxes and arrows painted over: strong purples, magentas and pinks, which no
    screen of the product uses, replaced by what lies around them."""
    hsv = picture.convert("HSV")
    hue, saturation, value = hsv.split()
    mask = Image.eval(hue, lambda h: 255 if 190 <= h <= 240 else 0)  # 270°-340° on Pillow's 0-255 hue wheel
    mask = ImageChops.multiply(mask, Image.eval(saturation, lambda s: 255 if s > 110 else 0))
    mask = ImageChops.multiply(mask, Image.eval(value, lambda v: 255 if v > 70 else 0))
    mask = mask.filter(ImageFilter.MaxFilter(5))
    return Image.composite(picture.filter(ImageFilter.BoxBlur(8)), picture, mask)


def _moved(word: Placed, found: list[Word], seen_height: float) -> bool:
    x = sum(part.x for part in found) / len(found)
    y = sum(part.y for part in found) / len(found) * seen_height
    return abs(x - word.x) > MOVED or abs(y - word.y) > MOVED


def _gone(read: list[Word], on_screen: set[str]) -> list[str]:
    """Product words the figure shows and the screen does not have at this moment."""
    every = product_words()
    parts = {token for word in every if len(_tokens(word)) > 1 for token in _tokens(word)}
    gone = []
    for word in every:
        single = len(_tokens(word)) == 1
        if word in on_screen or (single and _tokens(word)[0] in parts) or not _tokens(word):
            continue
        if _every(word, read, exact=True):  # letter for letter: "disabled project" in a sentence is not one
            gone.append(f"the figure shows `{word}`, which the screen no longer has here")
    return gone


def _look(region: Region, picture: Image.Image, ours: Image.Image, seen_height: float) -> str | None:
    left, top, right, bottom = region.box
    if top >= seen_height:
        return None
    theirs = _median(picture, (left, top / seen_height, right, min(1.0, bottom / seen_height)))
    mine = _median(ours, region.box)
    distance = sum((a - b) ** 2 for a, b in zip(theirs, mine, strict=True)) ** 0.5
    if distance <= COLOUR:
        return None
    return f"{region.name} looks different: {_hex(theirs)} in the figure, {_hex(mine)} on the screen"


def _median(image: Image.Image, box: tuple[float, float, float, float]) -> tuple[float, ...]:
    left, top, right, bottom = box
    crop = image.crop((int(left * image.width), int(top * image.height), int(right * image.width),
                       max(int(top * image.height) + 1, int(bottom * image.height))))  # fmt: skip
    return tuple(ImageStat.Stat(crop).median)


def _hex(colour: tuple[float, ...]) -> str:
    return "#" + "".join(f"{int(channel):02x}" for channel in colour[:3])


# The product's words on screen now (the innermost visible element whose whole text is one of them), and the
# page's big regions, as shares of the screenshot about to be taken. Under an open prompt only its own words
# count: the page behind it is dimmed for the reader too.
MOMENT = """([words, wholePage]) => {
  const root = [...document.querySelectorAll("dialog[open]")].pop() || document.body;
  const width = wholePage ? document.documentElement.scrollWidth : innerWidth;
  const height = wholePage ? document.documentElement.scrollHeight : innerHeight;
  const [dx, dy] = wholePage ? [scrollX, scrollY] : [0, 0];
  const text = (element) => (element.innerText || "").replace(/\\s+/g, " ").trim();
  const share = (r) => [(r.left + dx) / width, (r.top + dy) / height, (r.right + dx) / width, (r.bottom + dy) / height];
  const shown = [];
  for (const element of root.querySelectorAll("*")) {
    const said = text(element);
    if (!words.includes(said) || [...element.children].some((child) => text(child) === said)) continue;
    const range = document.createRange();
    range.selectNodeContents(element);  // the text's own box: a heading's element spans the whole column
    const box = range.getBoundingClientRect();
    if (box.width < 4 || box.height < 4 || !element.checkVisibility({ visibilityProperty: true })) continue;
    if (!wholePage && (box.bottom < 0 || box.top > innerHeight)) continue;
    const [cx, cy] = [(box.left + box.right) / 2, (box.top + box.bottom) / 2];
    const on = cx >= 0 && cy >= 0 && cx < innerWidth && cy < innerHeight ? document.elementFromPoint(cx, cy) : null;
    if (on && !element.contains(on) && !on.contains(element)) continue;  // covered, by an open menu say
    const [left, top, right, bottom] = share(box);
    shown.push([said, (left + right) / 2, (top + bottom) / 2, right - left, bottom - top]);
  }
  // Every product word shown on the page, behind a prompt too: an element's whole text, or a phrase of several
  // words inside longer text ("... a project is disabled"). A single word in a sentence is not a label shown.
  const page = text(document.body).toLowerCase();
  const own = (element) => [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent).join(" ").replace(/\\s+/g, " ").trim();  // "Connected" before its <time>
  const visible = [...document.body.querySelectorAll("*")]
    .filter((element) => element.checkVisibility({ visibilityProperty: true }));
  const whole = new Set([...visible.map(text), ...visible.map(own)]);
  const present = words.filter((word) => whole.has(word) || (word.includes(" ") && page.includes(word.toLowerCase())));
  const regions = [];
  const header = document.querySelector("header, [role=banner]");
  const side = [...document.querySelectorAll("nav")].find((nav) => !nav.closest("header") && nav.checkVisibility());
  if (header) regions.push(["the header", share(header.getBoundingClientRect())]);
  if (side) regions.push(["the side-bar", share(side.getBoundingClientRect())]);
  return { shown, regions, present: [...new Set(present)] };
}"""


def read_moment(page: "Page", whole_page: bool) -> tuple[list[Placed], list[Region], list[str]]:
    """The product's words on screen and the page's regions, for judging a figure of this moment."""
    moment = page.evaluate(MOMENT, [list(product_words()), whole_page])
    shown = [Placed(text, x, y, width, height) for text, x, y, width, height in moment["shown"]]
    regions = [Region(name, (box[0], box[1], box[2], box[3])) for name, box in moment["regions"]]
    return shown, regions, list(moment["present"])
