"""Benchmark: the production servers measured for `make serve`, under ordinary load and a login flood.

    python -m benchmarks.server_choice [--seconds 8]   (gunicorn and gevent: pip install -e '.[bench]')

For each server of benchmarks/slow_clients.py, on a fresh copy of a seeded database: 8 people
sharing one login regenerate a key in a closed loop (POST and the page it leads to), then 2 do
while 4 clients post logins with random emails and a wrong password. The load runs on the same
two cores as the server, so the figures compare servers on this machine, not a deployment.
The slow-client figures are benchmarks/slow_clients.py's.
"""

import argparse
import importlib.util
import secrets
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.common import progress, table, write_result
from benchmarks.slow_clients import DEMO, SERVERS, _channel_path
from mock_app import create_app
from mock_app.keys import new_private_pem
from tests.http_client import TOKEN, HttpSession
from tests.live_server import LiveServer
from tests.seed_copy import SeededDatabase

TITLE = "### Server choice: regenerate under 8 closed-loop users, and under a random-email login flood"
LOADS = {"8 regenerating": (8, 0), "2 regenerating + 4 flooding logins": (2, 4)}


def _regenerate_until(stop: threading.Event, lead: HttpSession, channel: str) -> list[tuple[bool, float]]:
    person, outcomes = HttpSession(f"http://{lead.host}:{lead.port}"), []
    person.cookie, person.token = lead.cookie, lead.token  # one login shared, as in the regeneration storm
    while not stop.is_set():
        started = time.perf_counter()
        confirm, page = person.post_form(f"{channel}/regenerate", {}), person.get(channel)
        outcomes.append(((confirm.status, page.status) == (302, 200), (time.perf_counter() - started) * 1000))
    return outcomes


def _flood_until(stop: threading.Event, url: str) -> int:
    client, sent = HttpSession(url), 0
    client.token = TOKEN.search(client.get("/login").body).group(1)  # type: ignore[union-attr]
    while not stop.is_set():
        client.post_form("/login", {"email": f"{secrets.token_hex(6)}@flood.example", "password": "wrong"})
        sent += 1
    return sent


def measure(name: str, load: str, seeded: SeededDatabase, folder: Path, seconds: float) -> dict[str, Any]:
    regenerating, flooding = LOADS[load]
    database = seeded.copy_to(folder / f"{secrets.token_hex(4)}.sqlite")
    server = LiveServer(database, seeded, folder / "server.log", command=SERVERS[name][0]).start()
    stop = threading.Event()
    try:
        lead = HttpSession(server.url)
        lead.log_in(*DEMO)
        channel = _channel_path(database)
        with ThreadPoolExecutor(regenerating + flooding) as pool:
            people = [pool.submit(_regenerate_until, stop, lead, channel) for _ in range(regenerating)]
            floods = [pool.submit(_flood_until, stop, server.url) for _ in range(flooding)]
            stop.wait(seconds)  # the length of the run: a measurement window, not a synchronisation
            stop.set()
            outcomes = [outcome for future in people for outcome in future.result()]
            logins = sum(future.result() for future in floods)
    finally:
        stop.set()
        server.close()
    times = sorted(ms for _, ms in outcomes)
    return {
        "server": name, "load": load, "regenerations_per_s": round(len(times) / seconds, 1),
        "p50_ms": round(statistics.median(times), 1), "p99_ms": round(times[int(0.99 * (len(times) - 1))], 1),
        "failed": sum(not ok for ok, _ in outcomes), "flood_logins": logins,
    }  # fmt: skip


def render(rows: list[dict[str, Any]]) -> str:
    headers = ["Server", "Load", "Regenerate/s", "p50 (ms)", "p99 (ms)", "Failed", "Flood logins sent"]
    return table(headers, [
        [r["server"], r["load"], r["regenerations_per_s"], r["p50_ms"], r["p99_ms"], r["failed"], r["flood_logins"]]
        for r in rows
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each run")
    args = parser.parse_args(argv)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        seeded = SeededDatabase(str(folder / "seeded.sqlite"), secrets.token_hex(32), new_private_pem())
        create_app(seeded.config(seeded.path))
        for name, (_, module) in SERVERS.items():
            if importlib.util.find_spec(module) is None:
                progress(f"server choice: {name} skipped, {module} is not installed")
                continue
            for load in LOADS:
                progress(f"server choice: {name}, {load}, {args.seconds:g} s")
                rows.append(measure(name, load, seeded, folder, args.seconds))
    result = {"seconds_per_run": args.seconds, "rows": rows, "table": render(rows)}
    print(f"\n{TITLE}\n\n{result['table']}")
    print(f"\nwritten to {write_result('server_choice', result)}")
    return result


if __name__ == "__main__":
    main()
