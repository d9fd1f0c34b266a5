"""Read a how-to in any of its four forms into a `Source`: its title and its blocks in order."""

import re
from pathlib import Path

from .document import Block, Format, Source, UnreadableDocument
from .html import html_blocks
from .markdown import markdown_blocks, mdx_to_markdown
from .text import text_blocks

SUFFIXES: dict[str, Format] = {
    ".mdx": "mdx", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".txt": "text",
}  # fmt: skip


def read_source(path: Path, shown_as: str | None = None) -> Source:
    """The document at `path`; `shown_as` is how reports name it (default: the path as given)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableDocument(f"{shown_as or path}: cannot read it as UTF-8 text ({error})") from error
    return source_of(text, shown_as or str(path), detect_format(path, text))


def detect_format(path: Path, source: str) -> Format:
    """By the file's suffix; a file without a known one by its content."""
    known = SUFFIXES.get(path.suffix.lower())
    if known:
        return known
    head = source.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if re.search(r"^import \w+ from ['\"]", source, re.M) or "<img src={" in source:
        return "mdx"
    if re.search(r"^#{1,6} |^\s*[-*] |!\[", source, re.M):
        return "markdown"
    return "text"


def source_of(text: str, path: str, form: Format) -> Source:
    page_title = None
    blocks: list[Block]
    if form == "mdx":
        blocks = markdown_blocks(mdx_to_markdown(text))
    elif form == "markdown":
        blocks = markdown_blocks(text)
    elif form == "html":
        page_title, blocks = html_blocks(text)
    else:
        blocks = text_blocks(text)
    headings = [block for block in blocks if block.kind == "heading"]
    if not headings and not page_title:
        raise UnreadableDocument(f"{path}: no title and no heading; is it a how-to?")
    top = min((block.level for block in headings), default=1)
    title = next((block.text for block in headings if block.level == top), None) or page_title or ""
    return Source(path, form, title, tuple(blocks))
