"""Mutated how-tos for the accuracy benchmark: each operator injects one known difference, with its line and kind.

A document's labels (the shape of benchmarks/corpus/product_labels.json) say which lines are steps and which
already differ from the app; an operator only touches a step line that is labelled clean, so the difference it
injects is the only one on that line and the base labels still hold (shifted when a line is deleted).
"""

import random
import re
from collections.abc import Callable, Iterator, Mapping
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from pages import labels as app_labels

Labels = dict[str, Any]  # one document's entry of product_labels.json

# A name the reader is told to look for or act on: "Name", 'Name' or **Name**.
QUOTED = re.compile(r"\"(?P<d>[^\"\n]{1,40})\"|'(?P<s>[A-Z][^'\n]{0,39})'|\*\*(?P<b>[^*\n]{1,40})\*\*")
CLICK = re.compile(r"\b(?:click|select|tap|press|choose)\b", re.I)
OUTCOME = re.compile(
    r"\b(?:you will see|you'll see|shows?|showing|appears?|displayed|displays|will find|labell?ed)\b", re.I
)
# "top left" is one place; "in the top" is one only when no side follows it.
PLACE = re.compile(
    r"\b(?:top|bottom|upper|lower)[ -](?:left|right)\b"
    r"|\b(?:on|to|at|in) the (?:left|right|top|bottom)\b(?![ -](?:left|right))",
    re.I,
)
NEGATION = re.compile(r"\b(?:not|no longer|never)\b", re.I)
METHOD_HEADING = re.compile(r"^\s*#+\s*(?:method|option|way)\s*\d", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
SWAPS = {"left": "right", "right": "left", "top": "bottom", "bottom": "top"}
# Invented words: no screen of the app shows them, and no fuzzy match would take them for one of its names.
MADE_UP = ("Quillmark", "Vornish", "Trandlebox", "Snorrel", "Bexworth", "Mivotan", "Plonkard", "Zerrimew")


def app_names() -> frozenset[str]:
    """Every word the app's screens show, as the page objects locate them."""
    names: set[str] = set()
    for value in vars(app_labels).values():
        if isinstance(value, str):
            names.add(value)
        elif isinstance(value, tuple):
            names.update(item for item in value if isinstance(item, str))
    return frozenset(names)


@dataclass(frozen=True)
class Mutation:
    """A mutated document: its text, the one difference injected, and the labels that now hold for it."""

    op: str
    line: int
    kind: str
    what: str  # in our words: which name or phrase changed, and how
    text: str
    labels: Labels  # the base labels (lines shifted) plus the injected difference, marked "injected"


Operator = Callable[[list[str], Labels, random.Random], Iterator[Mutation]]


def _difference_lines(labels: Labels) -> set[int]:
    return {int(difference["line"]) for difference in labels["differences"]}


def _clean_steps(labels: Labels) -> list[int]:
    """Step lines with no labelled difference (of any confidence), which the app can walk."""
    limits = {int(entry["line"]) for key in ("outside_app", "cannot_do") for entry in labels[key]}
    busy = _difference_lines(labels) | limits
    return sorted(int(line) for line in labels["steps"] if int(line) not in busy)


def _names(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Each quoted or bold name with the name itself; a full stop inside the quotes is not part of it, though an
    ellipsis is ("Settings...")."""
    for match in QUOTED.finditer(text):
        name = next(group for group in match.groups() if group is not None)
        yield match, name[:-1] if name.endswith(".") and not name.endswith("...") else name


def _replace(line: str, match: re.Match[str], old: str, new: str) -> str:
    start, end = match.span()
    return line[:start] + match.group(0).replace(old, new, 1) + line[end:]


def _with(lines: list[str], number: int, new: str) -> str:
    changed = list(lines)
    changed[number - 1] = new
    return "\n".join(changed) + "\n"


def _injected(labels: Labels, line: int, kind: str, note: str) -> Labels:
    labels = deepcopy(labels)
    labels["differences"].append({"line": line, "kind": kind, "note": note, "confidence": "high", "injected": True})
    return labels


def _sentence_with(line: str, position: int) -> str:
    start = 0
    for part in SENTENCE_END.split(line):
        start = line.index(part, start)
        if start <= position < start + len(part):
            return part
        start += len(part)
    return line


def change_case(lines: list[str], labels: Labels, rng: random.Random) -> Iterator[Mutation]:
    """A name the app shows, written with its first letter's case flipped: `name-differs`."""
    shown = app_names()
    for number in _clean_steps(labels):
        for match, name in _names(lines[number - 1]):
            if name in shown and name[0].isalpha():
                flipped = (name[0].lower() if name[0].isupper() else name[0].upper()) + name[1:]
                note = f'injected: "{name}" written as "{flipped}"'
                text = _with(lines, number, _replace(lines[number - 1], match, name, flipped))
                yield Mutation(
                    "case", number, "name-differs", note, text, _injected(labels, number, "name-differs", note)
                )


def unknown_name(lines: list[str], labels: Labels, rng: random.Random) -> Iterator[Mutation]:
    """The name in a click step replaced by an invented word: `not-on-screen`."""
    for number in _clean_steps(labels):
        line = lines[number - 1]
        for match, name in _names(line):
            if CLICK.search(_sentence_with(line, match.start())):
                word = rng.choice(MADE_UP)
                note = f'injected: "{name}" in a click step replaced by the invented "{word}"'
                text = _with(lines, number, _replace(line, match, name, word))
                kind = "not-on-screen"
                yield Mutation("unknown-name", number, kind, note, text, _injected(labels, number, kind, note))


def swap_place(lines: list[str], labels: Labels, rng: random.Random) -> Iterator[Mutation]:
    """Left and right (or top and bottom) swapped in a place phrase: `position`."""
    for number in _clean_steps(labels):
        line = lines[number - 1]
        for match in PLACE.finditer(line):
            if NEGATION.search(_sentence_with(line, match.start())):
                continue  # "no longer at the top" swapped says nothing the app contradicts
            phrase = match.group(0)
            # In "top left" the corner's other side changes; "top" alone is a whole place.
            pattern = r"left|right" if re.search(r"left|right", phrase, re.I) else r"top|bottom"
            swapped = re.sub(pattern, lambda m: _same_case(m.group(0), SWAPS[m.group(0).lower()]), phrase, count=1,
                             flags=re.I)  # fmt: skip
            note = f'injected: "{phrase}" changed to "{swapped}"'
            text = _with(lines, number, line[: match.start()] + swapped + line[match.end() :])
            yield Mutation("position", number, "position", note, text, _injected(labels, number, "position", note))


def _same_case(old: str, new: str) -> str:
    return new.capitalize() if old[0].isupper() else new


def change_outcome(lines: list[str], labels: Labels, rng: random.Random) -> Iterator[Mutation]:
    """A quoted name in a sentence saying what the reader will see, replaced by an invented word: `outcome`."""
    for number in _clean_steps(labels):
        line = lines[number - 1]
        for match, name in _names(line):
            sentence = _sentence_with(line, match.start())
            if OUTCOME.search(sentence) and not CLICK.search(sentence):
                word = rng.choice(MADE_UP)
                note = f'injected: the expected "{name}" replaced by the invented "{word}"'
                text = _with(lines, number, _replace(line, match, name, word))
                yield Mutation("outcome", number, "outcome", note, text, _injected(labels, number, "outcome", note))


def _methods(lines: list[str]) -> list[int]:
    """The method each line falls in (0 before any "Method N" heading)."""
    method, found = 0, []
    for line in lines:
        method += bool(METHOD_HEADING.match(line))
        found.append(method)
    return found


def _shifted(labels: Labels, deleted: int) -> Labels:
    """The labels once line `deleted` is gone: its own entries dropped, the lines after it one up."""

    def moved(line: int) -> int:
        return line - 1 if line > deleted else line

    shifted = deepcopy(labels)
    for key, entries in shifted.items():
        if isinstance(entries, list):
            if all(isinstance(entry, int) for entry in entries):
                shifted[key] = [moved(entry) for entry in entries if entry != deleted]
            else:
                shifted[key] = [
                    {**entry, "line": moved(entry["line"])} for entry in entries if entry["line"] != deleted
                ]
    return shifted


def delete_step(lines: list[str], labels: Labels, rng: random.Random) -> Iterator[Mutation]:
    """A click step in the middle of a method, before another click step, deleted: `missing-step` at the next."""
    clean, steps, methods = set(_clean_steps(labels)), sorted(int(line) for line in labels["steps"]), _methods(lines)
    texts = [re.sub(r"^[\s\-*>\d.]+", "", line).strip().lower() for line in lines]
    for before, number, after in zip(steps, steps[1:], steps[2:], strict=False):
        same_method = methods[before - 1] == methods[number - 1] == methods[after - 1]
        # A step written twice in a method (a copied section) would still be there after the deletion.
        repeated = any(texts[other - 1] == texts[number - 1] for other in steps if other != number
                       and methods[other - 1] == methods[number - 1])  # fmt: skip
        # Both clicks: the walk then lacks a control it needs; before a "you will see" it would report an outcome.
        clicks = CLICK.search(lines[number - 1]) and CLICK.search(lines[after - 1])
        if same_method and number in clean and after in clean and clicks and not repeated:
            note = f"injected: the click step on line {number} deleted; the step after it now lacks it"
            text = "\n".join(lines[: number - 1] + lines[number:]) + "\n"
            shifted = _shifted(labels, number)
            yield Mutation("delete-step", after - 1, "missing-step", note, text,
                           _injected(shifted, after - 1, "missing-step", note))  # fmt: skip


OPERATORS: dict[str, Operator] = {
    "case": change_case,
    "unknown-name": unknown_name,
    "position": swap_place,
    "delete-step": delete_step,
    "outcome": change_outcome,
}


def mutations(
    text: str, labels: Labels, count: int, seed: str, used: Mapping[str, int] | None = None
) -> list[Mutation]:
    """`count` mutations of one document, chosen by `seed` and `used` alone: operators taken in turns, so a document
    gets as many different kinds as it offers before any kind comes twice; those `used` least so far go first, so
    that over a corpus the rarer operators are not crowded out by the one every document offers."""
    rng = random.Random(seed)
    lines = text.splitlines()
    offered = {name: list(operator(lines, labels, rng)) for name, operator in OPERATORS.items()}
    shuffled = sorted(offered)
    rng.shuffle(shuffled)
    order = sorted(shuffled, key=lambda name: (used or {}).get(name, 0))
    chosen: list[Mutation] = []
    while len(chosen) < count and any(offered.values()):
        for name in order:
            if offered[name] and len(chosen) < count:
                chosen.append(offered[name].pop(rng.randrange(len(offered[name]))))
    return chosen
