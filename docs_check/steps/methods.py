"""A read document's methods and steps: the sections headed "Method N" (a how-to with none is one method), and
in each the sentences of its list items and paragraphs that ask the reader to act or look, or say what happens.
A block's figures go with its last action, else its last step, or with the step above when the block has none.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..reading import Block, Figure, Format, Source, UnreadableDocument, read_source, source_of
from ..reading.document import METHOD, method_number
from .instructions import Instruction, understand
from .sentences import clauses, sentences


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
    path: str  # as the user gave it, or relative to the docs root
    format: Format
    title: str
    methods: tuple[Method, ...]
    blocks: tuple[Block, ...] = field(default=(), repr=False)


def read(path: Path, shown_as: str | None = None) -> Document:
    """The how-to at `path`, read and understood; `shown_as` names it in reports (default: the path as given)."""
    return document_of(read_source(path, shown_as))


def read_text(text: str, path: str, form: Format) -> Document:
    return document_of(source_of(text, path, form))


def document_of(source: Source) -> Document:
    blocks = [_as_heading(block) for block in source.blocks]
    if not english(blocks):
        raise UnreadableDocument(f"{source.path}: it does not read as English, and the check reads English only")
    methods = tuple(_methods(blocks, source.title))
    if not any(method.steps for method in methods):
        raise UnreadableDocument(f"{source.path}: no sentence asks the reader to act or look")
    return Document(source.path, source.format, source.title, methods, source.blocks)


# The commonest words of English prose: a how-to in English has plenty of them.
ENGLISH = frozenset(
    "the a an to of and in on for your you is are will be this that it with from click select then".split()
)


def english(blocks: list[Block]) -> bool:
    """Whether the document's prose reads as English: one word in eight at least is among English's commonest."""
    words = [word.casefold() for block in blocks for word in re.findall(r"[^\W\d_]+", block.text)]
    return len(words) < 30 or sum(word in ENGLISH for word in words) >= len(words) / 8


def _as_heading(block: Block) -> Block:
    """A paragraph that is only a bold "Method 2: ..." heads a method as a heading would."""
    bold = re.fullmatch(r"\*\*(.+?)\*\*:?", block.text.strip())
    if block.kind == "paragraph" and bold and method_number(bold.group(1)) is not None:
        return Block("heading", block.line, bold.group(1), 2, block.figures)
    return block


def _methods(blocks: list[Block], title: str) -> list[Method]:
    """Each "Method N" section with its steps; the whole document as one method when it has none."""
    starts = [(index, METHOD.match(block.text)) for index, block in enumerate(blocks) if block.kind == "heading"]
    marked = [(index, found) for index, found in starts if found]
    if not marked:
        first = next((block.line for block in blocks), 1)
        return [Method("method-1", title, "", first, _steps(blocks, title))]
    methods: list[Method] = []
    for position, (index, found) in enumerate(marked):
        end = marked[position + 1][0] if position + 1 < len(marked) else len(blocks)
        number, heading = method_number(blocks[index].text), blocks[index]
        key = f"method-{number}"
        if any(method.key == key for method in methods):  # a document that numbers two methods alike
            key = f"method-{number}-{position + 1}"
        methods.append(
            Method(
                key,
                f"Method {number}",
                found.group("title").strip() or heading.text,
                heading.line,
                _steps(blocks[index + 1 : end], heading.text),
            )
        )
    return methods


def _clauses(sentence: str) -> list[str]:
    parts = clauses(sentence)
    first = understand(parts[0][1]) if len(parts) > 1 else None
    if first is None or first.kind not in ("act", "look"):
        return [sentence]
    return [part for _, part in parts]


def _introduced(blocks: list[Block], index: int) -> bool:
    """Whether the quote at `index` follows a sentence that ends with a colon ("find the message:")."""
    return index > 0 and blocks[index - 1].kind not in ("heading", "quote") and blocks[index - 1].text.endswith(":")


def _with_quote(blocks: list[Block], index: int) -> Block:
    """A sentence that ends with a colon and the quote under it, read as one: the quote is what it speaks of."""
    block = blocks[index]
    if index + 1 < len(blocks) and blocks[index + 1].kind == "quote" and _introduced(blocks, index + 1):
        quote = blocks[index + 1].text.strip().strip('"“”')
        return Block(block.kind, block.line, f'{block.text} "{quote}"', block.level, block.figures)
    return block


def _steps(blocks: list[Block], section: str) -> tuple[Step, ...]:
    steps: list[Step] = []
    for number, block in enumerate(blocks):
        if block.kind == "heading":
            section = block.text
            continue
        if block.kind == "note" or block.kind == "quote" and _introduced(blocks, number):
            continue  # a note asks for nothing; a quote was read with the sentence that introduces it
        block = _with_quote(blocks, number)
        read = [
            (block.line + block.text.count("\n", 0, offset), clause, understood)
            for offset, sentence in sentences(block.text)
            for clause in _clauses(sentence)
            if (understood := understand(clause))
        ]
        if not read and block.figures and steps:
            last = steps[-1]  # a figure on its own belongs to the step above it
            steps[-1] = Step(
                last.number, last.line, last.text, last.section, last.instruction, last.figures + block.figures
            )
        # A block's figures show the moment of its last action (before the click), or else its last step.
        acts = [position for position, (_, _, understood) in enumerate(read) if understood.kind == "act"]
        shown_at = acts[-1] if acts else len(read) - 1
        for position, (line, sentence, understood) in enumerate(read):
            figures = block.figures if position == shown_at else ()
            steps.append(Step(len(steps) + 1, line, sentence, section, understood, figures))
    return tuple(steps)
