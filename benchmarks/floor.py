"""The floor: bare Playwright doing the Method 1 / Method 2 test's work, with no pytest, page objects or fixtures.

Each run opens a fresh browser context from a saved login (the suite logs in once per session too),
does exactly what `test_regenerating_gives_a_new_unique_working_key` does (the method's clicks to the
Rasa channel, Regenerate and confirm, wait for the new key, reload, send one batch with the new key
and one with the old to /v2/messages, sweep every channel's key for uniqueness) and closes the
context. Same embedded app, same locators, same `expect` checks; only the test framework is missing.

    python -m benchmarks.floor --runs 10 --json /tmp/floor.json
"""

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import APIRequestContext, Page, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from benchmarks.common import tree_cpu_seconds
from e2e.browser import executable_path
from e2e.server import serve_mock_app

PROJECT, CHANNEL = "Botanalytics Chatbot", "Rasa"
BATCH = {"messages": [{"message": {"event": "user", "timestamp": 1700000000.0, "text": "hello"}}]}
QUESTION = "Do you want to regenerate API key and invalidate the old key?"


def method_1(page: Page) -> None:
    page.goto("/")
    page.get_by_role("button", name=f"Project {PROJECT}", exact=True).click()
    page.get_by_role("menuitem", name="Project Settings").click()
    page.get_by_role("tab", name="Channels").click()


def _tile_settings(page: Page, project: str) -> None:
    tile = page.get_by_role("article", name=project, exact=True)
    tile.get_by_role("button", name="Options").click()
    tile.get_by_role("menuitem", name="Settings...").click()
    page.get_by_role("tab", name="Channels").click()


def method_2(page: Page) -> None:
    page.goto("/")
    page.get_by_role("link", name="botanalytics", exact=True).click()
    _tile_settings(page, PROJECT)


def all_keys(page: Page) -> list[str]:
    keys = []
    page.goto("/projects")
    for project in page.get_by_role("article").get_by_role("heading").all_inner_texts():
        page.goto("/projects")
        _tile_settings(page, project)
        expect(page.get_by_role("tab", name="Channels")).to_have_attribute("aria-selected", "true")
        for channel in page.get_by_role("tabpanel").get_by_role("heading", level=2).all_inner_texts():
            page.get_by_role("tabpanel").get_by_role("button", name=channel.strip(), exact=True).click()
            field = page.get_by_role("region", name=channel.strip(), exact=True).get_by_label("API Key", exact=True)
            expect(field).to_be_visible()
            keys.append(field.input_value())
    return keys


def regenerate_and_check(page: Page, api: APIRequestContext, open_channels: Callable[[Page], None]) -> None:
    open_channels(page)
    page.get_by_role("tabpanel").get_by_role("button", name=CHANNEL, exact=True).click()
    region = page.get_by_role("region", name=CHANNEL, exact=True)
    field = region.get_by_label("API Key", exact=True)
    old_key = field.input_value()
    region.get_by_role("button", name="Regenerate", exact=True).click()
    page.get_by_role("dialog", name=QUESTION).get_by_role("button", name="Regenerate").click()
    expect(field).not_to_have_value(old_key)
    new_key = field.input_value()
    page.reload()
    expect(field).to_have_value(new_key)
    assert api.post("/v2/messages", headers={"Authorization": f"Bearer {new_key}"}, data=BATCH).status == 200
    assert api.post("/v2/messages", headers={"Authorization": f"Bearer {old_key}"}, data=BATCH).status == 401
    keys = all_keys(page)
    assert keys.count(new_key) == 1 and old_key not in keys


def measure(runs: int) -> dict[str, dict[str, Any]]:
    """Wall and CPU seconds per run for each method, after one untimed warm-up run each."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # as under pytest: no line per request
    methods = {"method-1": method_1, "method-2": method_2}
    times: dict[str, dict[str, Any]] = {name: {"wall_s": [], "cpu_s": [], "failed": 0} for name in methods}
    with tempfile.TemporaryDirectory() as folder, serve_mock_app(Path(folder)) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable_path(pw.chromium.executable_path))
        api = pw.request.new_context(base_url=server.url)
        login = browser.new_context(base_url=server.url)
        page = login.new_page()
        page.goto("/login")
        page.get_by_label("Email").fill("demo@botanalytics.test")
        page.get_by_label("Password").fill("botanalytics-demo")
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("button", name="My Profile Dana Avery")).to_be_visible()
        state = login.storage_state()
        login.close()
        for name, open_channels in methods.items():
            for run in range(runs + 1):
                cpu = tree_cpu_seconds(os.getpid())  # outside the wall time, as in the suite's plugin
                started = time.perf_counter()
                context = browser.new_context(base_url=server.url, storage_state=state)
                try:
                    regenerate_and_check(context.new_page(), api, open_channels)
                except (AssertionError, PlaywrightError) as error:  # counted, like a failed test
                    print(f"{name} run {run} failed: {error}", file=sys.stderr)
                    times[name]["failed"] += 1
                    continue
                finally:
                    context.close()
                if run:
                    times[name]["wall_s"].append(time.perf_counter() - started)
                    times[name]["cpu_s"].append(tree_cpu_seconds(os.getpid()) - cpu)
        api.dispose()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", type=Path, required=True)
    args = parser.parse_args()
    args.json.write_text(json.dumps(measure(args.runs)))


if __name__ == "__main__":
    main()
