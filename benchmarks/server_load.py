"""Benchmark 3: the app under load from locust, on Flask's development server and on `make serve`.

    python -m benchmarks.server_load --seconds 8

Each server starts on its own copy of a freshly seeded database, on a socket bound for it on 127.0.0.1,
and takes the /v2/messages runs and then the regenerate runs at 1, 8 and 32 concurrent users
(closed loop: each user sends its next request as soon as the last is answered). Locust runs
on the same two cores as the server, so these are numbers for this machine, not for a
deployment. Peak memory is that of the server's process tree.
"""

import argparse
import csv
import http.cookiejar
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, MemorySampler, progress, publish, table
from benchmarks.serving import seeded_servers
from mock_app.seed import DEMO_ACCOUNT
from testkit.http_client import form_token
from testkit.rows import channel_page, channels_of
from testkit.serving import SeededDatabase, connect, serve_command

# Werkzeug's threaded server, the one `flask run` starts, on the socket bound for it.
DEV_SERVER = (
    "import sys; from werkzeug.serving import make_server; from mock_app import create_app; "
    "make_server('127.0.0.1', 0, create_app(), threaded=True, fd=int(sys.argv[1])).serve_forever()"
)
SERVERS = {
    "flask run (dev)": lambda fd: [sys.executable, "-c", DEV_SERVER, str(fd)],
    "make serve (waitress)": serve_command,
}
SCENARIOS = {"/v2/messages": "IngestUser", "regenerate": "RegenerateUser"}
USERS = (1, 8, 32)
TITLE = "### Server under load: locust, closed loop, no think time (regenerate = POST + the page it redirects to)"
# Raw capacity: the per-key ingestion limits would turn most of a closed-loop load into 429s.
UNLIMITED = {"FLASK_INGEST_RATE_LIMIT": "1000000 per second", "FLASK_INGEST_KIB_LIMIT": "1000000000 per second"}


def rasa_channels(seeded: SeededDatabase) -> list[dict[str, str]]:
    """The demo account's Rasa channels (the load sends Rasa batches): each one's page and key."""
    with connect(seeded.path) as db:
        rows = channels_of(db, DEMO_ACCOUNT.email, "rasa")
    return [{"page": channel_page(row), "key": row["api_key"]} for row in rows]


def log_in(url: str) -> str:
    """The session cookie of the demo user, logged in through the login form."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    token = form_token(opener.open(f"{url}/login", timeout=30).read().decode())
    fields = {"email": DEMO_ACCOUNT.email, "password": DEMO_ACCOUNT.password, "csrf_token": token}
    opener.open(f"{url}/login", data=urllib.parse.urlencode(fields).encode(), timeout=30)
    session = next((cookie.value for cookie in jar if cookie.name == "session"), None)
    if not session:
        raise RuntimeError(f"the demo user could not log in at {url}")
    return session


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


def measure(seconds: int, users: tuple[int, ...]) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    rows: list[dict[str, Any]] = []
    memory: dict[str, dict[str, Any]] = {}
    with seeded_servers() as servers:
        channels = rasa_channels(servers.seeded)
        for number, (server_name, command) in enumerate(SERVERS.items()):
            with servers.serve(command, UNLIMITED) as server:
                assert server.process is not None
                env = {"BENCH_CHANNELS": json.dumps(channels), "BENCH_SESSION": log_in(server.url)}
                with MemorySampler(server.process.pid) as sampler:
                    for action, user_class in SCENARIOS.items():
                        for count in users:
                            progress(f"server load: {server_name}, {action}, {count} users, {seconds} s")
                            prefix = servers.folder / f"{number}-{user_class}-{count}"
                            result = locust(user_class, count, server.url, env, seconds, prefix)
                            rows.append({"server": server_name, "action": action, "users": count, **result})
                memory[server_name] = sampler.as_dict()
    return rows, memory


def render(rows: list[dict[str, Any]], memory: dict[str, dict[str, Any]]) -> str:
    headers = ["Server", "Action", "Users", "p50 (ms)", "p99 (ms)", "Requests/s", "Failures", "Peak RSS (MiB)"]
    return table(headers, [
        [r["server"], r["action"], r["users"], f"{r['p50_ms']:.0f}", f"{r['p99_ms']:.0f}",
         f"{r['requests_per_s']:.0f}", f"{r['failures']}/{r['requests']}", memory[r["server"]]["peak_rss_mib"]]
        for r in rows
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8, help="length of each locust run")
    parser.add_argument("--users", type=int, nargs="+", default=list(USERS))
    args = parser.parse_args(argv)
    rows, memory = measure(args.seconds, tuple(args.users))
    result = {"seconds_per_run": args.seconds, "rows": rows, "server_memory": memory, "table": render(rows, memory)}
    publish("server_load", TITLE, result)
    return result


if __name__ == "__main__":
    main()
