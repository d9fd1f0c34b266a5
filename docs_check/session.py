"""What the plugin and `make docs` share: the default how-to, where figures go, and what a session found out.

Kept apart from the plugin so `docs_check.update` can use it without importing the plugin before pytest does.
"""

import re
from pathlib import Path

import pytest

from .reading import Document

DEFAULT_HOW_TO = Path(__file__).resolve().parents[1] / "docs" / "regenerate-api-key.md"  # the project's own
RETAKING = pytest.StashKey[bool]()  # set by `make docs`: figures are taken to replace the committed ones
RENDERER = pytest.StashKey[str]()  # the browser that took this session's figures


def figures_output(config: pytest.Config) -> Path:
    """Where a session takes its figures."""
    return Path(config.getoption("--output")) / "docs-figures"


def is_default(document: Document) -> bool:
    return Path(document.path).resolve() == DEFAULT_HOW_TO


def figure_folder(document: Document) -> str:
    """Where a document's figures go under the output folder: one folder per document."""
    return re.sub(r"[^\w-]+", "-", Path(document.path).name)
