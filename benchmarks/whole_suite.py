"""Benchmark 2: the wall time of `make e2e` with the browser installed, and the parts it is made of.

    python -m benchmarks.whole_suite

Runs `make e2e` with the `benchmarks.suite_timing` plugin and samples the memory of its whole
process tree (make, pytest with the embedded app, Playwright's driver, Chromium). Browser start
and data reset are also timed on their own, several times, for medians.
"""

import argparse
import json
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from benchmarks.common import OUTPUT, ROOT, MemorySampler, median, progress, table, write_result
from e2e.browser import executable_path
from e2e.server import serve_mock_app

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
    with tempfile.TemporaryDirectory() as folder, serve_mock_app(Path(folder)) as server:
        reset_s = []
        for _ in range(resets):
            started = time.perf_counter()
            server.reset()
            reset_s.append(time.perf_counter() - started)
    return {"browser_launch_s": launch_s, "reset_s": reset_s, "chromium": path}


def parts_of(timing: dict[str, Any]) -> dict[str, Any]:
    fixtures, tests = timing["fixtures"], timing["tests"].values()
    logins = timing["logins"]
    accounts = sorted({login["account"] for login in logins})
    return {
        "tests": len(tests),
        "browser_launch_s": fixtures.get("browser", {}).get("total_s"),
        "driver_start_s": fixtures.get("playwright", {}).get("total_s"),
        "app_start_s": fixtures.get("mock_server", {}).get("total_s"),
        "resets": len(timing["resets_s"]),
        "reset_median_ms": round(1000 * median(timing["resets_s"]), 1),
        "reset_max_ms": round(1000 * max(timing["resets_s"], default=0), 1),
        "ui_logins": len(logins),
        "login_accounts": accounts,
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
        ["Embedded app start (seeding)", f"{parts['app_start_s']:.2f} s", "once per session"],
        ["Data reset per test", f"{parts['reset_median_ms']:.1f} ms",
         f"median of {parts['resets']}, max {parts['reset_max_ms']:.1f} ms; alone: median {reset_ms:.1f} ms"
         f" (target ≤ {RESET_TARGET_MS} ms)"],
        ["UI log-ins for stored state", f"{parts['ui_logins']}",
         f"{parts['login_median_s']:.2f} s each; once per account ({', '.join(parts['login_accounts'])})"
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
    print(f"\n{TITLE}\n\n{result['table']}")
    print(f"\nwritten to {write_result('whole_suite', result)}")
    return result


if __name__ == "__main__":
    main()
