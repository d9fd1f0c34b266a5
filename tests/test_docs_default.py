"""The project's own how-to, its figures and the product vocabulary agree, without a browser."""

import re
from pathlib import Path, PurePosixPath
from unittest.mock import create_autospec

import pytest
from playwright.sync_api import Page

from docs_check.figures import FIGURES
from docs_check.reading import read
from docs_check.session import DEFAULT_HOW_TO
from docs_check.update import every_figure
from docs_check.vocabulary import NOUNS, WHOLE_PAGE_SCREENS
from docs_check.walk import figure_name
from pages.screen import Screen

pytestmark = pytest.mark.docs


def test_each_image_of_the_how_to_is_the_screenshot_its_step_takes() -> None:
    document = read(DEFAULT_HOW_TO)

    for method in document.methods:
        for step in method.steps:
            for figure in step.figures:
                assert figure.src and (DEFAULT_HOW_TO.parent / figure.src).resolve() == FIGURES / figure_name(
                    method, step
                ), step.text


def test_the_committed_figures_are_those_of_the_how_tos_steps() -> None:
    """`make docs` writes them; this says when the how-to changed without it."""
    taken = {PurePosixPath(path.relative_to(FIGURES)) for path in FIGURES.rglob("*.png")}

    assert taken == set(every_figure(read(DEFAULT_HOW_TO)))


def test_the_vocabulary_holds_nouns_not_sentences() -> None:
    for noun in NOUNS:
        for phrase in noun.phrases:
            words = re.sub(r"\(\?[^)]*\)|[\\?*+()|\[\]]", " ", phrase).split()
            assert len(words) <= 8, f"{noun.key}: {phrase!r} reads like a sentence"


def test_every_noun_stands_for_page_objects_that_exist() -> None:
    """A renamed page-object member fails here, without a browser, and not halfway through a walk."""
    screen = Screen.of(create_autospec(Page, instance=True), "Project", "Channel")

    for noun in NOUNS:
        for target in noun.targets:
            target(screen)
    for whole_page in WHOLE_PAGE_SCREENS:
        whole_page(screen)


def test_the_default_how_to_is_the_projects_own_file() -> None:
    assert DEFAULT_HOW_TO == Path(__file__).resolve().parents[1] / "docs" / "regenerate-api-key.md"
