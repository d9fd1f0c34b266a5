"""A pytest plugin that records where the browser suite's time goes, without touching any test.

    pytest e2e -p benchmarks.suite_timing --timing-json /tmp/timing.json

Writes each test's setup, call and teardown seconds; each fixture's setup seconds (so the browser
launch shows up as `browser`); and every data reset and UI log-in of the fixtures, timed.
"""

import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.common import tree_cpu_seconds

tests: dict[str, dict[str, Any]] = defaultdict(dict)
fixtures: dict[str, list[float]] = defaultdict(list)
resets: list[float] = []
logins: list[dict[str, Any]] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--timing-json", type=Path, help="where to write the timings (benchmarks.suite_timing)")


def _timed(function: Callable[..., Any], record: Callable[[float, tuple], None]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            record(time.perf_counter() - started, args)

    return wrapper


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Wrap the data reset and the saved log-in once the suite's conftest has been imported."""
    server = sys.modules.get("e2e.server")
    if server is not None:
        server.MockServer.reset = _timed(server.MockServer.reset, lambda seconds, _: resets.append(seconds))
    conftest = sys.modules.get("e2e.conftest")
    if conftest is not None and hasattr(conftest, "_saved_login"):
        conftest._saved_login = _timed(
            conftest._saved_login,
            lambda seconds, args: logins.append({"account": args[2].email, "seconds": seconds}),
        )


def pytest_runtest_protocol(item: pytest.Item) -> None:
    """Note the CPU seconds of this process tree (pytest, the app, Playwright's driver, Chromium)."""
    tests[item.nodeid]["cpu_at_start"] = tree_cpu_seconds(os.getpid())


def _cpu_per_test() -> None:
    """A test's CPU runs from its start to the next one's; the last one also pays the session's teardown."""
    runs = list(tests.values())
    for test, following in zip(runs, [*runs[1:], None], strict=True):
        test["cpu"] = following["cpu_at_start"] - test["cpu_at_start"] if following else None


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef, request: pytest.FixtureRequest) -> Generator:
    started = time.perf_counter()
    yield
    fixtures[fixturedef.argname].append(time.perf_counter() - started)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    tests[report.nodeid][report.when] = report.duration
    if report.failed or report.when == "call":
        tests[report.nodeid]["outcome"] = report.outcome


def pytest_sessionfinish(session: pytest.Session) -> None:
    path = session.config.getoption("--timing-json")
    if not path:
        return
    _cpu_per_test()
    summary = {
        name: {"count": len(times), "total_s": sum(times), "max_s": max(times)} for name, times in fixtures.items()
    }
    timings = {"tests": tests, "fixtures": summary, "resets_s": resets, "logins": logins}
    path.write_text(json.dumps(timings, indent=1))
