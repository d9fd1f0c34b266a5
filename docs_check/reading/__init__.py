"""Reading a how-to, stage one of the check: a path or a text in one of four forms (MDX, Markdown, a built HTML
page, plain text) in; a `Source` out, its title and blocks (headings, list items, paragraphs) with their lines
and figures. No browser: importing it loads neither Playwright nor the page objects."""

from .document import Block, BlockKind, Figure, Format, Source, UnreadableDocument
from .reader import detect_format, read_source, source_of

__all__ = [
    "Block", "BlockKind", "Figure", "Format", "Source", "UnreadableDocument", "detect_format", "read_source",
    "source_of",
]  # fmt: skip
