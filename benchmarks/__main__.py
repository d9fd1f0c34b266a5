"""Run the benchmarks one after another, each writing benchmarks/results/NAME.json and NAME.md.

    python -m benchmarks [--only NAME ...] [--runs 10] [--seconds 8]

floor: the suite's Method 1 / Method 2 test against a bare-Playwright floor (benchmarks/floor.py).
suite: the browser suite's parts, its parallel runs and the documentation check (benchmarks/suite.py).
server: `make serve`'s server under load from locust (benchmarks/server.py).
attacks: a person's requests alone and under each attack on `make serve` (benchmarks/attacks.py).
figure_likeness: SSIM of each of the mock's figures against the product's (benchmarks/figure_likeness.py).
By default the first three run, as `make bench` does (BENCH_ARGS=... adds these options); the attacks
run with `--only attacks`, or through `make attack`, which runs the attack tests first; the figures'
likeness with `--only figure_likeness`, after `make docs` has retaken the figures. Each module
also runs alone, with all its own options: `python -m benchmarks.NAME --help`.
"""

import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from benchmarks import attacks, figure_likeness, floor, server, suite
from benchmarks.common import INDEX, arguments, progress

DEFAULT = ("floor", "suite", "server")


def main() -> int:
    parser = arguments(__doc__)
    parser.add_argument(
        "--only",
        choices=[*DEFAULT, "attacks", "figure_likeness"],
        action="append",
        help="run only these (default: floor suite server)",
    )
    parser.add_argument("--runs", type=int, default=10, help="floor: timed runs per method and runner (default 10)")
    parser.add_argument(
        "--seconds", type=int, help="server: length of each locust run (default 8); attacks: each way (default 10)"
    )
    args = parser.parse_args()
    seconds = ["--seconds", str(args.seconds)] if args.seconds else []
    benchmarks: dict[str, tuple[Callable[[list[str]], dict[str, Any]], list[str]]] = {
        "floor": (floor.main, ["--runs", str(args.runs)]),
        "suite": (suite.main, []),
        "server": (server.main, seconds),
        "attacks": (attacks.main, seconds),
        "figure_likeness": (figure_likeness.main, []),
    }
    started, failed = time.monotonic(), []
    for name in args.only or DEFAULT:
        run, argv = benchmarks[name]
        progress(f"{name}: python -m benchmarks.{name} {' '.join(argv)}")
        try:
            run(argv)
        except Exception:  # one broken benchmark should not hide the others' numbers
            traceback.print_exc()
            failed.append(name)
    progress(f"done in {time.monotonic() - started:.0f} s; index of the tables in {INDEX}")
    if failed:
        progress(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
