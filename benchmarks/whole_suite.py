"""Benchmark 2: the wall time of `make e2e` with the browser installed, and the parts it is made of.

    python -m benchmarks.whole_suite

Runs `make e2e` with the `benchmarks.suite_timing` plugin and samples the memory of its whole
process tree (make, pytest with the embedded app, Playwright's driver, Chromium). The parts come
from pytest's own timing of the suite's fixtures (benchmarks/suite_timing.py); browser start and data
reset are also timed on their own, several times, for medians.
"""

import argparse
import json
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from benchmarks.common import OUTPUT, ROOT, MemorySampler, median, progress, publish, table
from testkit.browser import executable_path
from testkit.serving import SeededDatabase, serve_in_thread

RESET_TARGET_MS = 20
TITLE = "### Whole suite: `make e2e` with the browser installed"


def run_make_e2e(timing: Path) -> dict[str, Any]:
    args = f"-q -p benchmarks.suite_timing --timing-json {timing} --output {OUTPUT / 'whole-suite'}"
    started = time.perf_counter()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "e2e", f"PYTEST_ARGS={args}"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    with MemorySampler(process.pid) as sampler:
        output, _ = process.communicate(timeout=900)
    wall = time.perf_counter() - started
    summary = next((line for line in reversed(output.splitlines()) if line.strip()), "")
    return {"wall_s": round(wall, 2), "exit_code": process.returncode, "summary": summary.strip("= "),
            "memory": sampler.as_dict()}  # fmt: skip


def standalone_parts(launches: int, resets: int) -> dict[str, Any]:
    """Browser start and data reset timed outside pytest, for medians over several tries."""
    with sync_playwright() as playwright:
        path = executable_path(playwright.chromium.executable_path)
        launch_s = []
        for _ in range(launches):
            started = time.perf_counter()
            browser = playwright.chromium.launch(executable_path=path)
            launch_s.append(time.perf_counter() - started)
            browser.close()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        with serve_in_thread(SeededDatabase.create(folder), folder) as server:
            reset_s = [_timed(server.reset) for _ in range(resets)]
    return {"browser_launch_s": launch_s, "reset_s": reset_s, "chromium": path}


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def parts_of(timing: dict[str, Any]) -> dict[str, Any]:
    """The suite's parts from the plugin's timings; every fixture measured must have run, in the whole suite."""
    problems = [*timing["errors"], *(f"fixture {name!r} never ran: {why}" for name, why in timing["not_run"].items())]
    if problems:
        raise RuntimeError("the suite's timings are incomplete:\n" + "\n".join(problems))
    fixtures, tests, logins, resets = timing["fixtures"], timing["tests"].values(), timing["logins"], timing["resets_s"]

    def setup_s(fixture: str) -> float:
        if fixture not in fixtures:
            raise RuntimeError(f"the suite's timings have no setup of the fixture {fixture!r}")
        return float(fixtures[fixture]["total_s"])

    return {
        "tests": len(tests),
        "browser_launch_s": setup_s("browser"),
        "driver_start_s": setup_s("playwright"),
        "app_start_s": setup_s("seeded_database") + setup_s("mock_server"),
        "resets": len(resets),
        "reset_median_ms": round(1000 * median(resets), 1),
        "reset_max_ms": round(1000 * max(resets), 1),
        "ui_logins": len(logins),
        "login_fixtures": sorted({login["fixture"] for login in logins}),
        "login_median_s": round(median([login["seconds"] for login in logins]), 3),
        "tests_total_s": round(sum(t.get("setup", 0) + t.get("call", 0) + t.get("teardown", 0) for t in tests), 2),
    }


def render(make: dict[str, Any], parts: dict[str, Any], alone: dict[str, Any]) -> str:
    reset_ms = 1000 * median(alone["reset_s"])
    rows = [
        ["`make e2e` wall time", f"{make['wall_s']:.1f} s", make["summary"] or f"exit {make['exit_code']}"],
        ["Tests' setup + call + teardown", f"{parts['tests_total_s']:.1f} s", f"{parts['tests']} tests"],
        ["Browser start", f"{parts['browser_launch_s']:.2f} s", f"once per session; alone: median"
         f" {median(alone['browser_launch_s']):.2f} s of {len(alone['browser_launch_s'])}"],
        ["Playwright driver start", f"{parts['driver_start_s']:.2f} s", "once per session"],
        ["Embedded app start (seeding)", f"{parts['app_start_s']:.2f} s",
         "once per session (seeded_database + mock_server)"],
        ["Data reset per test", f"{parts['reset_median_ms']:.1f} ms",
         f"median of {parts['resets']}, max {parts['reset_max_ms']:.1f} ms; alone: median {reset_ms:.1f} ms"
         f" (target ≤ {RESET_TARGET_MS} ms)"],
        ["UI log-ins for stored state", f"{parts['ui_logins']}",
         f"{parts['login_median_s']:.2f} s each; once per account ({', '.join(parts['login_fixtures'])})"
         f" for {parts['tests']} tests"],
        ["Peak memory, suite", f"{make['memory']['peak_rss_mib']:.0f} MiB RSS",
         f"{make['memory']['peak_pss_mib']:.0f} MiB PSS, up to {make['memory']['peak_processes']} processes"],
    ]  # fmt: skip
    return table(["Part", "Time", "Notes"], rows)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=5)
    parser.add_argument("--resets", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        timing_path = Path(folder) / "timing.json"
        progress("whole suite: make setup (untimed: brings the virtualenv and browser up to date)")
        subprocess.run(["make", "--no-print-directory", "setup"], cwd=ROOT, check=True, timeout=1800)
        progress("whole suite: make e2e")
        make = run_make_e2e(timing_path)
        timing = json.loads(timing_path.read_text()) if timing_path.exists() else None
    if timing is None:
        raise RuntimeError(f"make e2e wrote no timings (exit {make['exit_code']})")
    progress(f"whole suite: browser start x{args.launches} and data reset x{args.resets}, alone")
    alone = standalone_parts(args.launches, args.resets)
    parts = parts_of(timing)
    result = {"make_e2e": make, "parts": parts, "table": render(make, parts, alone), "standalone": alone}
    result["timing"] = timing
    publish("whole_suite", TITLE, result)
    return result


if __name__ == "__main__":
    main()
