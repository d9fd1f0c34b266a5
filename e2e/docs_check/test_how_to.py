"""Each method of the how-to still holds: every claim, position and figure, step by step."""

import pytest

from .figures import FigureBook
from .steps import METHODS, Method
from .walk import MethodResult, Walk, assert_holds, walk_method

pytestmark = pytest.mark.docs


@pytest.mark.parametrize("method", METHODS, ids=[method.key for method in METHODS])
def test_every_claim_of_the_how_to_holds(
    walk: Walk, method: Method, figure_book: FigureBook, docs_results: list[MethodResult]
) -> None:
    result = walk_method(walk, method, figure_book)
    docs_results.append(result)

    assert_holds(result)
