"""A built HTML page into blocks, through Beautiful Soup; each block keeps the line its tag starts on.

Only the article's text is read: a documentation site's page also has navigation, a table of contents
and a footer. The article is `<article>` (or the page's `<main>`, or its `<body>`), less its `<nav>`s.
A table's rows are steps like list items; a blockquote is words the screen should show; an admonition
(Docusaurus draws one as `div.theme-admonition`, others as `<aside>`) is a note, not a step.
"""

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from bs4.element import Comment, NavigableString

from .document import Block, BlockKind, Figure

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCKS = (*HEADINGS, "li", "p", "tr", "summary")
CHROME = ("nav", "button", "script", "style", "footer", "header")
NOTES = "aside, .admonition, .theme-admonition, [role=note]"


def images_in(html: str) -> list[tuple[str, str | None]]:
    """(alt, src) of each <img> in a piece of HTML."""
    soup = BeautifulSoup(html, "html.parser")
    return [(str(image.get("alt", "")), _src(image)) for image in soup.find_all("img")]


def _src(image: Tag) -> str | None:
    src = image.get("src")
    return str(src) if src else None


def html_blocks(source: str, whole: bool = False) -> tuple[str | None, list[Block]]:
    """The page's <title> (a fallback for the document's) and the article's blocks, in order; `whole`: a
    fragment (raw HTML inside Markdown), read whole."""
    with warnings.catch_warnings():  # a page of a few words is still a page, not a file name or an address
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(source, "html.parser")
    title = soup.title.get_text(strip=True) if soup.title else None
    article = soup if whole else soup.find("article") or soup.find("main") or soup.body or soup
    for chrome in article.find_all(CHROME):
        chrome.decompose()
    notes = {id(tag) for note in article.select(NOTES) for tag in note.find_all(BLOCKS)}
    blocks = []
    for tag in article.find_all(BLOCKS):
        if tag.name in ("p", "summary") and tag.find_parent(("li", "tr")) or tag.name == "tr" and tag.find("th"):
            continue  # part of its list item or row; a header row names columns, not steps
        text = _text(tag).strip()
        figures = tuple(Figure(image.sourceline or 0, str(image.get("alt", "")), _src(image)) for image in _images(tag))
        if not text and not figures:
            continue
        line = tag.sourceline or 0
        if tag.name in HEADINGS or tag.name == "summary":  # a collapsed block's summary names what it holds
            blocks.append(Block("heading", line, text, int(tag.name[1]) if tag.name in HEADINGS else 6))
            continue
        kind: BlockKind = "item" if tag.name in ("li", "tr") else "paragraph"
        if id(tag) in notes:
            kind = "note"
        elif tag.find_parent("blockquote"):
            kind = "quote"
        blocks.append(Block(kind, line, text, figures=figures))
    return title, blocks


def _images(tag: Tag) -> list[Tag]:
    """The images of this block, not of a list nested in it."""
    return [image for image in tag.find_all("img") if image.find_parent(("li", "p", "tr")) in (tag, None)]


def _text(tag: Tag) -> str:
    """The block's own text with bold as **x** and code as `x`; nested lists are blocks of their own; a row's
    cells are joined with a dash."""
    parts = []
    for child in tag.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, Comment):
                parts.append(str(child))
        elif isinstance(child, Tag) and child.name not in ("ul", "ol", "img"):
            inner = _text(child)
            if child.name in ("strong", "b"):
                parts.append(f"**{inner}**")
            elif child.name == "code":
                parts.append(f"`{inner}`")
            elif child.name in ("td", "th"):
                parts.append(f" — {inner}" if parts and "".join(parts).strip() else inner)
            else:
                parts.append(inner)
    return " ".join("".join(parts).split())
