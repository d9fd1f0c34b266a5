"""Run every benchmark, print their tables and write them to benchmarks/results/: `python -m benchmarks`."""

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any, NamedTuple

from playwright.sync_api import sync_playwright

from benchmarks import distributed, docs_check, floor_vs_suite, server_load, whole_suite
from benchmarks.common import RESULTS, chromium_version, machine, progress, write_result
from testkit.browser import executable_path


class Benchmark(NamedTuple):
    title: str
    main: Callable[[list[str]], dict[str, Any]]  # writes benchmarks/results/NAME.json and returns it
    argv: list[str]


def _machine_line(info: dict[str, Any]) -> str:
    return (
        f"{info['cpus']} CPUs, {info['memory_gib']} GiB, {info['platform']}, Python {info['python']},"
        f" {info['chromium']}; load average at start {info['load_average_1m']:.1f} (other work was running)"
    )


def _chromium() -> str:
    with sync_playwright() as playwright:
        default = playwright.chromium.executable_path
    return chromium_version(executable_path(default) or default)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="timed runs per method, floor and suite")
    parser.add_argument("--seconds", type=int, default=8, help="length of each locust run")
    parser.add_argument(
        "--only", choices=["floor", "suite", "distributed", "server", "docs"], action="append", help="run only these"
    )
    args = parser.parse_args()
    started = time.monotonic()
    info = machine()
    benchmarks = {
        "floor": Benchmark(floor_vs_suite.TITLE, floor_vs_suite.main, ["--runs", str(args.runs)]),
        "suite": Benchmark(whole_suite.TITLE, whole_suite.main, []),
        "distributed": Benchmark(distributed.TITLE, distributed.main, []),
        "server": Benchmark(server_load.TITLE, server_load.main, ["--seconds", str(args.seconds)]),
        "docs": Benchmark(docs_check.TITLE, docs_check.main, []),
    }
    results: dict[str, dict[str, Any] | None] = {}
    for name, benchmark in benchmarks.items():
        if args.only and name not in args.only:
            continue
        try:
            results[name] = benchmark.main(benchmark.argv)
        except Exception:  # one broken benchmark should not hide the others' numbers
            traceback.print_exc()
            results[name] = None
    info["chromium"] = _chromium()
    info["bench_wall_s"] = round(time.monotonic() - started, 1)
    write_result("machine", info)
    report = [f"Measured on {_machine_line(info)}; `make bench` took {info['bench_wall_s']:.0f} s.", ""]
    report += [f"{benchmarks[name].title}\n\n{result['table']}\n" for name, result in results.items() if result]
    (RESULTS / "latest.md").write_text("\n".join(report))
    print("\n" + "\n".join(report))
    progress(f"done in {info['bench_wall_s']:.0f} s; tables in {RESULTS / 'latest.md'}, JSON beside them")
    return 1 if None in results.values() else 0


if __name__ == "__main__":
    sys.exit(main())
