"""Benchmark 3: the app under load from locust, on Flask's development server and on `make serve`.

    python -m benchmarks.server_load --seconds 8

Each server starts on its own copy of a freshly seeded database, on a free port of 127.0.0.1,
and takes the /v2/messages runs and then the regenerate runs at 1, 8 and 32 concurrent users
(closed loop: each user sends its next request as soon as the last is answered). Locust runs
on the same two cores as the server, so these are numbers for this machine, not for a
deployment. Peak memory is the server's process tree (make and the server).
"""

import argparse
import csv
import http.cookiejar
import json
import os
import re
import secrets
import signal
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, MemorySampler, free_port, progress, table, wait_for_port, write_result
from mock_app import create_app
from mock_app.db import copy_database

VENV_BIN = Path(sys.executable).parent
SERVERS = {
    # `make run` with a free port instead of 5000.
    "flask run (dev)": lambda port: [str(VENV_BIN / "flask"), "--app", "mock_app", "run", "--port", str(port)],
    # `make serve` itself: waitress, through mock_app/serve.py.
    "make serve (waitress)": lambda port: ["make", "--no-print-directory", "serve", f"PORT={port}"],
}
SCENARIOS = {"/v2/messages": "IngestUser", "regenerate": "RegenerateUser"}
USERS = (1, 8, 32)
TITLE = "### Server under load: locust, closed loop, no think time (regenerate = POST + the page it redirects to)"


def seed(folder: Path) -> tuple[str, str, list[dict[str, str]]]:
    """A seeded database, its secret, and the demo account's Rasa channels (the load sends Rasa batches)."""
    secret, database = secrets.token_hex(32), str(folder / "seeded.sqlite")
    create_app({"SECRET_KEY": secret, "DATABASE": database})
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT project.id, channel.id, channel.api_key FROM channel"
            " JOIN project ON project.id = channel.project_id JOIN user ON user.account_id = project.account_id"
            " WHERE user.email = 'demo@botanalytics.test' AND channel.type = 'rasa' ORDER BY channel.id"
        ).fetchall()
    db.close()
    channels = [{"page": f"/projects/{p}/settings/channels/{c}", "key": key} for p, c, key in rows]
    return database, secret, channels


def log_in(url: str) -> str:
    """The session cookie of the demo user, logged in through the login form."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(f"{url}/login", timeout=30).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
    fields = {"email": "demo@botanalytics.test", "password": "botanalytics-demo", "csrf_token": token}
    opener.open(f"{url}/login", data=urllib.parse.urlencode(fields).encode(), timeout=30)
    return next(cookie.value for cookie in jar if cookie.name == "session")


def locust(user_class: str, users: int, url: str, env: dict[str, str], seconds: int, prefix: Path) -> dict:
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


def serve(name: str, database: str, secret: str, folder: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    # Raw capacity: the per-key ingestion limits would turn most of a closed-loop load into 429s.
    env = {
        **os.environ,
        "FLASK_DATABASE": database,
        "FLASK_SECRET_KEY": secret,
        "FLASK_INGEST_RATE_LIMIT": "1000000 per second",
        "FLASK_INGEST_KIB_LIMIT": "1000000000 per second",
    }
    log = open(folder / f"{name.split()[0]}-{port}.log", "w")
    # A session of its own, so stopping it stops make and the server together.
    process = subprocess.Popen(SERVERS[name](port), cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)
    wait_for_port(port, process)
    return process, f"http://127.0.0.1:{port}"


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def measure(seconds: int, users: tuple[int, ...]) -> tuple[list[dict[str, Any]], dict[str, dict]]:
    rows: list[dict[str, Any]] = []
    memory: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        seeded, secret, channels = seed(folder)
        for server in SERVERS:
            database = str(folder / f"{len(memory)}.sqlite")
            copy_database(seeded, database)
            process, url = serve(server, database, secret, folder)
            try:
                env = {"BENCH_CHANNELS": json.dumps(channels), "BENCH_SESSION": log_in(url)}
                with MemorySampler(process.pid) as sampler:
                    for action, user_class in SCENARIOS.items():
                        for count in users:
                            progress(f"server load: {server}, {action}, {count} users, {seconds} s")
                            prefix = folder / f"{user_class}-{count}"
                            result = locust(user_class, count, url, env, seconds, prefix)
                            rows.append({"server": server, "action": action, "users": count, **result})
                memory[server] = sampler.as_dict()
            finally:
                stop(process)
    return rows, memory


def render(rows: list[dict[str, Any]], memory: dict[str, dict]) -> str:
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
    print(f"\n{TITLE}\n\n{result['table']}")
    print(f"\nwritten to {write_result('server_load', result)}")
    return result


if __name__ == "__main__":
    main()
