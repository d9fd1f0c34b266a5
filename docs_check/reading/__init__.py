"""Reading a how-to: its four forms (MDX, Markdown, a built HTML page, plain text) into one `Document`."""

from .document import Block, Document, Figure, Format, Method, Step
from .reader import read, read_text

__all__ = ["Block", "Document", "Figure", "Format", "Method", "Step", "read", "read_text"]
