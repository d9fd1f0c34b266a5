"""What a how-to's source holds, as read: its form, its title and its blocks, each with its line."""

from dataclasses import dataclass
from typing import Literal

Format = Literal["mdx", "markdown", "html", "text"]
BlockKind = Literal["heading", "item", "paragraph"]


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
