"""Each method of the how-to still holds: every claim, position and figure, step by step."""

import pytest

from docs_check.figures import FigureBook
from docs_check.method import Method
from docs_check.results import MethodResult, assert_holds
from docs_check.steps import METHODS
from docs_check.walk import walk_method
from pages.screen import Screen

pytestmark = pytest.mark.docs


@pytest.mark.parametrize("method", METHODS, ids=[method.key for method in METHODS])
def test_every_claim_of_the_how_to_holds(
    screen: Screen, method: Method, figure_book: FigureBook, docs_results: list[MethodResult]
) -> None:
    result = walk_method(screen, method, figure_book)
    docs_results.append(result)

    assert_holds(result)
