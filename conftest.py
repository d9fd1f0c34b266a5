"""Session fixtures for the browser suites: the mock app served in-process, and a Chromium.

With `--base-url URL` the suites run against that deployment and nothing is started.
"""

from collections.abc import Iterator
from typing import Any

import pytest

from e2e.browser import executable_path
from e2e.server import MockServer, serve_mock_app

pytest_plugins = ("e2e.docs_check.options",)


@pytest.fixture(scope="session")
def mock_server(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockServer | None]:
    if pytestconfig.getoption("base_url"):
        yield None
        return
    with serve_mock_app(tmp_path_factory.mktemp("mock-app")) as server:
        yield server


@pytest.fixture(scope="session")
def base_url(pytestconfig: pytest.Config, mock_server: MockServer | None) -> str:
    return mock_server.url if mock_server else pytestconfig.getoption("base_url").rstrip("/")


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], browser_name: str, browser_channel: str | None, playwright: Any
) -> dict[str, Any]:
    """Use a system Chromium where Playwright's own is not installed."""
    if browser_name != "chromium" or browser_channel or "executable_path" in browser_type_launch_args:
        return browser_type_launch_args
    try:
        path = executable_path(playwright.chromium.executable_path)
    except FileNotFoundError as error:
        pytest.exit(str(error), returncode=pytest.ExitCode.USAGE_ERROR)
    return {**browser_type_launch_args, "executable_path": path} if path else browser_type_launch_args
