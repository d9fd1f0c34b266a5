"""MDX and Markdown into blocks, through markdown-it-py.

MDX differs from Markdown where figures are concerned: images are imported as names
(`import Logo from '@site/static/img/logo.png';`) and shown with JSX (`<img src={Logo} alt="..." />`).
Those lines are turned into Markdown images in place, keeping every line where it was, before parsing.
"""

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from .document import Block, Figure
from .html import images_in

IMPORT = re.compile(r"""^import\s+(\w+)\s+from\s+['"]([^'"]+)['"];?\s*$""")
JSX_IMAGE = re.compile(r"<img\b([^>]*?)/?>")
JSX_SRC = re.compile(r"src=\{\s*(\w+)\s*\}|src=['\"]([^'\"]+)['\"]")
JSX_ALT = re.compile(r"alt=(?:\{\s*)?['\"]([^'\"]*)['\"]")
PARSER = MarkdownIt("commonmark").use(front_matter_plugin)


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


def markdown_blocks(source: str) -> list[Block]:
    tokens = PARSER.parse(source)
    blocks: list[Block] = []
    in_item = 0
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "inline" and token.map:
            opener = tokens[index - 1]
            text, figures = _inline(token, token.map[0] + 1)
            if opener.type == "heading_open":
                blocks.append(Block("heading", token.map[0] + 1, text, int(opener.tag[1:]), figures))
            else:
                blocks.append(Block("item" if in_item else "paragraph", token.map[0] + 1, text, figures=figures))
        elif token.type == "html_block" and token.map and blocks:
            # A raw <img> on a line of its own belongs to the block above it.
            figures = tuple(Figure(token.map[0] + 1, alt, src) for alt, src in images_in(token.content))
            if figures:
                last = blocks[-1]
                blocks[-1] = Block(last.kind, last.line, last.text, last.level, last.figures + figures)
    return blocks


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
