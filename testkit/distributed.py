"""A pytest plugin for running the suite beyond one process and one machine.

- `--browser-server WS_URL` (or E2E_BROWSER_SERVER): every browser is one that a Playwright browser
  server runs (`make browser-server`, or Playwright's container image). The server's browser reaches
  this machine's loopback through the connection, so the app served here on 127.0.0.1 needs no change.
- `--app-host HOST` (or E2E_APP_HOST): where the embedded app listens, for a browser that reaches it
  over the network instead (0.0.0.0: every interface).
- With pytest-xdist workers, the output folder is emptied once, before the workers start, instead of
  by each worker as it starts (which could delete what a faster worker had already written there).
"""

import os
import shutil
from pathlib import Path

import pytest

BROWSER_SERVER_ENV = "E2E_BROWSER_SERVER"
APP_HOST_ENV = "E2E_APP_HOST"
CONNECT_TIMEOUT_MS = 30_000


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("distributed", "browsers elsewhere, several workers")
    group.addoption(
        "--browser-server",
        default=os.environ.get(BROWSER_SERVER_ENV) or None,
        metavar="WS_URL",
        help=f"drive the browsers of a Playwright browser server, e.g. ws://127.0.0.1:3000/ (env {BROWSER_SERVER_ENV})",
    )
    group.addoption(
        "--app-host",
        default=os.environ.get(APP_HOST_ENV, "127.0.0.1"),
        metavar="HOST",
        help=f"address the embedded app listens on; 0.0.0.0 for every interface (env {APP_HOST_ENV})",
    )


def is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_sessionstart(session: pytest.Session) -> None:
    """Empty the output folder once per run: here, or in the controller of a run with workers."""
    if not is_worker(session.config):
        shutil.rmtree(Path(session.config.getoption("--output")), ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def delete_output_dir() -> None:
    """Replaces pytest-playwright's, which each xdist worker would run: see `pytest_sessionstart`."""


@pytest.fixture(scope="session")
def connect_options(pytestconfig: pytest.Config) -> dict[str, object] | None:
    """pytest-playwright connects to this browser server instead of launching a browser."""
    endpoint = pytestconfig.getoption("browser_server")
    if not endpoint:
        return None
    return {"endpoint": endpoint, "expose_network": "<loopback>", "timeout": CONNECT_TIMEOUT_MS}
