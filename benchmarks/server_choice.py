"""Benchmark: the production servers measured for `make serve`, under ordinary load and a login flood.

    python -m benchmarks.server_choice [--seconds 8]   (gunicorn and gevent: pip install -e '.[bench]')

For each server of benchmarks/slow_clients.py, on a fresh copy of a seeded database: 8 people
sharing one login regenerate a key in a closed loop (POST and the page it leads to), then 2 do
while 4 clients post logins with random emails and a wrong password. The load runs on the same
two cores as the server, so the figures compare servers on this machine, not a deployment.
The slow-client figures are benchmarks/slow_clients.py's.
"""

import argparse
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from typing import Any

from benchmarks.common import percentiles, progress, publish, table
from benchmarks.serving import Servers, installed, integration_channel_page, seeded_servers
from benchmarks.slow_clients import SERVERS
from mock_app.seed import DEMO_ACCOUNT
from testkit.attacks import abuse
from testkit.http_client import HttpSession

TITLE = "### Server choice: regenerate under 8 closed-loop users, and under a random-email login flood"
LOADS = {"8 regenerating": (8, 0), "2 regenerating + 4 flooding logins": (2, 4)}
PERSON = "127.0.0.1"  # the address of the people, and of the flood too
FLOOD_CAP = 1_000_000  # logins per flooding client: the end of the run stops it long before


def _regenerate_until(stop: threading.Event, lead: HttpSession, channel: str) -> list[tuple[bool, float]]:
    person, outcomes = HttpSession(f"http://{lead.host}:{lead.port}"), []
    person.cookie, person.token = lead.cookie, lead.token  # one login shared, as in the regeneration storm
    while not stop.is_set():
        started = time.perf_counter()
        confirm, page = person.post_form(f"{channel}/regenerate", {}), person.get(channel)
        outcomes.append(((confirm.status, page.status) == (302, 200), time.perf_counter() - started))
    return outcomes


def measure(name: str, load: str, servers: Servers, seconds: float) -> dict[str, Any]:
    regenerating, flooding = LOADS[load]
    with servers.serve(SERVERS[name][0]) as server:
        lead = abuse.logged_in(server.url, PERSON, DEMO_ACCOUNT)
        channel = integration_channel_page(server.database, DEMO_ACCOUNT)
        flood = abuse.random_emails(server.url, [PERSON], flooding, per_thread=FLOOD_CAP)
        stop = threading.Event()
        with ExitStack() as running:
            if flooding:
                running.enter_context(flood)
            with ThreadPoolExecutor(regenerating) as pool:
                people = [pool.submit(_regenerate_until, stop, lead, channel) for _ in range(regenerating)]
                stop.wait(seconds)  # the length of the run: a measurement window, not a synchronisation
                stop.set()
                outcomes = [outcome for future in people for outcome in future.result()]
    times = percentiles([took for _, took in outcomes])
    return {
        "server": name, "load": load, "regenerations_per_s": round(len(outcomes) / seconds, 1),
        "p50_ms": times["p50_ms"], "p99_ms": times["p99_ms"],
        "failed": sum(not ok for ok, _ in outcomes), "flood_logins": len(flood.statuses),
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
    with seeded_servers() as servers:
        for name, (_, module) in SERVERS.items():
            if not installed(module):
                progress(f"server choice: {name} skipped, {module} is not installed")
                continue
            for load in LOADS:
                progress(f"server choice: {name}, {load}, {args.seconds:g} s")
                rows.append(measure(name, load, servers, args.seconds))
    result = {"seconds_per_run": args.seconds, "rows": rows, "table": render(rows)}
    publish("server_choice", TITLE, result)
    return result


if __name__ == "__main__":
    main()
