"""What a how-to says, as read: its blocks with their lines, then its methods and steps."""

from dataclasses import dataclass, field
from typing import Literal

from ..instructions import Instruction

Format = Literal["mdx", "markdown", "html", "text"]
BlockKind = Literal["heading", "item", "paragraph"]


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
class Step:
    """One sentence that asks the reader to act or look, or says what happens."""

    number: int
    line: int
    text: str
    section: str  # the heading the sentence falls under
    instruction: Instruction
    figures: tuple[Figure, ...] = ()  # the figures of its block, kept with the block's last step


@dataclass(frozen=True)
class Method:
    key: str  # "method-1": names the method's test and figure folder
    name: str  # "Method 1", or the document's title when it has one method only
    title: str
    line: int
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Document:
    path: str
    format: Format
    title: str
    methods: tuple[Method, ...]
    blocks: tuple[Block, ...] = field(default=(), repr=False)
