"""A built page as plain text, as a reader gets it copying the page's article: one line per block.

The article is Docusaurus's `<article>` (or the page's `<main>`, or its `<body>`) less its breadcrumbs, buttons
and footer. Each heading, paragraph, list item and table row is one line: a list item starts with a bullet
("• ", or "1. " in a numbered list), a table row's cells are joined by tabs, and an image inside a block
leaves its alt text at the block's end (the form the check's text reader takes for a copied page). A paragraph
inside a list item or a row is part of that line; a list inside a list item gets lines of its own.
"""

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from bs4.element import Comment, NavigableString

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCKS = (*HEADINGS, "p", "li", "tr")
CHROME = ("nav", "button", "script", "style", "footer", "header")
BULLET = "• "
SPACE = re.compile(r"[\s\u200b]+")  # a heading's anchor link is a zero-width space


def plain_text(page: str) -> str:
    with warnings.catch_warnings():  # a page of a few words is still a page, not a file name
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(page, "html.parser")
    article = soup.find("article") or soup.find("main") or soup.body or soup
    for chrome in article.find_all(CHROME):
        chrome.decompose()
    lines = []
    for tag in article.find_all(BLOCKS):
        if tag.name == "p" and tag.find_parent(("li", "tr")):
            continue  # read with its list item or row
        text = _line(tag)
        if text:
            lines.append(_marker(tag) + text)
    return "\n".join(lines) + "\n"


def _marker(tag: Tag) -> str:
    if tag.name != "li":
        return ""
    parent = tag.parent
    if isinstance(parent, Tag) and parent.name == "ol":
        items = [child for child in parent.children if isinstance(child, Tag) and child.name == "li"]
        return f"{items.index(tag) + 1}. "
    return BULLET


def _line(tag: Tag) -> str:
    """The block's words on one line, then the alt text of its images; a row's cells apart."""
    if tag.name == "tr":
        cells = [_line(cell) for cell in tag.find_all(("td", "th"), recursive=False)]
        return "\t".join(cell for cell in cells if cell)
    words, captions = _words(tag)
    return SPACE.sub(" ", " ".join([words, *captions])).strip()


def _words(tag: Tag) -> tuple[str, list[str]]:
    """The text of the block itself, without the lists nested in it, and its images' alt texts."""
    parts, captions = [], []
    for child in tag.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, Comment):
                parts.append(str(child))
        elif isinstance(child, Tag) and child.name == "img":
            captions.append(str(child.get("alt", "")))
        elif isinstance(child, Tag) and child.name not in ("ul", "ol"):
            inner, more = _words(child)
            parts.append(inner + (" " if child.name in ("p", "br", "div") else ""))
            captions += more
    return "".join(parts), [caption for caption in captions if caption.strip()]
