"""Benchmark 4: the browser suite serial, over 2 xdist workers, and through a local browser server, in one run.

    python -m benchmarks.distributed

Each run is `pytest e2e --tracing=off` (as `make e2e` decides), its result read from its JUnit report.
CPU seconds are those of every process the run started (pytest, its workers, the embedded apps,
Playwright's drivers, the browsers), plus those of the browser server's process tree for the remote run.
"""

import argparse
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from benchmarks.common import OUTPUT, ROOT, progress, publish, table, tree_cpu_seconds
from testkit.browser_server import running_browser_server

TITLE = "### Browser suite on one machine: serial, 2 workers, and through a browser server"
RUN_TIMEOUT_S = 1800
WAYS: dict[str, list[str]] = {"serial": [], "2 workers (-n 2)": ["-n", "2"], "browser server": []}


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _counts(junit: Path) -> dict[str, int]:
    suite = ET.parse(junit).getroot()
    suite = suite if suite.tag == "testsuite" else suite[0]
    counts = {name: int(suite.get(name, "0")) for name in ("tests", "failures", "errors", "skipped")}
    counts["passed"] = counts["tests"] - counts["failures"] - counts["errors"] - counts["skipped"]
    return counts


def run(name: str, extra: list[str], server: str | None) -> dict[str, Any]:
    folder = OUTPUT / "distributed" / name.split()[0]
    junit = folder / "junit.xml"
    remote = ["--browser-server", server] if server else []
    command = [sys.executable, "-m", "pytest", "e2e", "-q", "-p", "no:cacheprovider", "--tracing=off",
               "--output", str(folder / "output"), "--junitxml", str(junit), *extra, *remote]  # fmt: skip
    progress(f"distributed: {name}")
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    wall = time.perf_counter() - started
    if not junit.exists():
        raise RuntimeError(f"{name}: pytest wrote no report:\n{finished.stdout[-2000:]}{finished.stderr[-2000:]}")
    return {"way": name, "wall_s": round(wall, 1), "exit_code": finished.returncode, **_counts(junit)}


def _measured(name: str, extra: list[str]) -> dict[str, Any]:
    cpu_before = _children_cpu_s()
    if name != "browser server":
        row = run(name, extra, None)
        return {**row, "cpu_s": round(_children_cpu_s() - cpu_before, 1)}
    with running_browser_server() as server:
        server_before = tree_cpu_seconds(server.pid)
        row = run(name, extra, server.address)
        server_cpu = tree_cpu_seconds(server.pid) - server_before  # the browsers are still alive here
    return {**row, "cpu_s": round(_children_cpu_s() - cpu_before + server_cpu, 1)}


def measure() -> list[dict[str, Any]]:
    rows = [_measured(name, extra) for name, extra in WAYS.items()]
    serial = rows[0]["wall_s"]
    for row in rows:
        row["speed_up"] = round(serial / row["wall_s"], 2)
    return rows


def render(rows: list[dict[str, Any]]) -> str:
    headers = ["Run", "Passed", "Failed", "Wall (s)", "vs serial", "CPU (s)", "CPU per test (s)"]
    return table(headers, [
        [r["way"], f"{r['passed']}/{r['tests']}", r["failures"] + r["errors"], f"{r['wall_s']:.0f}",
         f"{r['speed_up']:.2f}x", f"{r['cpu_s']:.0f}", f"{r['cpu_s'] / max(r['tests'], 1):.1f}"]
        for r in rows
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.parse_args(argv)
    rows = measure()
    result = {"rows": rows, "table": render(rows)}
    publish("distributed", TITLE, result)
    if any(row["exit_code"] != 0 for row in rows):
        raise RuntimeError("a run of the browser suite failed; see the table")
    return result


if __name__ == "__main__":
    main()
