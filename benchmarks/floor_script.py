"""The floor benchmark's floor: bare Playwright doing the Method 1 / Method 2 test's work, with no pytest,
page objects or fixtures.

Each run opens a fresh browser context from a saved login (the suite logs in once per session too),
does exactly what `test_regenerating_gives_a_new_unique_working_key` does (the method's clicks to the
Integration channel, Regenerate and confirm, wait for the new key, reload, send one batch with the new
key and one with the old to /v2/messages, sweep every channel's key for uniqueness) and closes the
context. Same embedded app (testkit/serving.py), same account, project and channel (testkit/demo.py), same
locators and words (pages/labels.py), same `expect` checks; only the test framework is missing.

    python -m benchmarks.floor_script --runs 10 --json /tmp/floor.json   (benchmarks.floor runs it)
"""

import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import APIRequestContext, Browser, Page, StorageState, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from benchmarks.common import arguments, tree_cpu_seconds
from pages import labels
from pages.how_to import METHODS
from pages.ingestion_api import channel_type_of, sample_batch
from testkit.browser import executable_path
from testkit.demo import CHANNEL, DEMO, PROJECT
from testkit.serving import SeededDatabase, serve_in_thread


def method_1(page: Page) -> None:
    page.goto("/")
    page.get_by_role("button", name=f"{labels.PROJECT} {PROJECT}", exact=True).click()
    page.get_by_role("menuitem", name=labels.PROJECT_SETTINGS).click()
    page.get_by_role("tab", name=labels.CHANNELS).click()


def _tile_settings(page: Page, project: str) -> None:
    tile = page.get_by_role("article", name=project, exact=True)
    tile.get_by_role("button", name=labels.OPTIONS, exact=True).click()
    tile.get_by_role("menuitem", name=labels.SETTINGS_ITEM, exact=True).click()
    page.get_by_role("tab", name=labels.CHANNELS).click()


def method_2(page: Page) -> None:
    page.goto("/")
    page.get_by_role("link", name=labels.LOGO, exact=True).click()
    _tile_settings(page, PROJECT)


def all_keys(page: Page) -> list[str]:
    keys: list[str] = []
    page.goto("/projects")
    for project in page.get_by_role("article").get_by_role("heading").all_inner_texts():
        page.goto("/projects")
        _tile_settings(page, project)
        expect(page.get_by_role("tab", name=labels.CHANNELS)).to_have_attribute("aria-selected", "true")
        for channel in page.get_by_role("tabpanel").get_by_role("heading", level=2).all_inner_texts():
            page.get_by_role("tabpanel").get_by_role("button", name=channel.strip(), exact=True).click()
            region = page.get_by_role("region", name=channel.strip(), exact=True)
            field = region.get_by_label(labels.API_KEY, exact=True)
            expect(field).to_be_visible()
            keys.append(field.input_value())
    return keys


def regenerate_and_check(page: Page, api: APIRequestContext, open_channels: Callable[[Page], None]) -> None:
    open_channels(page)
    page.get_by_role("tabpanel").get_by_role("button", name=CHANNEL, exact=True).click()
    region = page.get_by_role("region", name=CHANNEL, exact=True)
    field = region.get_by_label(labels.API_KEY, exact=True)
    old_key = field.input_value()
    region.get_by_role("button", name=labels.REGENERATE, exact=True).click()
    dialog = page.get_by_role("dialog", name=labels.REGENERATE_QUESTION, exact=True)
    dialog.get_by_role("button", name=labels.REGENERATE, exact=True).click()
    expect(dialog).to_be_hidden()
    expect(field).not_to_have_value(old_key)
    new_key = field.input_value()
    page.reload()
    expect(field).to_have_value(new_key)
    batch = sample_batch(channel_type_of(new_key))  # the kind of message the key's channel sends, as the suite's
    assert api.post("/v2/messages", headers={"Authorization": f"Bearer {new_key}"}, data=batch).status == 200
    assert api.post("/v2/messages", headers={"Authorization": f"Bearer {old_key}"}, data=batch).status == 401
    keys = all_keys(page)
    assert keys.count(new_key) == 1 and old_key not in keys


def _log_in(browser: Browser, url: str) -> StorageState:
    """The demo account's cookies, logged in once through the login page as the suite does per session."""
    context = browser.new_context(base_url=url)
    page = context.new_page()
    page.goto("/login")
    page.get_by_role("link", name=labels.LOG_IN_WITH_EMAIL).click()
    page.get_by_label(labels.EMAIL).fill(DEMO.email)
    page.get_by_label(labels.PASSWORD).fill(DEMO.password)
    page.get_by_role("button", name=labels.LOG_IN, exact=True).click()
    expect(page.get_by_role("button", name=f"{labels.MY_PROFILE} {DEMO.full_name}")).to_be_visible()
    state = context.storage_state()
    context.close()
    return state


def _time_runs(browser: Browser, api: APIRequestContext, url: str, runs: int) -> dict[str, dict[str, Any]]:
    """Wall and CPU seconds per run for each method, after one untimed warm-up run each."""
    state = _log_in(browser, url)
    methods = dict(zip(METHODS, (method_1, method_2), strict=True))  # the suite's test ids
    times: dict[str, dict[str, Any]] = {name: {"wall_s": [], "cpu_s": [], "failed": 0} for name in methods}
    for name, open_channels in methods.items():
        for run in range(runs + 1):
            cpu = tree_cpu_seconds(os.getpid())  # outside the wall time, as in the suite's plugin
            started = time.perf_counter()
            context = browser.new_context(base_url=url, storage_state=state)
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
    return times


def measure(runs: int) -> dict[str, dict[str, Any]]:
    """The methods timed on the app served in this process, as the suite serves it."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # as under pytest: no line per request
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as pw:
        folder = Path(scratch)
        with serve_in_thread(SeededDatabase.create(folder), folder) as server:
            browser = pw.chromium.launch(executable_path=executable_path(pw.chromium.executable_path))
            api = pw.request.new_context(base_url=server.url)
            try:
                return _time_runs(browser, api, server.url, runs)
            finally:
                api.dispose()
                browser.close()


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--runs", type=int, default=10, help="timed runs per method, after one untimed warm-up each")
    parser.add_argument("--json", type=Path, required=True, help="where to write each run's wall and CPU seconds")
    args = parser.parse_args()
    args.json.write_text(json.dumps(measure(args.runs)))


if __name__ == "__main__":
    main()
