"""A block's text split into sentences, each with its offset in the block (for its line)."""

import re

from .instructions import NOTE

# A sentence ends at . ! or ? (a closing quote or bracket may follow), before a space and a capital
# letter, a quote or a digit. An ellipsis inside a word ("Settings...") ends nothing. A caption ending in a
# colon at the end of its line ("On the General tab:") ends too: the sentence under it is one of its own.
END = re.compile(r"""(?<!\.\.)(?<=[.!?])["”'’)]?(?=\s+["“'‘(]?[A-Z0-9])|(?<=:)(?=[ \t]*\n\s*["“'‘(]?[A-Z0-9])""")
# A second instruction joined by a comma: "locate the project, click on its tile".
JOINED = re.compile(
    r"(?:,\s+(?:and\s+)?(?:then\s+)?|\s+(?:and\s+then|and|then)\s+)(?=(?:click|tap|select|choose|press)\b)", re.I
)


def clauses(sentence: str) -> list[tuple[int, str]]:
    """The sentence split where a comma joins a second instruction; the caller keeps the split only when
    the first part is an instruction of its own (not "On the menu, click ...")."""
    cut = next((found for found in JOINED.finditer(sentence) if not _quoted_at(sentence, 0, found.start())), None)
    if not cut:
        return [(0, sentence)]
    return [(0, sentence[: cut.start()] + "."), (cut.end(), sentence[cut.end() :])]


def _quoted_at(text: str, start: int, end: int) -> bool:
    """Whether `end` falls inside double quotes opened since `start`."""
    part = text[start:end].replace("“", '"').replace("”", '"')
    return part.count('"') % 2 == 1


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; the offset is where the sentence starts in `text`."""
    found: list[tuple[int, str]] = []
    start = 0
    for end in END.finditer(text):
        if _quoted_at(text, start, end.end()):
            continue  # a quoted message's own full stops end nothing
        _add(found, text, start, end.end())
        start = end.end()
    _add(found, text, start, len(text))
    return found


# A short caption with a colon before a sentence on the same line ("In the General tab: Stay on ..."), as a
# built page or plain text gives what Markdown wrote on two lines.
CAPTION = re.compile(r"^(?:[^\s:\"“]+\s+){0,5}[^\s:\"“]+:\s+(?=[A-Z])")


def _add(found: list[tuple[int, str]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    at = start + len(piece) - len(piece.lstrip())
    caption = CAPTION.match(stripped)
    if caption and caption.end() < len(stripped) and not NOTE.match(stripped):  # "Note: Click ..." stays a note
        found.append((at, " ".join(stripped[: caption.end()].split())))
        at, stripped = at + caption.end(), stripped[caption.end() :]
    found.append((at, " ".join(stripped.split())))
