"""Benchmark `server`: `make serve`'s server under load from locust, closed loop, no think time.

    python -m benchmarks.server [--seconds 8] [--users 1 8 32]      (or: make bench BENCH_ARGS="--only server")

The server is `make serve`'s (`python -m mock_app.serve`, started by testkit/serving.py on a fresh copy of
a seeded database and a socket bound for it on 127.0.0.1), with the per-key ingestion limits lifted so that
the load measures capacity, not the limiter. It takes the /v2/messages runs and then the regenerate runs
(the POST and the page it redirects to) at each number of concurrent users: each user sends its next
request as soon as the last is answered (benchmarks/locustfile.py). Locust runs on the same cores as the
server, so these are numbers for this machine, not for a deployment. Peak memory is that of the server's
process tree over all runs. Writes benchmarks/results/server.json and server.md.
"""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, UNLIMITED, Measurement, MemorySampler, arguments, progress, table
from mock_app.seed import DEMO_ACCOUNT
from testkit.http_client import HttpSession
from testkit.rows import channel_page, channels_of
from testkit.serving import SeededDatabase, connect, seeded_servers

SCENARIOS = {"/v2/messages": "IngestUser", "regenerate": "RegenerateUser"}
USERS = (1, 8, 32)
TITLE = "The server under load"
SHOWS = (
    "Latency and throughput of `make serve`'s server under locust's closed-loop users, sending batches to"
    " /v2/messages or regenerating keys (POST + the page it redirects to), with the per-key limits lifted."
)


def rasa_channels(seeded: SeededDatabase) -> list[dict[str, str]]:
    """The demo account's Rasa channels (the load sends Rasa batches): each one's page and key."""
    with connect(seeded.path) as db:
        rows = channels_of(db, DEMO_ACCOUNT.email, "rasa")
    return [{"page": channel_page(row), "key": row["api_key"]} for row in rows]


def session_cookie(url: str) -> str:
    """The demo user's session cookie, logged in once through the login form; every locust user shares it."""
    person = HttpSession(url)
    person.log_in(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)
    return person.cookie.removeprefix("session=")


def locust(user_class: str, users: int, url: str, env: dict[str, str], seconds: int, prefix: Path) -> dict[str, Any]:
    command = [
        sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "locustfile.py"), user_class,
        "--headless", "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "-H", url,
        "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    with open(f"{prefix}.log", "w") as log:
        subprocess.run(command, env={**os.environ, **env}, cwd=ROOT, timeout=seconds + 60, stdout=log, stderr=log)
    name = "regenerate" if user_class == "RegenerateUser" else "/v2/messages"
    with open(f"{prefix}_stats.csv") as stats:
        row = next((row for row in csv.DictReader(stats) if row["Name"] == name), None)
    if row is None:
        raise RuntimeError(f"locust made no {name} requests; see its log:\n{Path(f'{prefix}.log').read_text()[-3000:]}")
    return {
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "p50_ms": float(row["50%"]),
        "p99_ms": float(row["99%"]),
        "requests_per_s": round(float(row["Requests/s"]), 1),
    }


def measure(seconds: int, users: list[int]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with seeded_servers() as servers, servers.serve(UNLIMITED) as server:
        assert server.process is not None
        env = {"BENCH_CHANNELS": json.dumps(rasa_channels(servers.seeded)), "BENCH_SESSION": session_cookie(server.url)}
        with MemorySampler(server.process.pid) as memory:
            for action, user_class in SCENARIOS.items():
                for count in users:
                    progress(f"server: {action}, {count} users, {seconds} s")
                    prefix = servers.folder / f"{user_class}-{count}"  # locust's CSV files and log
                    figures = locust(user_class, count, server.url, env, seconds, prefix)
                    rows.append({"action": action, "users": count, **figures})
    return rows, memory.as_dict()


def render(rows: list[dict[str, Any]], memory: dict[str, Any]) -> str:
    headers = ["Action", "Users", "p50 (ms)", "p99 (ms)", "Requests/s", "Failures", "Server's peak RSS (MiB)"]
    return table(headers, [
        [r["action"], r["users"], f"{r['p50_ms']:.0f}", f"{r['p99_ms']:.0f}", f"{r['requests_per_s']:.0f}",
         f"{r['failures']}/{r['requests']}", memory["peak_rss_mib"]]
        for r in rows
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = arguments(__doc__)
    parser.add_argument("--seconds", type=int, default=8, help="length of each locust run (default 8)")
    parser.add_argument("--users", type=int, nargs="+", default=list(USERS), help="concurrent users (default 1 8 32)")
    args = parser.parse_args(argv)
    measurement = Measurement("server", TITLE, SHOWS, argv)
    rows, memory = measure(args.seconds, args.users)
    return measurement.publish(rows, render(rows, memory), seconds_per_run=args.seconds, server_memory=memory)


if __name__ == "__main__":
    main()
