"""Read a how-to in any of its four forms into a `Document`: its title, its methods, and their steps in order.

Methods are the sections whose heading starts "Method N" (a how-to with none is one method); steps are
the sentences of their list items and paragraphs that ask the reader to act or look, or say what
happens. A block's figures go with its last action, else its last
step, or with the step above when the block has none.
"""

import re
from pathlib import Path

from ..instructions import understand
from .document import Block, Document, Format, Method, Step
from .html import html_blocks
from .markdown import markdown_blocks, mdx_to_markdown
from .sentences import clauses, sentences
from .text import text_blocks

SUFFIXES: dict[str, Format] = {
    ".mdx": "mdx", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".txt": "text",
}  # fmt: skip
METHOD = re.compile(r"^(?:method|option|way)\s*(?P<number>\d+)\s*[:.\-–—]?\s*(?P<title>.*)$", re.I)


class UnreadableDocument(ValueError):
    """The file is not a how-to this check can read."""


def read(path: Path) -> Document:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableDocument(f"{path}: cannot read it as UTF-8 text ({error})") from error
    return read_text(source, str(path), detect_format(path, source))


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


def read_text(source: str, path: str, form: Format) -> Document:
    page_title = None
    if form == "mdx":
        blocks = markdown_blocks(mdx_to_markdown(source))
    elif form == "markdown":
        blocks = markdown_blocks(source)
    elif form == "html":
        page_title, blocks = html_blocks(source)
    else:
        blocks = text_blocks(source)
    headings = [block for block in blocks if block.kind == "heading"]
    if not headings and not page_title:
        raise UnreadableDocument(f"{path}: no title and no heading; is it a how-to?")
    top = min((block.level for block in headings), default=1)
    title = next((block.text for block in headings if block.level == top), None) or page_title or ""
    methods = tuple(_methods(blocks, title))
    if not any(method.steps for method in methods):
        raise UnreadableDocument(f"{path}: no sentence asks the reader to act or look")
    return Document(path, form, title, methods, tuple(blocks))


def _methods(blocks: list[Block], title: str) -> list[Method]:
    """Each "Method N" section with its steps; the whole document as one method when it has none."""
    starts = [(index, METHOD.match(block.text)) for index, block in enumerate(blocks) if block.kind == "heading"]
    marked = [(index, found) for index, found in starts if found]
    if not marked:
        first = next((block.line for block in blocks), 1)
        return [Method("method-1", title, "", first, _steps(blocks, title))]
    methods = []
    for position, (index, found) in enumerate(marked):
        end = marked[position + 1][0] if position + 1 < len(marked) else len(blocks)
        number, heading = found.group("number"), blocks[index]
        methods.append(
            Method(
                f"method-{number}",
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


def _steps(blocks: list[Block], section: str) -> tuple[Step, ...]:
    steps: list[Step] = []
    for block in blocks:
        if block.kind == "heading":
            section = block.text
            continue
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
