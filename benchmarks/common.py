"""What the benchmarks share: statistics, tables, the machine they ran on, their results, process CPU and memory.

Each benchmark measures inside a `Measurement` and publishes through it: benchmarks/results/NAME.json (settings,
rows, raw samples) and NAME.md (a title, one sentence saying what it shows, the machine line, the table), and
benchmarks/results/latest.md, an index of every table there, is written anew.
"""

import argparse
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from mock_app.seed import DemoAccount
from testkit.rows import channel_page, channel_row
from testkit.serving import connect

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
INDEX = RESULTS / "latest.md"
OUTPUT = Path(os.environ.get("BENCH_OUTPUT", "/tmp/bench-results"))  # pytest-playwright wipes its --output
# Raw capacity: the per-key ingestion limits would turn most of a closed-loop load into 429s.
UNLIMITED = {"FLASK_INGEST_RATE_LIMIT": "1000000 per second", "FLASK_INGEST_KIB_LIMIT": "1000000000 per second"}


def arguments(doc: str | None) -> argparse.ArgumentParser:
    """A parser whose --help shows a benchmark's docstring as written."""
    return argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentiles(seconds: Sequence[float]) -> dict[str, float]:
    """The median, 99th percentile and slowest of some durations, in milliseconds (NaN for none)."""
    ms = sorted(value * 1000 for value in seconds)
    if not ms:
        return {"p50_ms": float("nan"), "p99_ms": float("nan"), "max_ms": float("nan")}
    p99 = statistics.quantiles(ms, n=100, method="inclusive")[98] if len(ms) > 1 else ms[0]
    return {"p50_ms": round(statistics.median(ms), 1), "p99_ms": round(p99, 1), "max_ms": round(ms[-1], 1)}


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A Markdown table, so the same text reads well in a terminal and pastes into a document."""
    cells = [[str(cell) for cell in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |" for row in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def integration_channel_page(database: str, account: DemoAccount) -> str:
    """The settings page of `account`'s Integration channel, the one the how-to regenerates."""
    with connect(database) as db:
        return channel_page(channel_row(db, account.active_project, account.integration_channel))


def _chromium() -> str:
    from playwright.sync_api import sync_playwright

    from testkit.browser import executable_path

    with sync_playwright() as playwright:
        default = playwright.chromium.executable_path
    path = executable_path(default) or default
    try:
        return subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        return f"Chromium at {path}"


def machine(browser: bool) -> dict[str, Any]:
    """What the numbers were measured on; the load of other work on the machine is part of the story."""
    with open("/proc/meminfo") as meminfo:
        memory_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(memory_kb / 1024**2, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        **({"chromium": _chromium()} if browser else {}),
        "load_average_1m": os.getloadavg()[0],
    }


def machine_line(info: dict[str, Any]) -> str:
    chromium = f", {info['chromium']}" if "chromium" in info else ""
    return (
        f"Measured {info['measured_at']} on {info['cpus']} CPUs, {info['memory_gib']} GiB, {info['platform']},"
        f" Python {info['python']}{chromium}; load average {info['load_average_1m']:.1f} at the start and"
        f" {info['load_average_1m_at_end']:.1f} at the end;"
        f" `{info['command']}` took {info['wall_s']:.0f} s."
    )


class Measurement:
    """One run of a benchmark: the machine and its load when it started, then its published result."""

    def __init__(self, name: str, title: str, shows: str, argv: list[str] | None, browser: bool = False) -> None:
        """`argv`: the benchmark's options (None: this process's), shown with the machine."""
        self.name, self.title, self.shows = name, title, shows
        self.machine = machine(browser)
        self.machine["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        options = sys.argv[1:] if argv is None else argv
        self.machine["command"] = shlex.join(["python", "-m", f"benchmarks.{name}", *options])
        self._started = time.monotonic()

    def publish(self, rows: list[dict[str, Any]], rendered: str, **details: Any) -> dict[str, Any]:
        """Write NAME.json and NAME.md, rewrite the index, print the table; `details`: settings and raw samples."""
        self.machine["load_average_1m_at_end"] = os.getloadavg()[0]
        self.machine["wall_s"] = round(time.monotonic() - self._started, 1)
        result = {"title": self.title, "shows": self.shows, "machine": self.machine, **details}
        result |= {"rows": rows, "table": rendered}
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / f"{self.name}.json").write_text(json.dumps(result, indent=2) + "\n")
        page = f"# {self.title}\n\n{self.shows}\n\n{machine_line(self.machine)}\n\n{rendered}\n"
        (RESULTS / f"{self.name}.md").write_text(page)
        write_index()
        print(f"\n{page}\nwritten to {RESULTS / self.name}.json and .md")
        return result


def write_index() -> None:
    """benchmarks/results/latest.md: each benchmark's table, its title and when it was measured."""
    lines = ["# Benchmark results", "", "The last run of each benchmark (`python -m benchmarks`):", ""]
    for path in sorted(RESULTS.glob("*.json")):
        result = json.loads(path.read_text())
        if path.with_suffix(".md").exists() and "title" in result:
            measured, took = result["machine"]["measured_at"], result["machine"]["wall_s"]
            lines.append(f"- [{result['title']}]({path.stem}.md): {measured}, {took:.0f} s")
    INDEX.write_text("\n".join(lines) + "\n")


def _processes() -> dict[int, tuple[int, int]]:
    """Every process's (parent, CPU ticks of itself and of its reaped children), from /proc."""
    found: dict[int, tuple[int, int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            found[int(entry)] = (int(fields[1]), sum(int(ticks) for ticks in fields[11:15]))
    return found


def _tree(root: int, processes: dict[int, tuple[int, int]] | None = None) -> list[int]:
    """`root` and all its descendants."""
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in (processes or _processes()).items():
        children.setdefault(parent, []).append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def tree_cpu_seconds(root: int) -> float:
    """CPU time used so far by `root` and its descendants, the exited ones included once reaped.

    Unlike wall time this hardly changes when other work shares the CPUs, so it backs up the
    noisy wall-clock medians on a busy machine.
    """
    processes = _processes()
    ticks = sum(processes[pid][1] for pid in _tree(root, processes) if pid in processes)
    return ticks / os.sysconf("SC_CLK_TCK")


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in kB; PSS shares each shared page among its users, so sums do not count it twice."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            fields = {line.split(":")[0]: int(line.split()[1]) for line in rollup if line.split()[-1] == "kB"}
        return fields.get("Rss", 0), fields.get("Pss", 0)
    except (OSError, ValueError, IndexError):
        return 0, 0


class MemorySampler:
    """Peak memory of a process tree, summed over its processes, sampled every `interval` seconds."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval = pid, interval
        self.peak_rss_kb = self.peak_pss_kb = self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = _tree(self.pid)
            sizes = [_memory_kb(pid) for pid in pids]
            self.peak_rss_kb = max(self.peak_rss_kb, sum(rss for rss, _ in sizes))
            self.peak_pss_kb = max(self.peak_pss_kb, sum(pss for _, pss in sizes))
            self.peak_processes = max(self.peak_processes, len(pids))
            self._stop.wait(self.interval)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def as_dict(self) -> dict[str, Any]:
        return {
            "peak_rss_mib": round(self.peak_rss_kb / 1024, 1),
            "peak_pss_mib": round(self.peak_pss_kb / 1024, 1),
            "peak_processes": self.peak_processes,
        }
