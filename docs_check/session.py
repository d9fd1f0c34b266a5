"""What the plugin and `make docs` share within a pytest session: where figures go, and what it found out.

Kept apart from the plugin so `docs_check.update` can use it without importing the plugin before pytest does.
"""

from pathlib import Path

import pytest

RETAKING = pytest.StashKey[bool]()  # set by `make docs`: figures are taken to replace the committed ones
RENDERER = pytest.StashKey[str]()  # the browser that took this session's figures


def figures_output(config: pytest.Config) -> Path:
    """Where a session takes its figures."""
    return Path(config.getoption("--output")) / "docs-figures"
