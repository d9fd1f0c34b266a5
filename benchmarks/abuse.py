"""Benchmark: another account's regenerate, and the owner's login, while someone abuses the server.

    python -m benchmarks.abuse [--seconds 10] [--threads 6] [--compare]

Each scenario starts `make serve`'s server on its own copy of a freshly seeded database, on a
loopback socket bound for it (testkit/serving.py). The person (the other demo account, from
127.0.0.1) logs in and regenerates the key of its Integration channel for `--seconds`, each POST
timed, while `--threads` clients abuse the server from other loopback addresses until the person
is done:
- one key posting the issue's flood, 1 MiB batches of `{}` (349,518 rows each before);
- one key posting batches the API accepts (100 messages of 1 KB), limits as configured, and
  with the per-key limits lifted, which leaves only the short write transactions to keep it fair;
- logins with random emails from one address, and from eight;
- wrong passwords for the owner's account, while the owner logs in from another address
  for `--seconds` (one login after another, each login POST timed).
`--compare` runs every scenario on gunicorn's gthread workers (3 x 4) too: several processes
sharing the counters. Loopback only; every flood is bounded (testkit/attacks/abuse.py).
"""

import argparse
import functools
import time
from collections.abc import Callable
from typing import Any

from benchmarks.common import machine, measured_under_load, percentiles, progress, publish, table
from benchmarks.server_load import UNLIMITED
from benchmarks.serving import ServerCommand, Servers, gunicorn, integration_channel_page, seeded_servers
from mock_app.seed import DEMO_ACCOUNT, OTHER_ACCOUNT
from testkit.attacks import abuse
from testkit.rows import channels_of
from testkit.serving import ProcessServer, connect, serve_command

PERSON = "127.0.0.1"
OWNERS = [f"127.0.1.{n}" for n in range(1, 255)]  # addresses in 127.0.0.0/8: loopback too
ATTACKERS = [f"127.0.0.{n}" for n in range(2, 10)]
TITLE = "### Abuse: another account's regenerate, and the owner's login, under floods"
SERVERS: dict[str, ServerCommand] = {
    "make serve (waitress)": serve_command,
    "gunicorn gthread 3x4": gunicorn("--worker-class", "gthread", "--threads", "4"),
}
Attack = Callable[[ProcessServer], abuse.Flood]


def _statuses(flood: abuse.Flood | None) -> str:
    if flood is None:
        return "-"
    counts = {status: flood.statuses.count(status) for status in sorted(set(flood.statuses))}
    return ", ".join(f"{status}: {count}" for status, count in counts.items())


def _regenerate_under(server: ProcessServer, flood: Attack | None, seconds: float) -> dict[str, Any]:
    path = integration_channel_page(server.database, OTHER_ACCOUNT)
    person = abuse.logged_in(server.url, PERSON, OTHER_ACCOUNT)
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
        **percentiles(ok),
        "flood_statuses": _statuses(attack),
    }


def _owner_logins_under(server: ProcessServer, attack: bool, seconds: float, threads: int) -> dict[str, Any]:
    def logins() -> list[abuse.Timed]:
        """One login after another for `seconds`, each from its own address: a person logs in once,
        and a second login from the same address would spend that address's budget, not measure it."""
        steps: list[abuse.Timed] = []
        started = time.monotonic()
        while not steps or time.monotonic() - started < seconds:
            owner = abuse.ClientAt(server.url, OWNERS[len(steps) % len(OWNERS)])
            owner.open_login_form()
            steps.append(abuse.timed(functools.partial(owner.try_login, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)))
        return steps

    if attack:
        with abuse.guessing(server.url, ATTACKERS[0], DEMO_ACCOUNT.email, threads) as flood:
            steps = logins()
    else:
        flood, steps = None, logins()
    ok = [step.seconds for step in steps if step.status == 302]
    return {
        "measured": "owner's login",
        "ok": f"{len(ok)}/{len(steps)}",
        **percentiles(ok),
        "flood_statuses": _statuses(flood),
    }


def _alexa_key(server: ProcessServer) -> str:
    """A key of the demo account's Alexa channel: it takes the batches of `abuse.full_batch`."""
    with connect(server.database) as db:
        return str(channels_of(db, DEMO_ACCOUNT.email, "amazon-alexa")[0]["api_key"])


def scenarios(threads: int) -> dict[str, tuple[dict[str, str], Attack | None]]:
    def key_flood(body: bytes) -> Attack:
        return lambda server: abuse.key_flood(server.url, ATTACKERS[1], _alexa_key(server), body, threads)

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


def measure(name: str, servers: Servers, args: argparse.Namespace) -> list[dict[str, Any]]:
    rows = []
    for scenario, (env, flood) in scenarios(args.threads).items():
        progress(f"abuse: {name}, {scenario}")
        with servers.serve(SERVERS[name], env) as server:
            rows.append({"server": name, "scenario": scenario, **_regenerate_under(server, flood, args.seconds)})
    for attack in (False, True):
        scenario = f"wrong passwords for the owner's account, {args.threads} clients" if attack else "alone"
        progress(f"abuse: {name}, owner's login, {scenario}")
        with servers.serve(SERVERS[name]) as server:
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
    with seeded_servers() as servers:
        for name in names:
            rows += measure(name, servers, args)
    result = measured_under_load(at_start, rows, render(rows), threads=args.threads, seconds=args.seconds)
    publish("abuse", TITLE, result)
    return result


if __name__ == "__main__":
    main()
