"""The project's own how-to, its figures and the product vocabulary agree, without a browser."""

import re
from pathlib import Path, PurePosixPath
from unittest.mock import create_autospec

import pytest
from playwright.sync_api import Page

from docs_check.figures.naming import every_figure, figure_name
from docs_check.session import committed_figures, default_how_to, shown_as
from docs_check.steps import read
from docs_check.steps.nouns import NOUNS
from docs_check.walking.product import TARGETS, WHOLE_PAGE_SCREENS
from pages.screen import Screen

pytestmark = pytest.mark.docs
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def how_to(pytestconfig: pytest.Config) -> Path:
    found = default_how_to(pytestconfig)
    assert found is not None
    return found


@pytest.fixture
def figures(pytestconfig: pytest.Config) -> Path:
    found = committed_figures(pytestconfig)
    assert found is not None
    return found


def test_each_image_of_the_how_to_is_the_screenshot_its_step_takes(how_to: Path, figures: Path) -> None:
    document = read(how_to)

    for method in document.methods:
        for step in method.steps:
            for figure in step.figures:
                assert figure.src and (how_to.parent / figure.src).resolve() == figures / figure_name(method, step), (
                    step.text
                )


def test_the_committed_figures_are_those_of_the_how_tos_steps(how_to: Path, figures: Path) -> None:
    """`make docs` writes them; this says when the how-to changed without it."""
    taken = {PurePosixPath(path.relative_to(figures)) for path in figures.rglob("*.png")}

    assert taken == set(every_figure(read(how_to)))


def test_the_vocabulary_holds_nouns_not_sentences() -> None:
    for noun in NOUNS:
        for phrase in noun.phrases:
            words = re.sub(r"\(\?[^)]*\)|[\\?*+()|\[\]]", " ", phrase).split()
            assert len(words) <= 8, f"{noun.key}: {phrase!r} reads like a sentence"


def test_every_noun_stands_for_page_objects_that_exist() -> None:
    """A renamed page-object member fails here, without a browser, and not halfway through a walk."""
    screen = Screen.of(create_autospec(Page, instance=True), "Project", "Channel")

    for noun in NOUNS:
        for target in TARGETS[noun.key]:
            target(screen)
    for whole_page in WHOLE_PAGE_SCREENS:
        whole_page(screen)


def test_the_default_how_to_and_figures_are_the_projects_own(how_to: Path, figures: Path) -> None:
    assert (how_to, figures) == (ROOT / "docs" / "regenerate-api-key.md", ROOT / "docs" / "figures")


def test_the_own_how_to_is_named_from_the_projects_root_by_the_check_and_by_make_docs(
    how_to: Path, pytestconfig: pytest.Config
) -> None:
    """Its figures' folder is named after it: `make docs` finds them only where both name it alike."""
    assert shown_as(how_to, pytestconfig) == "docs/regenerate-api-key.md"
