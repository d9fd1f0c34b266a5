"""Understanding a how-to, stage two of the check: a `reading.Source` in; a `Document` out, its methods and, in
each, the steps its sentences give (what to act on or look at, where, and what then happens), each with its line.
No browser: the product's nouns are phrases here (`nouns`), and what they stand for on screen is the walk's."""

from .instructions import Instruction, Name, Outcome, Place, understand
from .methods import Document, Method, Step, document_of, read, read_text

__all__ = [
    "Document", "Instruction", "Method", "Name", "Outcome", "Place", "Step", "document_of", "read", "read_text",
    "understand",
]  # fmt: skip
