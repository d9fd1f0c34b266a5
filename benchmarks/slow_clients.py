"""Benchmark: a normal user's regenerate with and without 200 slow clients trickling headers.

    python -m benchmarks.slow_clients [--sockets 200] [--regenerations 20] [--compare]

Each server starts on its own copy of a freshly seeded database, on a loopback socket bound for it
(testkit/serving.py). The normal user logs in and regenerates the key of the demo account's
Integration channel `--regenerations` times (each followed by the page it leads to), first alone,
then while `--sockets` sockets, from four other loopback addresses, each send one more byte of a
header they never finish every 0.1 s. A request with no answer within --timeout seconds counts as
not answered. `--compare` adds gunicorn's gthread workers (the server before) and its gevent
workers, where installed (`pip install -e '.[bench]'`).
"""

import argparse
import statistics
from typing import Any

from benchmarks.common import progress, publish, table
from benchmarks.serving import ServerCommand, Servers, gunicorn, installed, integration_channel_page, seeded_servers
from mock_app.seed import DEMO_ACCOUNT
from testkit import http_client
from testkit.attacks.slow_clients import SPREAD, SlowClients, Step, normal_user
from testkit.serving import serve_command

TITLE = "### Slow clients: a normal user's requests while sockets trickle partial headers"
# Each server, and the module it needs.
SERVERS: dict[str, tuple[ServerCommand, str]] = {
    "make serve (waitress, 12 threads)": (serve_command, "waitress"),
    "gunicorn gthread 3x4 (before)": (gunicorn("--worker-class", "gthread", "--threads", "4"), "gunicorn"),
    "gunicorn gevent 3 workers": (gunicorn("--worker-class", "gevent", "--worker-connections", "1000"), "gevent"),
}


def _figures(steps: list[Step]) -> dict[str, Any]:
    regenerate = sorted(step.seconds * 1000 for step in steps if step.name == "regenerate" and step.as_expected)
    return {
        "answered": sum(step.status is not None for step in steps),
        "as_expected": sum(step.as_expected for step in steps),
        "sent": len(steps),
        "regenerate_p50_ms": round(statistics.median(regenerate), 1) if regenerate else None,
        "regenerate_max_ms": round(regenerate[-1], 1) if regenerate else None,
    }


def measure_server(name: str, servers: Servers, sockets: int, regenerations: int) -> list[dict[str, Any]]:
    with servers.serve(SERVERS[name][0]) as server:
        channel = integration_channel_page(server.database, DEMO_ACCOUNT)
        progress(f"slow clients: {name}, no attack")
        alone = normal_user(server.url, DEMO_ACCOUNT, channel, regenerations)
        rows = [{"server": name, "slow_sockets": 0, "still_open": 0, **_figures(alone)}]
        progress(f"slow clients: {name}, {sockets} slow sockets")
        with SlowClients("127.0.0.1", server.port, count=sockets, sources=SPREAD) as attack:
            steps = normal_user(server.url, DEMO_ACCOUNT, channel, regenerations)
        rows.append({"server": name, "slow_sockets": sockets, "still_open": attack.still_open, **_figures(steps)})
    return rows


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
    with seeded_servers() as servers:
        for name in names:
            if not installed(SERVERS[name][1]):
                progress(f"slow clients: {name} skipped, {SERVERS[name][1]} is not installed")
                continue
            rows += measure_server(name, servers, args.sockets, args.regenerations)
    result = {"timeout_s": args.timeout, "regenerations": args.regenerations, "rows": rows, "table": render(rows)}
    publish("slow_clients", TITLE, result)
    return result


if __name__ == "__main__":
    main()
