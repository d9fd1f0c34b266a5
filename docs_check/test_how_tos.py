"""The documentation check's one test: each method of each how-to (`--how-to PATH`, or the host's own) holds,
walked step by step as its text says. `python -m docs_check` runs this module; a host suite may import the test
to run it among its own."""

import pytest

from pages.screen import Screen

from .figures.book import FigureBook
from .plugin import DocumentMethod
from .report.results import MethodResult, assert_holds
from .walking import walk_method


@pytest.mark.docs  # on the test itself, so that it carries the mark into a host suite's module that imports it
def test_the_how_to_matches_the_app(
    screen: Screen,
    how_to_method: DocumentMethod,
    figure_book: FigureBook,
    docs_results: list[MethodResult],
    how_to_account: tuple[str, str],
    pytestconfig: pytest.Config,
) -> None:
    document, method = how_to_method

    option = pytestconfig.getoption
    result = walk_method(
        screen, document, method, figure_book, option("claim_timeout"), option("how_to_assets"), how_to_account
    )
    docs_results.append(result)

    assert_holds(result, strict=pytestconfig.getoption("docs_strict"))
