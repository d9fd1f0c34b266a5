"""Each method of each how-to (`--how-to PATH`, or the project's own) holds: walked step by step as its text says."""

import pytest

from docs_check.figures import FigureBook
from docs_check.plugin import DocumentMethod
from docs_check.results import MethodResult, assert_holds
from docs_check.walk import walk_method
from pages.screen import Screen

pytestmark = pytest.mark.docs


def test_the_how_to_matches_the_app(
    screen: Screen,
    how_to_method: DocumentMethod,
    figure_book: FigureBook,
    docs_results: list[MethodResult],
    pytestconfig: pytest.Config,
) -> None:
    document, method = how_to_method

    assets = pytestconfig.getoption("how_to_assets")
    result = walk_method(screen, document, method, figure_book, assets=assets)
    docs_results.append(result)

    assert_holds(result, strict=pytestconfig.getoption("docs_strict"))
