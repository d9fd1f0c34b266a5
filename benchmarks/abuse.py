"""Benchmark: another account's regenerate, and the owner's login, while someone abuses the server.

    python -m benchmarks.abuse [--seconds 10] [--threads 6] [--compare]

Each scenario starts `make serve`'s server on its own copy of a freshly seeded database, on a
loopback socket this script owns. The person (the other demo account, from 127.0.0.1) logs in and
regenerates a Rasa key for `--seconds`, each POST timed, while `--threads` clients abuse the
server from other loopback addresses until the person is done:
- one key posting the issue's flood, 1 MiB batches of `{}` (349,518 rows each before);
- one key posting batches the API accepts (100 messages of 1 KB), limits as configured, and
  with the per-key limits lifted, which leaves only the short write transactions to keep it fair;
- logins with random emails from one address, and from eight;
- wrong passwords for the owner's account, while the owner logs in from another address
  for `--seconds` (one login after another, each login POST timed).
`--compare` runs every scenario on gunicorn's gthread workers (3 x 4) too: several processes
sharing the counters. Loopback only; every flood is bounded (tests/abuse.py).
"""

import argparse
import functools
import os
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from benchmarks.common import machine, progress, table, write_result
from mock_app import create_app
from mock_app.keys import new_private_pem
from tests import abuse
from tests.live_server import LiveServer, serve_command
from tests.seed_copy import SeededDatabase

DEMO = ("demo@botanalytics.test", "botanalytics-demo")
OTHER = ("other@botanalytics.test", "botanalytics-other")
PERSON = "127.0.0.1"
OWNERS = [f"127.0.1.{n}" for n in range(1, 255)]  # addresses in 127.0.0.0/8: loopback too
ATTACKERS = [f"127.0.0.{n}" for n in range(2, 10)]
TITLE = "### Abuse: another account's regenerate, and the owner's login, under floods"
UNLIMITED = {"FLASK_INGEST_RATE_LIMIT": "1000000 per second", "FLASK_INGEST_KIB_LIMIT": "1000000000 per second"}


def _gunicorn(fd: int) -> list[str]:
    return [
        sys.executable, "-m", "gunicorn", "--bind", f"fd://{fd}", "--preload", "--workers", "3",
        "--worker-class", "gthread", "--threads", "4", "mock_app:create_app()",
    ]  # fmt: skip


SERVERS: dict[str, Callable[[int], list[str]]] = {
    "make serve (waitress)": serve_command,
    "gunicorn gthread 3x4": _gunicorn,
}


def _row(server: LiveServer, email: str, channel_type: str) -> sqlite3.Row:
    with closing(sqlite3.connect(server.database)) as db:
        db.row_factory = sqlite3.Row
        row: sqlite3.Row = db.execute(
            "SELECT channel.id, channel.project_id, channel.api_key FROM channel JOIN project ON project.id ="
            " channel.project_id JOIN user ON user.account_id = project.account_id WHERE user.email = ?"
            " AND channel.type = ? ORDER BY channel.id", (email, channel_type),
        ).fetchone()  # fmt: skip
    return row


def _percentiles(seconds: list[float]) -> dict[str, float]:
    ms = sorted(value * 1000 for value in seconds)
    p99 = statistics.quantiles(ms, n=100, method="inclusive")[98] if len(ms) > 1 else ms[0]
    return {"p50_ms": round(statistics.median(ms), 1), "p99_ms": round(p99, 1), "max_ms": round(ms[-1], 1)}


def _statuses(flood: abuse.Flood | None) -> str:
    if flood is None:
        return "-"
    counts = {status: flood.statuses.count(status) for status in sorted(set(flood.statuses))}
    return ", ".join(f"{status}: {count}" for status, count in counts.items())


@contextmanager
def _server(
    seeded: SeededDatabase, folder: Path, command: Callable[[int], list[str]], env: dict[str, str]
) -> Iterator[LiveServer]:
    database = seeded.copy_to(folder / f"{secrets.token_hex(4)}.sqlite")
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)  # LiveServer passes this process's environment to the server
    try:
        server = LiveServer(database, seeded, folder / f"{Path(database).stem}.log", command=command).start()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    try:
        yield server
    finally:
        server.close()


def _regenerate_under(
    server: LiveServer, flood: Callable[[LiveServer], abuse.Flood] | None, seconds: float
) -> dict[str, Any]:
    row = _row(server, OTHER[0], "rasa")
    person = abuse.logged_in(server.url, PERSON, OTHER)
    path = f"/projects/{row['project_id']}/settings/channels/{row['id']}"
    if flood is None:
        steps = list(abuse.regenerations(person, path, 1, seconds))
        attack = None
    else:
        with flood(server) as attack:
            steps = list(abuse.regenerations(person, path, 1, seconds))
    ok = [step.seconds for step in steps if step.status == 302]
    return {
        "measured": "regenerate (other account)",
        "ok": f"{len(ok)}/{len(steps)}",
        **_percentiles(ok),
        "flood_statuses": _statuses(attack),
    }


def _owner_logins_under(server: LiveServer, attack: bool, seconds: float, threads: int) -> dict[str, Any]:
    def logins() -> list[abuse.Timed]:
        """One login after another for `seconds`, each from its own address: a person logs in once,
        and a second login from the same address would spend that address's budget, not measure it."""
        steps: list[abuse.Timed] = []
        started = time.monotonic()
        while not steps or time.monotonic() - started < seconds:
            owner = abuse.ClientAt(server.url, OWNERS[len(steps) % len(OWNERS)])
            owner.open_login_form()
            steps.append(abuse.timed(functools.partial(owner.try_login, *DEMO)))
        return steps

    if attack:
        with abuse.guessing(server.url, ATTACKERS[0], DEMO[0], threads) as flood:
            steps = logins()
    else:
        flood, steps = None, logins()
    ok = [step.seconds for step in steps if step.status == 302]
    return {
        "measured": "owner's login",
        "ok": f"{len(ok)}/{len(steps)}",
        **_percentiles(ok),
        "flood_statuses": _statuses(flood),
    }


def scenarios(threads: int) -> dict[str, tuple[dict[str, str], Callable[[LiveServer], abuse.Flood] | None]]:
    def key_flood(body: bytes) -> Callable[[LiveServer], abuse.Flood]:
        return lambda server: abuse.key_flood(
            server.url, ATTACKERS[1], _row(server, DEMO[0], "amazon-alexa")["api_key"], body, threads
        )

    return {
        "alone": ({}, None),
        "one key, 1 MiB batches of {}": ({}, key_flood(abuse.empty_objects(1024 * 1024 - 64))),
        "one key, accepted 100 KB batches": ({}, key_flood(abuse.full_batch(100, 1000))),
        "one key, accepted 100 KB batches, per-key limits lifted": (UNLIMITED, key_flood(abuse.full_batch(100, 1000))),
        "random-email logins, one address": (
            {},
            lambda server: abuse.random_emails(server.url, ATTACKERS[:1], threads),
        ),
        "random-email logins, eight addresses": (
            {},
            lambda server: abuse.random_emails(server.url, ATTACKERS, max(threads, len(ATTACKERS))),
        ),
    }


def measure(name: str, seeded: SeededDatabase, folder: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    rows = []
    for scenario, (env, flood) in scenarios(args.threads).items():
        progress(f"abuse: {name}, {scenario}")
        with _server(seeded, folder, SERVERS[name], env) as server:
            rows.append({"server": name, "scenario": scenario, **_regenerate_under(server, flood, args.seconds)})
    for attack in (False, True):
        scenario = f"wrong passwords for the owner's account, {args.threads} clients" if attack else "alone"
        progress(f"abuse: {name}, owner's login, {scenario}")
        with _server(seeded, folder, SERVERS[name], {}) as server:
            rows.append(
                {
                    "server": name,
                    "scenario": scenario,
                    **_owner_logins_under(server, attack, args.seconds, args.threads),
                }
            )
    return rows


def render(rows: list[dict[str, Any]]) -> str:
    headers = ["Server", "Scenario", "Measured", "OK", "p50 (ms)", "p99 (ms)", "max (ms)", "Flood's answers"]
    return table(headers, [
        [r["server"], r["scenario"], r["measured"], r["ok"], r["p50_ms"], r["p99_ms"], r["max_ms"], r["flood_statuses"]]
        for r in rows
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="how long the person is measured per scenario")
    parser.add_argument("--threads", type=int, default=6, help="abusive clients per flood")
    parser.add_argument("--compare", action="store_true", help="also measure gunicorn's gthread workers")
    args = parser.parse_args(argv)
    names = list(SERVERS) if args.compare else list(SERVERS)[:1]
    rows: list[dict[str, Any]] = []
    at_start = machine()  # other work on this 2-core machine moves these figures: the load is part of them
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        seeded = SeededDatabase(str(folder / "seeded.sqlite"), secrets.token_hex(32), new_private_pem())
        create_app(seeded.config(seeded.path))
        for name in names:
            rows += measure(name, seeded, folder, args)
    result = {
        "machine": at_start,
        "load_average_1m_at_end": os.getloadavg()[0],
        "threads": args.threads,
        "seconds": args.seconds,
        "rows": rows,
        "table": render(rows),
    }
    print(f"\n{TITLE}\n\n{result['table']}")
    print(f"\nwritten to {write_result('abuse', result)}")
    return result


if __name__ == "__main__":
    main()
