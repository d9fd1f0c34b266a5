"""A how-to copied from its published page as plain text into blocks.

The copy keeps no marks: list items start with a bullet, other lines are headings (short, without a full
stop) or paragraphs, and each figure survives only as its caption, left at the end of its list item
("... the dropdown menu. Dashboard Active Project"). The lines a documentation site puts around the
article ("Skip to main content") are dropped.
"""

import re

from .document import Block, Figure, method_number

BULLET = re.compile(r"^\s*(?:[•●◦▪‣*\-–]|\d+[.)])\s+")
SITE_CHROME = {"skip to main content", "on this page", "edit this page", "previous", "next", "was this page helpful?"}
# The end of the last sentence of an item, then words that end in no full stop: a caption.
CAPTION = re.compile(r"""(?<=[.!?:"”'’)])\s+(?P<caption>[A-Z][\w-]*(?:\s+[\w-]+){0,7})\s*$""")


def text_blocks(source: str) -> list[Block]:
    blocks = []
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        if not line or line.lower() in SITE_CHROME:
            continue
        bullet = BULLET.match(raw)
        if bullet:
            text, figures = _caption(raw[bullet.end() :].strip(), number)
            blocks.append(Block("item", number, text, figures=figures))
        elif _is_heading(line):
            blocks.append(Block("heading", number, line, 1 if not blocks else 2))
        else:
            text, figures = _caption(line, number)
            blocks.append(Block("paragraph", number, text, figures=figures))
    return blocks


def _is_heading(line: str) -> bool:
    """Short and unpunctuated, or a method's heading however it ends."""
    short = len(line.split()) <= 14 and not line.endswith((".", "!", "?", '."', '."'))
    return short or method_number(line) is not None and len(line.split()) <= 20


def _caption(text: str, line: int) -> tuple[str, tuple[Figure, ...]]:
    found = CAPTION.search(text)
    if not found:
        return text, ()
    return text[: found.start()].rstrip(), (Figure(line, found.group("caption")),)
