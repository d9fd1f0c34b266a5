"""`python -m testkit.flake_check`: the browser suite many times in a row, then again with every core busy.

Any failure is reported with its count and fails the check; it is a bug to fix at its
cause, so nothing here retries a test.
"""

import argparse
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import NamedTuple

BURN_LIMIT_S = 3 * 60 * 60  # a burner left behind by a killed parent still stops by itself


class Tally(NamedTuple):
    passed: int
    failed: int
    skipped: int


def _burn(stop: Event, parent: int) -> None:
    """Spin one core until told to stop, the parent is gone, or the time limit is reached."""
    deadline = time.monotonic() + BURN_LIMIT_S
    while not stop.is_set() and os.getppid() == parent and time.monotonic() < deadline:
        for _ in range(200_000):
            pass


@contextmanager
def busy_cores(count: int) -> Iterator[None]:
    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=_burn, args=(stop, os.getpid()), daemon=True) for _ in range(count)]
    for burner in burners:
        burner.start()
    try:
        yield
    finally:
        stop.set()
        for burner in burners:
            burner.join(timeout=10)
            if burner.is_alive():
                burner.kill()


def run_suite(runs: int, pytest_args: Sequence[str], report: Path) -> Tally:
    """Run the suite `runs` times over (pytest-repeat) and count the outcomes from its JUnit report."""
    output = tempfile.mkdtemp(prefix="flake-check-")  # pytest-playwright empties its output folder
    command = [
        sys.executable,
        "-m",
        "pytest",
        *pytest_args,
        "--count",
        str(runs),
        "-q",
        "-p",
        "no:cacheprovider",
        "--output",
        output,
        "--junitxml",
        str(report),
    ]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=False)
    root = ET.parse(report).getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    if suite is None:
        raise RuntimeError(f"{report} holds no test suite: did pytest run?")
    total, skipped = int(suite.get("tests", 0)), int(suite.get("skipped", 0))
    failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    return Tally(total - failed - skipped, failed, skipped)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="repetitions per phase (default 20)")
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 2, help="busy processes in phase two")
    options, pytest_args = parser.parse_known_args(argv)
    if not any(Path(arg.split("::")[0]).exists() for arg in pytest_args if not arg.startswith("-")):
        pytest_args = ["e2e", *pytest_args]  # options alone (say --base-url) still mean the browser suite
    folder = Path(tempfile.mkdtemp(prefix="flake-check-reports-"))

    quiet = run_suite(options.runs, pytest_args, folder / "quiet.xml")
    with busy_cores(options.cores):
        loaded = run_suite(options.runs, pytest_args, folder / "busy.xml")

    print(f"\nflake check, {options.runs} runs per phase:")
    print(f"  no extra load:       {quiet.passed} passed, {quiet.failed} failed, {quiet.skipped} skipped")
    print(
        f"  {options.cores} busy processes: {loaded.passed:>4} passed, {loaded.failed} failed, {loaded.skipped} skipped"
    )
    failed = quiet.failed + loaded.failed
    print("  FLAKY: see the failures above" if failed else "  0 failures")
    return 1 if failed or not (quiet.passed and loaded.passed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
