"""Benchmark: a normal user's regenerate with and without 200 slow clients trickling headers.

    python -m benchmarks.slow_clients [--sockets 200] [--regenerations 20] [--compare]

Each server starts on its own copy of a freshly seeded database, on a loopback socket this script
owns. The normal user logs in and regenerates a key `--regenerations` times (each followed by the
page it leads to), first alone, then while `--sockets` sockets each send one more byte of a header
they never finish every 0.1 s. A request with no answer within --timeout seconds counts as not
answered. `--compare` adds gunicorn's gthread workers (the server before) and its gevent workers,
where installed (`pip install -e '.[bench]'`).
"""

import argparse
import importlib.util
import secrets
import sqlite3
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import progress, table, write_result
from mock_app import create_app
from mock_app.keys import new_private_pem
from tests import http_client
from tests.live_server import LiveServer, serve_command
from tests.seed_copy import SeededDatabase
from tests.slow_clients import SlowClients, Step, normal_user

DEMO = ("demo@botanalytics.test", "botanalytics-demo")
TITLE = "### Slow clients: a normal user's requests while sockets trickle partial headers"


def _gunicorn(*options: str) -> Callable[[int], list[str]]:
    def command(fd: int) -> list[str]:
        return [
            sys.executable, "-m", "gunicorn", "--bind", f"fd://{fd}", "--preload", "--workers", "3",
            "--access-logfile", "-", *options, "mock_app:create_app()",
        ]  # fmt: skip

    return command


SERVERS: dict[str, tuple[Callable[[int], list[str]], str]] = {
    "make serve (waitress, 12 threads)": (serve_command, "waitress"),
    "gunicorn gthread 3x4 (before)": (_gunicorn("--worker-class", "gthread", "--threads", "4"), "gunicorn"),
    "gunicorn gevent 3 workers": (_gunicorn("--worker-class", "gevent", "--worker-connections", "1000"), "gevent"),
}


def _channel_path(database: str) -> str:
    with sqlite3.connect(database) as db:
        project, channel = db.execute(
            "SELECT project.id, channel.id FROM channel JOIN project ON project.id = channel.project_id"
            " JOIN user ON user.account_id = project.account_id WHERE user.email = ? ORDER BY channel.id",
            (DEMO[0],),
        ).fetchone()
    db.close()
    return f"/projects/{project}/settings/channels/{channel}"


def _figures(steps: list[Step]) -> dict[str, Any]:
    regenerate = sorted(step.seconds * 1000 for step in steps if step.name == "regenerate" and step.as_expected)
    return {
        "answered": sum(step.status is not None for step in steps),
        "as_expected": sum(step.as_expected for step in steps),
        "sent": len(steps),
        "regenerate_p50_ms": round(statistics.median(regenerate), 1) if regenerate else None,
        "regenerate_max_ms": round(regenerate[-1], 1) if regenerate else None,
    }


def measure_server(name: str, seeded: SeededDatabase, folder: Path, sockets: int, regenerations: int) -> list[dict]:
    command, _ = SERVERS[name]
    database = seeded.copy_to(folder / f"{len(list(folder.glob('*.sqlite')))}.sqlite")
    server = LiveServer(database, seeded, folder / f"{name.split()[0]}.log", command=command).start()
    channel, port = _channel_path(database), server.listener.getsockname()[1]
    try:
        progress(f"slow clients: {name}, no attack")
        alone = normal_user(server.url, DEMO, channel, regenerations)
        rows = [{"server": name, "slow_sockets": 0, "still_open": 0, **_figures(alone)}]
        progress(f"slow clients: {name}, {sockets} slow sockets")
        with SlowClients("127.0.0.1", port, count=sockets) as attack:
            steps = normal_user(server.url, DEMO, channel, regenerations)
        rows.append({"server": name, "slow_sockets": sockets, "still_open": attack.still_open, **_figures(steps)})
        return rows
    finally:
        server.close()


def render(rows: list[dict[str, Any]]) -> str:
    headers = ["Server", "Slow sockets", "Answered", "As expected"]
    headers += ["Regenerate p50 (ms)", "Regenerate max (ms)", "Slow still open"]
    return table(headers, [
        [r["server"], r["slow_sockets"], f"{r['answered']}/{r['sent']}", f"{r['as_expected']}/{r['sent']}",
         r["regenerate_p50_ms"] if r["regenerate_p50_ms"] is not None else "-",
         r["regenerate_max_ms"] if r["regenerate_max_ms"] is not None else "-", r["still_open"]]
        for r in rows
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sockets", type=int, default=200, help="slow sockets during the attack")
    parser.add_argument("--regenerations", type=int, default=20, help="regenerations by the normal user per run")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before a request counts as unanswered")
    parser.add_argument("--compare", action="store_true", help="also measure gunicorn gthread and gevent workers")
    args = parser.parse_args(argv)
    http_client.TIMEOUT_S = args.timeout  # read on every request; nothing else runs here
    names = [name for name, (_, module) in SERVERS.items() if args.compare or module == "waitress"]
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        seeded = SeededDatabase(str(folder / "seeded.sqlite"), secrets.token_hex(32), new_private_pem())
        create_app(seeded.config(seeded.path))
        for name in names:
            if importlib.util.find_spec(SERVERS[name][1]) is None:
                progress(f"slow clients: {name} skipped, {SERVERS[name][1]} is not installed")
                continue
            rows += measure_server(name, seeded, folder, args.sockets, args.regenerations)
    result = {"timeout_s": args.timeout, "regenerations": args.regenerations, "rows": rows, "table": render(rows)}
    print(f"\n{TITLE}\n\n{result['table']}")
    print(f"\nwritten to {write_result('slow_clients', result)}")
    return result


if __name__ == "__main__":
    main()
