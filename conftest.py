"""Session fixtures for every suite: the seeded database, the mock app served in a thread, a Chromium.

With `--base-url URL` the browser suites run against that deployment and no app is served.
"""

from collections.abc import Iterator
from typing import Any

import pytest

from testkit.browser import executable_path
from testkit.serving import SeededDatabase, ThreadServer, serve_in_thread

pytest_plugins = ("docs_check.plugin", "testkit.distributed")


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> SeededDatabase:
    """Seeded once per session (hashing the demo passwords is slow); every app and server gets a copy."""
    return SeededDatabase.create(tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="session")
def mock_server(
    pytestconfig: pytest.Config, seeded_database: SeededDatabase, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ThreadServer | None]:
    if pytestconfig.getoption("base_url"):
        yield None
        return
    host = pytestconfig.getoption("app_host")
    with serve_in_thread(seeded_database, tmp_path_factory.mktemp("mock-app"), host) as server:
        yield server


@pytest.fixture(scope="session")
def base_url(pytestconfig: pytest.Config, mock_server: ThreadServer | None) -> str:
    return mock_server.url if mock_server else pytestconfig.getoption("base_url").rstrip("/")


@pytest.fixture(scope="session")
def browser_type_launch_args(
    pytestconfig: pytest.Config,
    browser_type_launch_args: dict[str, Any],
    browser_name: str,
    browser_channel: str | None,
    playwright: Any,
) -> dict[str, Any]:
    """Use a system Chromium where Playwright's own is not installed (a browser server picks its own)."""
    remote = pytestconfig.getoption("browser_server")
    if remote or browser_name != "chromium" or browser_channel or "executable_path" in browser_type_launch_args:
        return browser_type_launch_args
    try:
        path = executable_path(playwright.chromium.executable_path)
    except FileNotFoundError as error:
        pytest.exit(str(error), returncode=pytest.ExitCode.USAGE_ERROR)
    return {**browser_type_launch_args, "executable_path": path} if path else browser_type_launch_args
