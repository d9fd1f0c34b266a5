"""Where a step's screenshot goes, below the output folder and the committed figures: "method-2/03-tile-options.png"."""

import hashlib
import re
from pathlib import Path, PurePosixPath

from ..steps import Document, Method, Step


def figure_name(method: Method, step: Step) -> PurePosixPath:
    named = step
    if step.instruction.refers_back:  # "Click on it": the figure outlines what an earlier step named
        earlier = [s for s in method.steps[: step.number - 1] if s.instruction.names or s.instruction.nouns]
        named = earlier[-1] if earlier else step
    return PurePosixPath(method.key, f"{step.number:02d}-{_slug(named)}.png")


def every_figure(document: Document) -> list[PurePosixPath]:
    """The screenshots the check takes of the document: one for each step that has a figure."""
    return [figure_name(method, step) for method in document.methods for step in method.steps if step.figures]


def _slug(step: Step) -> str:
    said = step.instruction
    if said.nouns:
        return said.nouns[0]
    if said.names:
        return re.sub(r"[^a-z0-9]+", "-", said.names[0].text.lower()).strip("-") or "step"
    if said.outcome and said.outcome.new_key:
        return "new-key"
    return said.outcome.nouns[0] if said.outcome and said.outcome.nouns else said.kind


FOLDER_LENGTH = 60  # a longer name keeps its end, the file's own name, and a short hash of the whole


def figure_folder(document: Document) -> str:
    """Where a document's figures and report page go: one folder per document, named after its whole path as
    reports name it, so that channels/add.mdx and integration-channels/add.mdx stay apart:
    "docs-regenerate-api-key-md"."""
    slug = re.sub(r"\W+", "-", Path(document.path).as_posix()).strip("-") or "document"
    if len(slug) <= FOLDER_LENGTH:
        return slug
    digest = hashlib.sha1(slug.encode()).hexdigest()[:8]
    end = slug[len(slug) - FOLDER_LENGTH + 9 :]
    if slug[-len(end) - 1] != "-":  # cut inside a word: start at the next whole one
        end = end.partition("-")[2] or end
    return f"{end.lstrip('-')}-{digest}"
