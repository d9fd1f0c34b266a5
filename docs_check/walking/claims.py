"""A sentence the document quotes as shown on screen, compared with the screen's text.

The quote holds when the screen shows it, whatever the spacing, quotes and case; a text on screen that is
much like it is the same message worded otherwise, named with its words; nothing like it is not there.
"""

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..report.results import FindingKind

ALIKE = 60  # rapidfuzz partial ratio from which a text on screen is the quoted message, worded otherwise


@dataclass(frozen=True)
class Verdict:
    kind: FindingKind | None  # None: the screen shows it
    shown: str | None = None
    message: str = ""


def _plain(text: str) -> str:
    """Without quotes, icons, case and spacing (none before punctuation)."""
    words = " ".join(re.sub(r"[\"'“”‘’↗]", "", text).split())
    return re.sub(r"\s+([.,;:!?])", r"\1", words).casefold().strip(" .")


def compare_message(quote: str, screen_text: str) -> Verdict:
    wanted, whole = _plain(quote), _plain(screen_text)
    if wanted in whole:
        return Verdict(None)
    aligned = fuzz.partial_ratio_alignment(wanted, whole)
    if aligned is not None and aligned.score >= ALIKE:
        best = _sentences_around(whole, aligned.dest_start, aligned.dest_end)
        if fuzz.token_set_ratio(wanted, best) >= ALIKE:
            return Verdict("wording", best, f'the text quotes "{quote}"; the screen words it "{best}"')
    return Verdict("not-on-screen", None, f'no text on screen reads "{quote}"')


def _sentences_around(text: str, start: int, end: int) -> str:
    """The part of the screen's text the quote lines up with, widened to whole words."""
    while start > 0 and text[start - 1] != " ":
        start -= 1
    while end < len(text) and text[end] != " ":
        end += 1
    return text[start:end].strip()
