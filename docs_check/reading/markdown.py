"""MDX and Markdown into blocks, through markdown-it-py.

MDX differs from Markdown where figures are concerned: images are imported as names
(`import Logo from '@site/static/img/logo.png';`) and shown with JSX (`<img src={Logo} alt="..." />`).
Those lines are turned into Markdown images in place, keeping every line where it was, before parsing.

Steps hide in more than paragraphs and list items, and each is read where it stands: a table's rows, a
blockquote (a message the screen should show), a list item indented so far that Markdown takes it for code,
raw HTML such as a collapsed `<details>`. Docusaurus admonitions (`:::note` ... `:::`) are notes, not steps.
"""

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from .document import Block, BlockKind, Figure
from .html import html_blocks, images_in

IMPORT = re.compile(r"""^import\s+(\w+)\s+from\s+['"]([^'"]+)['"];?\s*$""")
JSX_IMAGE = re.compile(r"<img\b([^>]*?)/?>")
JSX_SRC = re.compile(r"src=\{\s*(\w+)\s*\}|src=['\"]([^'\"]+)['\"]")
JSX_ALT = re.compile(r"alt=(?:\{\s*)?['\"]([^'\"]*)['\"]")
ADMONITION = re.compile(r"^\s*:::\s*(\w+)?")
# Indented prose: a bullet or a capitalised sentence, which code never starts with in a how-to.
PROSE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?[A-Z][a-z]+\b[^{}=;<>]*[.:!?]?\s*$")
BULLET_LINE = re.compile(r"\n\s*(?:[-*+]|\d+[.)])\s+")
PARSER = MarkdownIt("commonmark").use(front_matter_plugin).enable("table")


def mdx_to_markdown(source: str) -> str:
    """Drop the import lines (keeping their lines, empty) and write each JSX image as a Markdown image."""
    images: dict[str, str] = {}
    lines = []
    for line in source.splitlines():
        found = IMPORT.match(line.strip())
        if found:
            images[found.group(1)] = found.group(2)
            lines.append("")
        else:
            lines.append(JSX_IMAGE.sub(lambda tag: _as_markdown(tag.group(1), images), line))
    return "\n".join(lines) + "\n"


def _as_markdown(attributes: str, images: dict[str, str]) -> str:
    src, alt = JSX_SRC.search(attributes), JSX_ALT.search(attributes)
    path = (images.get(src.group(1), src.group(1)) if src.group(1) else src.group(2)) if src else ""
    return f"![{alt.group(1) if alt else ''}]({path})"


def notes(source: str) -> set[int]:
    """The lines inside admonitions (`:::note` to `:::`), 1-based."""
    inside, lines = False, set()
    for number, line in enumerate(source.splitlines(), start=1):
        fence = ADMONITION.match(line)
        if fence:
            inside = bool(fence.group(1))  # `:::note` opens, a bare `:::` closes
        if fence or inside:
            lines.add(number)
    return lines


def markdown_blocks(source: str, first_line: int = 1) -> list[Block]:
    tokens = PARSER.parse(source)
    blocks: list[Block] = []
    in_item = in_quote = 0
    noted = notes(source)
    for index, token in enumerate(tokens):
        line = (token.map[0] if token.map else 0) + first_line
        if token.type in ("list_item_open", "list_item_close"):
            in_item += 1 if token.type == "list_item_open" else -1
        elif token.type in ("blockquote_open", "blockquote_close"):
            in_quote += 1 if token.type == "blockquote_open" else -1
        elif token.type == "inline" and token.map and tokens[index - 1].type == "td_open":
            blocks.append(Block("item", line, _inline(token, line)[0]))  # a cell of a row: "1" | "Click Channels"
        elif token.type == "inline" and token.map:
            opener = tokens[index - 1]
            text, figures = _inline(token, line)
            kind: BlockKind = "quote" if in_quote else "item" if in_item else "paragraph"
            if token.map[0] + 1 in noted:
                kind = "note"
            if opener.type == "heading_open":
                blocks.append(Block("heading", line, text, int(opener.tag[1:]), figures))
            else:
                blocks += _items(Block(kind, line, text, figures=figures))
        elif token.type == "code_block" and token.map and all(PROSE.match(x) for x in token.content.splitlines() if x):
            # An item indented past a list's own indent: Markdown reads it as code, a reader as a step.
            blocks += markdown_blocks(_dedent(token.content), line)
        elif token.type == "html_block" and token.map:
            blocks += _html(token, line, blocks)
    return blocks


def _items(block: Block) -> list[Block]:
    """A paragraph that goes on with indented bullets (Markdown's lazy continuation) is one block per bullet."""
    parts = BULLET_LINE.split(block.text)
    if len(parts) == 1:
        return [block]
    found, line = [], block.line
    for number, part in enumerate(parts):
        if part.strip():
            last = number == len(parts) - 1
            found.append(Block(block.kind, line, part.strip(), figures=block.figures if last else ()))
        line += part.count("\n") + 1
    return found


def _dedent(text: str) -> str:
    lines = text.splitlines()
    indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    return "\n".join(x[indent:] for x in lines) + "\n"


def _html(token: Token, line: int, blocks: list[Block]) -> list[Block]:
    """Raw HTML: its own list items and paragraphs (a `<details>`'s steps); an image alone goes with the block
    above it."""
    inner = html_blocks(token.content, whole=True)[1]
    if any(block.text for block in inner):
        return [Block(b.kind, b.line + line - 1, b.text, b.level, b.figures) for b in inner]
    figures = tuple(Figure(line, alt, src) for alt, src in images_in(token.content))
    if figures and blocks:
        last = blocks[-1]
        blocks[-1] = Block(last.kind, last.line, last.text, last.level, last.figures + figures)
    return []


def _inline(token: Token, line: int) -> tuple[str, tuple[Figure, ...]]:
    """The inline text with **bold** and `code` kept as marks, and the images it holds, each with its line."""
    parts: list[str] = []
    figures: list[Figure] = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
            line += 1
        elif child.type in ("strong_open", "strong_close"):
            parts.append("**")
        elif child.type == "code_inline":
            parts.append(f"`{child.content}`")
        elif child.type == "image":
            figures.append(Figure(line, child.content, str(child.attrs.get("src", "")) or None))
        elif child.type == "html_inline":
            figures += [Figure(line, alt, src) for alt, src in images_in(child.content)]
        else:
            parts.append(child.content)
    return "".join(parts).strip(), tuple(figures)
