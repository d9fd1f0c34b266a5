"""The documentation check's cost: reading a how-to, and checking both its methods against the check before it
read documents (hand-written steps and claims, at BASELINE), side by side in the same run.

`python -m benchmarks.docs_check [--runs N]`: the checks take turns, so that other work on the machine weighs
on both alike. Each check is `pytest e2e/test_how_to.py -m docs` in its own checkout, figures included, with
the same virtualenv, both comparing their figures with their committed ones; the time is pytest's own for
the test calls (`junit_duration_report=call`), and the whole process's wall time is given beside it.
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from benchmarks.common import OUTPUT, ROOT, median, progress, publish, table
from docs_check.ocr import engine
from docs_check.reading import read
from docs_check.session import DEFAULT_HOW_TO
from docs_check.update import every_figure

TITLE = "Documentation check: reading a how-to, and checking both methods against the hand-written check"
BASELINE = "8bb2903"  # the last commit whose check had its steps, claims and gaps written by hand
FIXTURES = ROOT / "e2e" / "how-tos"
SEED = ROOT.parent / "shared" / "seed" / "regenerate-api-key.txt"


def reading_ms(paths: list[Path], repeats: int) -> dict[str, float]:
    """Median milliseconds to read each document (parse and understand every sentence)."""
    times: dict[str, float] = {}
    for path in paths:
        samples = []
        for _ in range(repeats):
            started = time.perf_counter()
            read(path)
            samples.append((time.perf_counter() - started) * 1000)
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.relative_to(ROOT.parent)
        times[str(name)] = round(statistics.median(samples), 2)
    return times


def run_check(checkout: Path, extra: list[str], output: Path, must_pass: bool = True) -> dict[str, float]:
    """One run of the check in `checkout`: the test calls' seconds (pytest's own) and the process's wall time."""
    junit = output / "junit.xml"
    command = [sys.executable, "-m", "pytest", "e2e/test_how_to.py", "-m", "docs", "-q", "-p", "no:cacheprovider",
               "--tracing=off", "--output", str(output / "out"), "--junitxml", str(junit),
               "-o", "junit_duration_report=call", *extra]  # fmt: skip
    started = time.monotonic()
    finished = subprocess.run(command, cwd=checkout, capture_output=True, text=True, timeout=900)
    wall = time.monotonic() - started
    if finished.returncode != 0 and must_pass:
        raise RuntimeError(f"the check in {checkout} failed:\n{finished.stdout[-2000:]}")
    calls = sum(float(case.get("time", 0)) for case in ET.parse(junit).getroot().iter("testcase"))
    return {"calls_s": round(calls, 2), "wall_s": round(wall, 2)}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each check")
    parser.add_argument("--reads", type=int, default=50, help="reads of each document")
    args = parser.parse_args(argv)
    documents = [DEFAULT_HOW_TO, *sorted(FIXTURES.iterdir()), *([SEED] if SEED.exists() else [])]
    progress("docs check: reading each document")
    reads = reading_ms(documents, args.reads)
    runs: dict[str, list[dict[str, float]]] = {"read": [], "baseline": [], "read, seed": [], "read, judged": []}
    with tempfile.TemporaryDirectory() as folder:
        baseline = Path(folder) / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", str(baseline), BASELINE], cwd=ROOT, check=True,
                       capture_output=True)  # fmt: skip
        # Both checks compare their figures with their committed ones: the baseline's were taken by another
        # patch release of the browser, which it would take as a reason to skip comparing. Its figures may
        # then drift and its test fail; the walk and the comparisons are made all the same.
        shutil.copyfile(ROOT / "docs" / "figures" / "renderer.txt", baseline / "docs" / "figures" / "renderer.txt")
        try:
            for number in range(args.runs):
                progress(f"docs check: run {number + 1} of {args.runs}, each check in turn")
                runs["baseline"].append(run_check(baseline, [], OUTPUT / "docs-baseline", must_pass=False))
                runs["read"].append(run_check(ROOT, [], OUTPUT / "docs-read"))
                if SEED.exists():
                    runs["read, seed"].append(run_check(ROOT, ["--how-to", str(SEED)], OUTPUT / "docs-seed"))
                if engine():
                    judged = ["--how-to-assets", str(ROOT / "docs")]
                    runs["read, judged"].append(run_check(ROOT, judged, OUTPUT / "docs-judged"))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(baseline)], cwd=ROOT, check=False)
    summary = {name: {key: median([run[key] for run in done]) for key in ("calls_s", "wall_s")}
               for name, done in runs.items() if done}  # fmt: skip
    ratio = summary["read"]["calls_s"] / summary["baseline"]["calls_s"]
    rows = [[f"read `{name}`", f"{ms:.1f} ms", "parse and understand every sentence"] for name, ms in reads.items()]
    labels = {
        "baseline": f"hand-written check ({BASELINE}), both methods",
        "read": "check read from docs/regenerate-api-key.md, both methods",
        "read, seed": "check read from the published how-to (plain text), both methods",
        "read, judged": "the project's how-to with its own figures judged by OCR",
    }
    rows += [
        [
            labels[name],
            f"{times['calls_s']:.1f} s",
            f"median of {args.runs}; whole pytest process {times['wall_s']:.1f} s",
        ]
        for name, times in summary.items()
    ]
    rows.append(["read / hand-written", f"{ratio:.2f}x", "test calls, the same machine in turns (goal: at most 1.2x)"])
    if "read, judged" in summary:
        figures = len(every_figure(read(DEFAULT_HOW_TO)))
        each = (summary["read, judged"]["calls_s"] - summary["read"]["calls_s"]) / figures
        rows.append(
            ["judging one figure", f"{each * 1000:.0f} ms", f"the difference over {figures} figures, {engine()}"]
        )
    result = {"reads_ms": reads, "runs": runs, "summary": summary, "ratio": round(ratio, 3), "baseline": BASELINE}
    result["table"] = table(["What", "Time", "Notes"], rows)
    publish("docs_check", TITLE, result)
    return result


if __name__ == "__main__":
    main()
