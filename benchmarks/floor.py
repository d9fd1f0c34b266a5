"""Benchmark `floor`: the suite's Method 1 and Method 2 test against a bare-Playwright floor doing the same work.

    python -m benchmarks.floor [--runs 10] [--rounds 2]        (or: make bench BENCH_ARGS="--only floor")

The floor (benchmarks/floor_script.py) is a bare Playwright script, no pytest, page objects or fixtures,
doing the test's work in a fresh context from a saved log-in per run. The suite is the test itself
(`e2e/test_regenerate_key.py`), repeated with pytest-repeat, in two variants: as `make e2e` and `make test`
run it (--tracing=off; they trace only the failed tests, in a second run), and as a plain `pytest` runs it
with pyproject's --tracing=retain-on-failure (a trace of every test recorded).

Floor and suite run in alternating rounds, so a change in the machine's other load hits both.
A suite test's time is its setup + call + teardown (pytest's own report durations, recorded by
benchmarks/suite_timing.py). The first repetition of each method is dropped, as the floor drops a
warm-up run (the suite's first also pays for the session's browser launch and log-in), and so is the
session's last test, which also pays for closing the browser. CPU seconds (pytest or the script, the
embedded app, Playwright's driver and Chromium together) are shown beside wall time: they barely move
when other work shares the machine, so they check the wall-clock ratio. Target: suite / floor <= 1.15.
Writes benchmarks/results/floor.json and floor.md.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import OUTPUT, ROOT, Measurement, arguments, median, progress, table
from pages import how_to

METHODS = tuple(how_to.METHODS)  # "method-1", "method-2": the test's parameter ids
TARGET = 1.15
TITLE = "Floor versus suite: seconds per test"
SHOWS = (
    "The suite's Method 1 / Method 2 test (open the channel, regenerate, reload, check the API, sweep all keys)"
    " against a bare Playwright script doing the same work, medians of wall and whole-process-tree CPU seconds;"
    f" target: suite / floor <= {TARGET}."
)
# The suite as `make e2e` runs it (no trace recording; a screenshot kept on failure), and as a plain
# `pytest` runs it with pyproject's addopts (a trace of every test recorded, kept on failure).
VARIANTS = {"suite (make e2e)": ["--tracing=off"], "suite, tracing every test": []}
Samples = dict[str, dict[str, Any]]  # method -> wall_s, cpu_s (lists) and failed (a count)


def run_floor(runs: int, scratch: Path) -> Samples:
    path = scratch / "floor.json"
    command = [sys.executable, "-m", "benchmarks.floor_script", "--runs", str(runs), "--json", str(path)]
    subprocess.run(command, cwd=ROOT, check=True, timeout=60 + 60 * runs)
    samples: Samples = json.loads(path.read_text())
    return samples


def run_suite(runs: int, extra: list[str], scratch: Path) -> Samples:
    path = scratch / "suite.json"
    command = [
        sys.executable, "-m", "pytest", "e2e/test_regenerate_key.py", "-q", "-p", "no:cacheprovider",
        "--count", str(runs + 2), "-p", "benchmarks.suite_timing", "--timing-json", str(path),
        "--output", str(OUTPUT / "floor"), *extra,
    ]  # fmt: skip
    subprocess.run(command, cwd=ROOT, timeout=120 + 60 * runs, stdout=subprocess.DEVNULL)  # failures counted below
    tests: dict[str, dict[str, Any]] = json.loads(path.read_text())["tests"]
    samples: Samples = {}
    for method in METHODS:
        mine = [test for node, test in tests.items() if f"-{method}-" in node and test["cpu"] is not None]
        passed = [test for test in mine[1 : runs + 1] if test.get("outcome") == "passed"]
        samples[method] = {
            "wall_s": [test["setup"] + test["call"] + test["teardown"] for test in passed],
            "cpu_s": [test["cpu"] for test in passed],
            "failed": sum(test.get("outcome") != "passed" for test in mine),
        }
    return samples


def measure(runs: int, rounds: int) -> dict[str, Samples]:
    per_round = max(1, runs // rounds)
    names = ["floor", *VARIANTS]
    found: dict[str, Samples] = {name: {m: {"wall_s": [], "cpu_s": [], "failed": 0} for m in METHODS} for name in names}
    with tempfile.TemporaryDirectory() as folder:
        for number in range(1, rounds + 1):
            for name in names:
                progress(f"floor vs suite, round {number}/{rounds}: {name}, {per_round} runs per method")
                if name == "floor":
                    samples = run_floor(per_round, Path(folder))
                else:
                    samples = run_suite(per_round, VARIANTS[name], Path(folder))
                for method in METHODS:
                    for key in ("wall_s", "cpu_s", "failed"):
                        found[name][method][key] += samples[method][key]
    return found


def summarize(found: dict[str, Samples]) -> list[dict[str, Any]]:
    rows = []
    for method in METHODS:
        floor = found["floor"][method]
        for name in found:
            wall, cpu = median(found[name][method]["wall_s"]), median(found[name][method]["cpu_s"])
            rows.append({
                "method": method, "runner": name, "runs": len(found[name][method]["wall_s"]),
                "failed": found[name][method]["failed"],
                "median_wall_s": round(wall, 3), "median_cpu_s": round(cpu, 3),
                "ratio_wall": round(wall / median(floor["wall_s"]), 3),
                "ratio_cpu": round(cpu / median(floor["cpu_s"]), 3),
            })  # fmt: skip
    return rows


def render(rows: list[dict[str, Any]]) -> str:
    headers = ["Method", "Runner", "Runs", "Median wall (s)", "/ floor", "Median CPU (s)", "/ floor"]
    return table(headers, [
        [r["method"], r["runner"], f"{r['runs']}" + (f" ({r['failed']} failed)" if r["failed"] else ""),
         f"{r['median_wall_s']:.2f}", f"{r['ratio_wall']:.2f}", f"{r['median_cpu_s']:.2f}", f"{r['ratio_cpu']:.2f}"]
        for r in rows
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = arguments(__doc__)
    parser.add_argument("--runs", type=int, default=10, help="timed runs per method and runner (default 10)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds the runs are split into (default 2)")
    args = parser.parse_args(argv)
    measurement = Measurement("floor", TITLE, SHOWS, argv, browser=True)
    found = measure(args.runs, args.rounds)
    rows = summarize(found)
    settings = {"runs": args.runs, "rounds": args.rounds, "target_ratio": TARGET}
    return measurement.publish(rows, render(rows), **settings, samples=found)


if __name__ == "__main__":
    main()
