"""What the plugin, the check's test and `make docs` share in a session: the host project's settings, where
figures go, and what a session found out. The host names its own how-to and committed figures in its pytest
settings (`how_to_default`, `how_to_figures`); without them every document is named with `--how-to` and no
figure is compared. Kept apart from the plugin so `figures.update` can use it before pytest loads the plugin.
"""

from pathlib import Path

import pytest

from .steps import Document

RETAKING = pytest.StashKey[bool]()  # set by `make docs`: figures are taken to replace the committed ones
RENDERER = pytest.StashKey[str]()  # the browser that took this session's figures


def add_settings(parser: pytest.Parser) -> None:
    parser.addini("how_to_default", "the host project's own how-to, checked when no --how-to is given", type="paths")
    parser.addini("how_to_figures", "the committed figures of that how-to, compared with each run's", type="paths")


def default_how_to(config: pytest.Config) -> Path | None:
    paths: list[Path] = config.getini("how_to_default")
    return paths[0].resolve() if paths else None


def committed_figures(config: pytest.Config) -> Path | None:
    paths: list[Path] = config.getini("how_to_figures")
    return paths[0].resolve() if paths else None


def figures_output(config: pytest.Config) -> Path:
    """Where a session takes its figures."""
    return Path(config.getoption("--output")) / "docs-figures"


def is_default(document: Document, config: pytest.Config) -> bool:
    default = default_how_to(config)
    return default is not None and Path(document.path).resolve() == default


def shown_as(path: Path, config: pytest.Config) -> str:
    """How reports name a document: relative to the docs root, else to the project, else as given."""
    for root in (config.getoption("how_to_assets"), config.rootpath):
        if root is not None:
            try:
                return str(path.resolve().relative_to(Path(root).resolve()))
            except ValueError:
                continue
    return str(path)
