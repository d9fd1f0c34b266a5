"""Putting a report on another form of a document (a built page, plain text) onto the source document's lines.

Labels carry the source's line numbers; a report on a built page carries the page's (a few very long lines), on
plain text the text's. Each report step goes to the source line its text comes from: both lower-cased down to
their words, the line with the best rapidfuzz `partial_ratio` against the step's text. Among equally good lines
the one that holds the whole of the step's text wins over one that is only a part of it (a heading such as
"Star the Project" lies whole inside the step "you will star the project", and so scores as well as the line
the step comes from), and then the first at or after the line the step before went to (a step repeated in a
second method goes to its own method's line). The step's findings go to the same line.
"""

import re
from copy import deepcopy

from rapidfuzz import fuzz

from benchmarks.accuracy_scoring import Report, report_steps

WORD = re.compile(r"\w+")


def words(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def source_line(text: str, lines: list[str], after: int = 1) -> int | None:
    """The 1-based line of `lines` (already reduced to words) that `text` (likewise) comes from; None for no words."""
    if not text:
        return None
    scores = [(fuzz.partial_ratio(text, line), len(line) >= len(text)) if line else (0.0, False) for line in lines]
    best = max(scores, default=(0.0, False))
    if best[0] == 0:
        return None
    ties = [number for number, found in enumerate(scores, 1) if found == best]
    return next((number for number in ties if number >= after), ties[0])


def reline(document: Report, source: str) -> Report:
    """A copy of one document of the check's report with each step and its findings on the source's lines; a step
    without words (or none alike) keeps the line of the step before it."""
    relined, lines = deepcopy(document), [words(line) for line in source.splitlines()]
    previous = 1
    for step in report_steps(relined):
        line = source_line(words(step.get("text") or ""), lines, previous) or previous
        step["line"] = line
        for finding in step["findings"]:
            finding["line"] = line
        previous = line
    return relined
