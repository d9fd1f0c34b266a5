"""The documentation check's command-line options, loaded by the root conftest so they always exist."""

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("docs", "documentation check")
    group.addoption(
        "--update-figures",
        action="store_true",
        default=False,
        help="copy the figures that changed into docs/figures instead of failing on them",
    )
    group.addoption(
        "--docs-report",
        default=None,
        metavar="PREFIX",
        help="write the report to PREFIX.json and PREFIX.xml (default: <--output>/docs-report)",
    )
    group.addoption(
        "--figure-tolerance",
        type=float,
        default=0.005,
        metavar="SHARE",
        help="share of a figure's pixels that may differ from the committed one (default 0.005)",
    )
