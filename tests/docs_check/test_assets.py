"""A document's figure is found on disk in each form it is written in, under `--how-to-assets`."""

from pathlib import Path

import pytest

from docs_check.figures.assets import locate
from docs_check.reading import Figure
from docs_check.steps import Document

pytestmark = pytest.mark.docs


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A docs site's root: its static images, and a built page's hashed copy of one."""
    for name in ("static/img/projects/project-viewtile.png", "static/img/projects/menu-icon.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"png")
    return tmp_path


def _document(tmp_path: Path) -> Document:
    return Document(str(tmp_path / "docs" / "how-to.mdx"), "mdx", "T", ())


@pytest.mark.parametrize(
    "src",
    [
        "@site/static/img/projects/menu-icon.png",  # MDX's import
        "/img/projects/menu-icon.png",  # Markdown, served from static/
        "/assets/images/menu-icon-4f1c2a9b8e7d6c5b.png",  # a built page, with its content hash
    ],
)
def test_a_figure_is_found_by_where_it_points(site: Path, src: str) -> None:
    assert locate(Figure(1, "Project Menu", src), _document(site), site) == site / "static/img/projects/menu-icon.png"


def test_a_caption_alone_finds_the_image_of_nearly_that_name(site: Path) -> None:
    found = locate(Figure(1, "Projects View Tile"), _document(site), site)

    assert found == site / "static/img/projects/project-viewtile.png"


def test_a_figure_that_is_not_there_is_not_found(site: Path) -> None:
    assert locate(Figure(1, "Regen Int View"), _document(site), site) is None
    assert locate(Figure(1, "x", "/img/none.png"), _document(site), site) is None
    assert locate(Figure(1, "x", "https://example.com/a.png"), _document(site), site) is None


def test_a_relative_figure_is_found_beside_the_document(tmp_path: Path) -> None:
    (tmp_path / "docs" / "figures").mkdir(parents=True)
    (tmp_path / "docs" / "figures" / "a.png").write_bytes(b"png")

    assert locate(Figure(1, "A", "figures/a.png"), _document(tmp_path), None) == tmp_path / "docs" / "figures" / "a.png"
