"""Shared helpers for the benchmarks: statistics, tables, JSON results and process memory."""

import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
OUTPUT = Path(os.environ.get("BENCH_OUTPUT", "/tmp/bench-results"))  # pytest-playwright wipes its --output


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentiles(seconds: Sequence[float]) -> dict[str, float]:
    """The median, 99th percentile and slowest of some durations, in milliseconds (NaN for none)."""
    ms = sorted(value * 1000 for value in seconds)
    if not ms:
        return {"p50_ms": float("nan"), "p99_ms": float("nan"), "max_ms": float("nan")}
    p99 = statistics.quantiles(ms, n=100, method="inclusive")[98] if len(ms) > 1 else ms[0]
    return {"p50_ms": round(statistics.median(ms), 1), "p99_ms": round(p99, 1), "max_ms": round(ms[-1], 1)}


def measured_under_load(
    at_start: dict[str, Any], rows: list[dict[str, Any]], rendered: str, **settings: Any
) -> dict[str, Any]:
    """A benchmark's result: the machine and its load at the start and the end (other work on this
    2-core machine moves the figures, so the load is part of them), its settings, rows and table."""
    end = os.getloadavg()[0]
    return {"machine": at_start, "load_average_1m_at_end": end, **settings, "rows": rows, "table": rendered}


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A Markdown table, so the same text reads well in a terminal and pastes into the README."""
    cells = [[str(cell) for cell in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |" for row in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the numbers were measured on; the load of other work on the machine is part of the story."""
    with open("/proc/meminfo") as meminfo:
        memory_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(memory_kb / 1024**2, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_1m": os.getloadavg()[0],
    }


def chromium_version(path: str) -> str:
    try:
        return subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        return f"Chromium at {path}"


def write_result(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), **data}, indent=2) + "\n")
    return path


def publish(name: str, title: str, result: dict[str, Any]) -> None:
    """Print a benchmark's table under its title and write its result to benchmarks/results/NAME.json."""
    print(f"\n{title}\n\n{result['table']}")
    print(f"\nwritten to {write_result(name, result)}")


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
