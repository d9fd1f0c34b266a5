"""Benchmark `suite`: the browser suite's parts, its parallel runs, and the documentation check's cost.

    python -m benchmarks.suite [--docs-runs 3] [--reads 50] [--launches 5] [--resets 50]
                                                          (or: make bench BENCH_ARGS="--only suite")

Every run is a make target as a developer types it, with PYTEST_ARGS adding a JUnit report:
1. Parts. `make e2e` with the timing plugin (benchmarks/suite_timing.py), the memory of its whole process
   tree sampled (make, pytest with the embedded app, Playwright's driver, Chromium). The parts come from
   pytest's own timing of the suite's fixtures; browser start and data reset are also timed alone,
   several times, for medians.
2. Parallel. That `make e2e` is the serial run; `make e2e WORKERS=2` (pytest-xdist) and
   `make e2e BROWSER_SERVER=ws://...`, through a browser server started here on the same machine, follow.
   CPU seconds are those of every process a run started, plus the browser server's for the remote run.
3. Documentation check. Reading each how-to (parse and understand every sentence), then in turns
   `make docs-check` of the project's how-to (both methods, its figures compared with the committed ones),
   of the published how-to where this workplace has one, and of the project's how-to with its own figures
   judged by OCR where Tesseract is installed. The time is pytest's own for the test calls, the whole
   make's wall time beside it.
Writes benchmarks/results/suite.json and suite.md.
"""

import functools
import json
import resource
import shlex
import statistics
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from benchmarks.common import (
    OUTPUT,
    ROOT,
    Measurement,
    MemorySampler,
    arguments,
    median,
    progress,
    table,
    tree_cpu_seconds,
)
from docs_check.figures.naming import every_figure
from docs_check.figures.ocr import engine
from docs_check.steps import read
from testkit.browser import executable_path
from testkit.browser_server import running_browser_server
from testkit.serving import SeededDatabase, serve_in_thread

DEFAULT_HOW_TO = Path(__file__).resolve().parents[1] / "docs" / "regenerate-api-key.md"  # the project's own

TITLE = "The browser suite: its parts, its parallel runs and the documentation check"
SHOWS = (
    "Where `make e2e`'s time and memory go, how much 2 workers or a browser server on the same machine change"
    " its wall and CPU time, and what reading a how-to and checking it against the app cost."
)
RESET_TARGET_MS = 20
RUN_TIMEOUT_S = 1800
FIXTURES = ROOT / "e2e" / "docs_check" / "how-tos"
SEED = ROOT.parent / "shared" / "seed" / "regenerate-api-key.txt"  # the published how-to, where the workplace has it
Row = list[str]  # section, what, time, notes


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _junit(path: Path) -> dict[str, Any]:
    suite = ET.parse(path).getroot()
    suite = suite if suite.tag == "testsuite" else suite[0]
    counts: dict[str, Any] = {name: int(suite.get(name, "0")) for name in ("tests", "failures", "errors", "skipped")}
    counts["passed"] = counts["tests"] - counts["failures"] - counts["errors"] - counts["skipped"]
    counts["tests_s"] = round(sum(float(case.get("time", 0)) for case in suite.iter("testcase")), 2)
    return counts


def make(target: str, name: str, pytest_args: list[str], **variables: str) -> dict[str, Any]:
    """`make TARGET VARIABLES PYTEST_ARGS=...` with a JUnit report: its wall and CPU seconds, exit code,
    test counts and the peak memory of its process tree."""
    folder = OUTPUT / "suite" / name
    junit = folder / "junit.xml"
    args = ["-q", "--junitxml", str(junit), "--output", str(folder / "output"), *pytest_args]
    command = ["make", target, *(f"{key}={value}" for key, value in variables.items())]
    progress(f"suite: {shlex.join(command)}")
    cpu, started = _children_cpu_s(), time.perf_counter()
    process = subprocess.Popen([*command, "--no-print-directory", f"PYTEST_ARGS={shlex.join(args)}"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    with MemorySampler(process.pid) as memory:
        output, _ = process.communicate(timeout=RUN_TIMEOUT_S)
    wall = time.perf_counter() - started
    if not junit.exists():
        raise RuntimeError(f"{shlex.join(command)} wrote no report (exit {process.returncode}):\n{output[-3000:]}")
    summary = next((line for line in reversed(output.splitlines()) if " in " in line), "")
    return {
        "run": name, "command": shlex.join(command), "wall_s": round(wall, 1), "exit_code": process.returncode,
        "cpu_s": round(_children_cpu_s() - cpu, 1), "summary": summary.strip("= "), "memory": memory.as_dict(),
        **_junit(junit),
    }  # fmt: skip


# 1. Parts


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


def parts_rows(serial: dict[str, Any], parts: dict[str, Any], alone: dict[str, Any]) -> list[Row]:
    reset_ms, memory = 1000 * median(alone["reset_s"]), serial["memory"]
    return [
        ["`make e2e` wall time", f"{serial['wall_s']:.1f} s", serial["summary"] or f"exit {serial['exit_code']}"],
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
        ["Peak memory", f"{memory['peak_rss_mib']:.0f} MiB RSS",
         f"{memory['peak_pss_mib']:.0f} MiB PSS, up to {memory['peak_processes']} processes"],
    ]  # fmt: skip


# 2. Parallel


def parallel_runs(timing: Path) -> list[dict[str, Any]]:
    """`make e2e` serial (with the timing plugin: the parts' run), over 2 workers, and through a browser server."""
    serial = make("e2e", "serial", ["-p", "benchmarks.suite_timing", "--timing-json", str(timing)])
    workers = make("e2e", "2-workers", [], WORKERS="2")
    with running_browser_server() as server:
        before = tree_cpu_seconds(server.pid)
        remote = make("e2e", "browser-server", [], BROWSER_SERVER=server.address)
        remote["cpu_s"] = round(remote["cpu_s"] + tree_cpu_seconds(server.pid) - before, 1)  # its browsers still live
    return [serial, workers, remote]


def parallel_rows(runs: list[dict[str, Any]]) -> list[Row]:
    serial = runs[0]["wall_s"]
    return [
        [f"`{run['command']}`", f"{run['wall_s']:.0f} s",
         f"{run['passed']}/{run['tests']} passed, {run['failures'] + run['errors']} failed;"
         f" {serial / run['wall_s']:.2f}x serial; CPU {run['cpu_s']:.0f} s, {run['cpu_s'] / max(run['tests'], 1):.1f} s"
         " a test"]
        for run in runs
    ]  # fmt: skip


# 3. Documentation check


def reading_ms(paths: list[Path], repeats: int) -> dict[str, float]:
    """Median milliseconds to read each document (parse and understand every sentence)."""
    times: dict[str, float] = {}
    for path in paths:
        samples = [_timed(functools.partial(read, path)) * 1000 for _ in range(repeats)]
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.relative_to(ROOT.parent)
        times[str(name)] = round(statistics.median(samples), 2)
    return times


OWN, PUBLISHED, JUDGED = (
    "the project's how-to, both methods",
    "the published how-to (plain text), both methods",
    "the project's how-to, its own figures judged by OCR",
)


def docs_checks(runs: int) -> dict[str, list[dict[str, Any]]]:
    """`make docs-check` of each document in turns, so that other work on the machine weighs on all alike."""
    checks: dict[str, dict[str, str]] = {OWN: {}}
    if SEED.exists():
        checks[PUBLISHED] = {"HOW_TO": str(SEED)}
    if engine():
        checks[JUDGED] = {"HOW_TO_ASSETS": str(ROOT / "docs")}
    calls = ["-o", "junit_duration_report=call"]  # the test calls' own seconds
    done: dict[str, list[dict[str, Any]]] = {name: [] for name in checks}
    for number in range(runs):
        for index, (name, variables) in enumerate(checks.items()):
            progress(f"suite: documentation check, run {number + 1} of {runs}: {name}")
            done[name].append(make("docs-check", f"docs-{index}", calls, **variables))
    return done


def docs_rows(reads: dict[str, float], repeats: int, checks: dict[str, list[dict[str, Any]]]) -> list[Row]:
    rows = [[f"read `{name}`", f"{ms:.1f} ms", f"median of {repeats}"] for name, ms in reads.items()]
    calls = {name: median([run["tests_s"] for run in runs]) for name, runs in checks.items()}
    for name, runs in checks.items():
        wall = median([run["wall_s"] for run in runs])
        rows.append([f"check {name}", f"{calls[name]:.1f} s", f"test calls, median of {len(runs)}; make {wall:.1f} s"])
    if JUDGED in calls:
        figures = len(every_figure(read(DEFAULT_HOW_TO)))
        each = (calls[JUDGED] - calls[OWN]) / figures
        rows.append(
            ["judging one figure", f"{each * 1000:.0f} ms", f"the difference over {figures} figures; {engine()}"]
        )
    return rows


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = arguments(__doc__)
    parser.add_argument("--docs-runs", type=int, default=3, help="runs of each documentation check (default 3)")
    parser.add_argument("--reads", type=int, default=50, help="reads of each document (default 50)")
    parser.add_argument("--launches", type=int, default=5, help="browser starts timed alone (default 5)")
    parser.add_argument("--resets", type=int, default=50, help="data resets timed alone (default 50)")
    args = parser.parse_args(argv)
    measurement = Measurement("suite", TITLE, SHOWS, argv, browser=True)
    progress("suite: make setup (untimed: brings the virtualenv and browser up to date)")
    subprocess.run(["make", "--no-print-directory", "setup"], cwd=ROOT, check=True, timeout=RUN_TIMEOUT_S)
    with tempfile.TemporaryDirectory() as folder:
        timing_path = Path(folder) / "timing.json"
        runs = parallel_runs(timing_path)
        if not timing_path.exists():
            raise RuntimeError(f"make e2e wrote no timings (exit {runs[0]['exit_code']})")
        timing = json.loads(timing_path.read_text())
    progress(f"suite: browser start x{args.launches} and data reset x{args.resets}, alone")
    alone = standalone_parts(args.launches, args.resets)
    parts = parts_of(timing)
    progress("suite: reading each document")
    reads = reading_ms([DEFAULT_HOW_TO, *sorted(FIXTURES.iterdir()), *([SEED] if SEED.exists() else [])], args.reads)
    checks = docs_checks(args.docs_runs)
    sections = {
        "parts": parts_rows(runs[0], parts, alone),
        "parallel": parallel_rows(runs),
        "documentation check": docs_rows(reads, args.reads, checks),
    }
    rows = [{"section": section, "what": what, "time": took, "notes": notes}
            for section, found in sections.items() for what, took, notes in found]  # fmt: skip
    rendered = table(["Section", "What", "Time", "Notes"], [list(row.values()) for row in rows])
    result = measurement.publish(
        rows, rendered, settings=vars(args), parts=parts, standalone=alone, runs=runs, reads_ms=reads,
        docs_checks=checks, timing=timing,
    )  # fmt: skip
    failed = [run["command"] for run in [*runs, *(run for done in checks.values() for run in done)] if run["exit_code"]]
    if failed:
        raise RuntimeError(f"these runs failed, see the table: {', '.join(failed)}")
    return result


if __name__ == "__main__":
    main()
