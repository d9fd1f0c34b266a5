"""The browser suite runs through a Playwright browser server (`make browser-server`), not a browser of its own."""

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from testkit.browser_server import ROOT, running_browser_server

RUN_TIMEOUT_S = 600


@pytest.fixture(scope="module")
def browser_server() -> Iterator[str]:
    with running_browser_server() as server:
        yield server.address


@pytest.mark.read_only  # its run serves the embedded app: a deployment is not touched
def test_the_how_tos_methods_pass_with_browsers_the_server_runs(browser_server: str, tmp_path: Path) -> None:
    # This run could not launch a browser of its own: neither Playwright's browsers nor a system Chromium is there.
    env = {**os.environ, "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path), "CHROMIUM_PATH": str(tmp_path / "no-chromium")}
    command = [sys.executable, "-m", "pytest", "e2e/test_regenerate_key.py", "-p", "no:cacheprovider"]
    options = ["--tracing=off", "--output", str(tmp_path / "output"), "--browser-server", browser_server]

    run = subprocess.run([*command, *options], cwd=ROOT, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)

    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert re.search(r"\b2 passed\b", run.stdout), run.stdout[-3000:]
