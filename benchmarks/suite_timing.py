"""A pytest plugin that records where the browser suite's time goes, through pytest's own hooks only.

    pytest e2e -p benchmarks.suite_timing --timing-json /tmp/timing.json

Writes each test's setup, call and teardown seconds and its CPU seconds; each fixture's setup seconds
(the browser launch shows up as `browser`); and, from the setups of the suite's own fixtures, every
data reset (`fresh_data`) and every UI log-in (`demo_storage_state`, `other_storage_state`). A measured
fixture that never ran is named in the results and at the end of the run, never left out quietly.
"""

import json
import os
import time
from collections import defaultdict
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.common import tree_cpu_seconds

RESET = "fresh_data"  # autouse: its setup is the data reset before every test
LOGINS = ("demo_storage_state", "other_storage_state")  # the first setup of each in a session logs in through the UI


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--timing-json", type=Path, help="where to write the timings (benchmarks.suite_timing)")


def pytest_configure(config: pytest.Config) -> None:
    path: Path | None = config.getoption("--timing-json")
    if path is not None:
        config.pluginmanager.register(SuiteTiming(path), "suite-timing")


class SuiteTiming:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.tests: dict[str, dict[str, Any]] = defaultdict(dict)
        self.fixtures: dict[str, list[float]] = defaultdict(list)
        self.closures: dict[str, list[str]] = {}  # each test's fixtures, the ones it asks for and theirs
        self.requested: set[str] = set()  # the fixtures of every test that was set up
        self.set_up = 0
        self.not_run: dict[str, str] = {}
        self.errors: list[str] = []

    def pytest_runtest_protocol(self, item: pytest.Item) -> None:
        """Note the CPU seconds of this process tree (pytest, the app, Playwright's driver, Chromium)."""
        self.tests[item.nodeid]["cpu_at_start"] = tree_cpu_seconds(os.getpid())
        if isinstance(item, pytest.Function):
            self.closures[item.nodeid] = item.fixturenames

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(self, fixturedef: pytest.FixtureDef[Any]) -> Generator[None, object, object]:
        """The fixture's own setup: pytest has set up the fixtures it asks for before this hook."""
        started = time.perf_counter()
        try:
            return (yield)
        finally:
            self.fixtures[fixturedef.argname].append(time.perf_counter() - started)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.tests[report.nodeid][report.when] = report.duration
        if report.when == "setup" and report.passed:
            self.set_up += 1
            self.requested.update(self.closures.get(report.nodeid, []))
        if report.failed or report.when == "call":
            self.tests[report.nodeid]["outcome"] = report.outcome

    def _cpu_per_test(self) -> None:
        """A test's CPU runs from its start to the next one's; the last one also pays the session's teardown."""
        runs = list(self.tests.values())
        for test, following in zip(runs, [*runs[1:], None], strict=True):
            test["cpu"] = following["cpu_at_start"] - test["cpu_at_start"] if following else None

    def _check_measured(self) -> None:
        """Name each measured fixture that never ran; an error where that leaves a measurement empty."""
        for name in (RESET, *LOGINS):
            if name in self.fixtures:
                continue
            if name in self.requested:
                self.not_run[name] = "requested by tests that were set up, yet its setup was never timed"
                self.errors.append(f"fixture {name!r} ran untimed: this plugin no longer sees its setup")
            else:
                self.not_run[name] = "requested by no test that was set up here (renamed, or not used by these tests)"
        if self.set_up and RESET not in self.fixtures:
            self.errors.append(f"{self.set_up} tests were set up and no data reset was timed: {RESET!r} never ran")

    def pytest_sessionfinish(self) -> None:
        self._cpu_per_test()
        self._check_measured()
        summary = {
            name: {"count": len(times), "total_s": sum(times), "max_s": max(times)}
            for name, times in self.fixtures.items()
        }
        logins = [{"fixture": name, "seconds": self.fixtures[name][0]} for name in LOGINS if self.fixtures.get(name)]
        timings = {
            "tests": self.tests,
            "fixtures": summary,
            "resets_s": self.fixtures.get(RESET, []),
            "logins": logins,
            "not_run": self.not_run,
            "errors": self.errors,
        }
        self.path.write_text(json.dumps(timings, indent=1))

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        for name, why in self.not_run.items():
            terminalreporter.write_line(f"suite timing: fixture {name!r} never ran: {why}", yellow=True)
        for error in self.errors:
            terminalreporter.write_line(f"suite timing: ERROR: {error}", red=True, bold=True)
