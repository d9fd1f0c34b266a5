"""What a how-to's source holds, as read: its form, its title and its blocks, each with its line."""

import re
from dataclasses import dataclass
from typing import Literal

Format = Literal["mdx", "markdown", "html", "text"]
BlockKind = Literal["heading", "item", "paragraph", "quote", "note"]  # a quote: words the screen should show


# A method's heading, however it is numbered or punctuated: "Method 1: ...", "METHOD 2 - ...", "Method #3",
# "Option two)", "Second method: ...".
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
METHOD = re.compile(
    r"^\W*(?:\d+[.)]\s*)?(?:(?:method|option|way|approach)\s*[:#]?\s*(?:no\.?\s*)?(?P<number>\d+|one|two|three|four|five|iv|v|i{1,3})"
    r"|(?P<ordinal>first|second|third|fourth|fifth)\s+(?:method|option|way|approach))\b\s*[:.\-–—)]*\s*"
    r"(?P<title>.*?)\W*$",
    re.I,
)


def method_number(heading: str) -> int | None:
    """The method a heading starts, or None."""
    found = METHOD.match(heading)
    if not found:
        return None
    if found.group("ordinal"):
        return ORDINALS[found.group("ordinal").lower()]
    number = found.group("number").lower()
    return int(number) if number.isdigit() else NUMBERS[number]


class UnreadableDocument(ValueError):
    """The file is not a how-to this check can read."""


@dataclass(frozen=True)
class Figure:
    """An image of the document: its caption (alt text) and where it points; the text form keeps captions only."""

    line: int
    caption: str
    src: str | None = None


@dataclass(frozen=True)
class Block:
    """A heading, a list item or a paragraph. `text` keeps **bold** and "quotes"; its line breaks are the source's."""

    kind: BlockKind
    line: int
    text: str
    level: int = 0  # a heading's level
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Source:
    """A document read into blocks: `path` as the user gave it."""

    path: str
    format: Format
    title: str
    blocks: tuple[Block, ...]
