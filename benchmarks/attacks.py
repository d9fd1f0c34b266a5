"""Benchmark: another account's regenerate alone and under each attack of one key holder or one host.

    python -m benchmarks.attacks [--seconds 10] [--timeout 10] [--only NAME]

Each attack gets a server of its own (`make serve`'s, on a fresh copy of a seeded database, on a
loopback socket bound for it). On that server the person (the other demo account, from 127.0.0.1)
regenerates its Integration channel's key for `--seconds`, each POST timed, first alone, then
while the attacker, from 127.0.0.2, sends:
- worst-case bodies: the demo account's key posting 62.5 KiB bodies of `[` * 33, `"` and `\\"`,
  16 every 10 s (as many as the per-key volume limit lets through), each on its own connection;
- 1,000 sockets: connected all at once, each trickling a header it never finishes;
- the login-form flood: six threads posting 1 MB login forms of 250,000 fields, with a form token.
A request unanswered after `--timeout` seconds counts as not answered, and as taking that long in
the percentiles: a frozen server costs at most that per request, and its figures are capped there.
Loopback only; each attack is bounded in count and time.
"""

import argparse
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from benchmarks.common import machine, measured_under_load, percentiles, progress, publish, table
from benchmarks.serving import Servers, integration_channel_page, seeded_servers
from mock_app.seed import DEMO_ACCOUNT, OTHER_ACCOUNT
from testkit import http_client
from testkit.attacks import abuse
from testkit.attacks.slow_clients import SlowClients
from testkit.rows import channels_of
from testkit.serving import ProcessServer, connect

PERSON, ATTACKER = "127.0.0.1", "127.0.0.2"
TITLE = "### Attacks: another account's regenerate, alone and under attack, on one server per attack"
WORST_CASE_BYTES = 64_000  # 62.5 KiB: 16 of them fit the default 1024 KiB per 10 s of one key
BODIES_PER_10_S = 16
SOCKETS = 1000
FORM_BYTES, FORM_THREADS = 1_000_000, 6
Attack = Callable[[ProcessServer], AbstractContextManager[Callable[[], str]]]  # entered: a summary of its answers


def _count(statuses: list[int | None]) -> str:
    names = {None: "no answer", abuse.RESET: "closed unanswered"}
    counts = {names.get(status, str(status)): statuses.count(status) for status in sorted(set(statuses), key=str)}
    return ", ".join(f"{status}: {count}" for status, count in counts.items())


def _demo_key(server: ProcessServer) -> str:
    with connect(server.database) as db:
        return str(channels_of(db, DEMO_ACCOUNT.email, "rasa")[0]["api_key"])


@contextmanager
def worst_case_bodies(server: ProcessServer) -> Iterator[Callable[[], str]]:
    """16 worst-case bodies every 10 s, each sent on time whether or not the last was answered."""
    body, key = abuse.worst_case_json(WORST_CASE_BYTES), _demo_key(server)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    stop, sent = threading.Event(), []

    def send() -> int | None:
        try:
            return abuse.ClientAt(server.url, ATTACKER).request("POST", "/v2/messages", body, headers).status
        except OSError:  # no answer within the timeout
            return None

    def pace(pool: ThreadPoolExecutor) -> None:
        deadline = time.monotonic() + abuse.DEADLINE_S
        while not stop.is_set() and time.monotonic() < deadline:
            sent.append(pool.submit(send))
            stop.wait(10 / BODIES_PER_10_S)  # the attack's pace, not a synchronisation

    with ThreadPoolExecutor(BODIES_PER_10_S * 2) as pool:
        pacer = threading.Thread(target=pace, args=(pool,), name="worst-case-bodies")
        pacer.start()
        try:
            yield lambda: _count([future.result() for future in sent])
        finally:
            stop.set()
            pacer.join()


@contextmanager
def many_sockets(server: ProcessServer) -> Iterator[Callable[[], str]]:
    with SlowClients("127.0.0.1", server.port, count=SOCKETS, sources=(ATTACKER,)) as attack:
        yield lambda: f"{attack.still_open} of {SOCKETS} held open"


@contextmanager
def form_flood(server: ProcessServer) -> Iterator[Callable[[], str]]:
    with abuse.form_flood(server.url, ATTACKER, abuse.field_bomb(FORM_BYTES), FORM_THREADS) as flood:
        yield lambda: _count(list(flood.statuses))


# Each attack, and the person's goal under it: every regenerate answered, p99 under this many ms.
ATTACKS: dict[str, tuple[Attack, float]] = {
    f"worst-case bodies, {BODIES_PER_10_S} per 10 s": (worst_case_bodies, 100),
    f"{SOCKETS} sockets from one address": (many_sockets, 200),
    f"login-form flood, {FORM_THREADS} threads": (form_flood, 100),
}


def _regenerate_for(person: abuse.ClientAt, path: str, seconds: float) -> dict[str, Any]:
    """Regenerations one after another for `seconds`, each timed; one that is not answered counts as
    the time until it was given up (`--timeout`), so its percentiles are a floor, capped there."""
    times, answered, started = list[float](), 0, time.monotonic()
    while not times or time.monotonic() - started < seconds:
        began = time.perf_counter()
        try:
            answered += person.post_form(f"{path}/regenerate", {}).status == 302
        except OSError:  # no answer in time, or the connection refused
            pass
        times.append(time.perf_counter() - began)
    return {"answered": answered, "sent": len(times), **percentiles(times)}


def measure(name: str, servers: Servers, seconds: float) -> list[dict[str, Any]]:
    attack, goal_ms = ATTACKS[name]
    with servers.serve() as server:
        path = integration_channel_page(server.database, OTHER_ACCOUNT)
        person = abuse.logged_in(server.url, PERSON, OTHER_ACCOUNT)
        progress(f"attacks: {name}: alone")
        alone = {"attack": name, "under_attack": False, **_regenerate_for(person, path, seconds), "answers": "-"}
        progress(f"attacks: {name}: under attack")
        with attack(server) as answers:
            under = {"attack": name, "under_attack": True, **_regenerate_for(person, path, seconds)}
        under["answers"] = answers()
    under["goal"] = f"all answered, p99 < {goal_ms:.0f} ms"
    under["goal_met"] = under["answered"] == under["sent"] and under["p99_ms"] < goal_ms
    return [alone, under]


def render(rows: list[dict[str, Any]]) -> str:
    headers = ["Attack", "Running", "Regenerate answered", "p50 (ms)", "p99 (ms)", "max (ms)", "Goal", "Met"]
    headers.append("Attacker's answers")
    return table(headers, [
        [r["attack"], "yes" if r["under_attack"] else "no (alone)", f"{r['answered']}/{r['sent']}", r["p50_ms"],
         r["p99_ms"], r["max_ms"], r.get("goal", ""), {True: "yes", False: "NO", None: ""}[r.get("goal_met")],
         r["answers"]]
        for r in rows
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="how long the person is measured, each way")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before a request counts as unanswered")
    parser.add_argument("--only", choices=list(ATTACKS), action="append", help="measure only these attacks")
    args = parser.parse_args(argv)
    http_client.TIMEOUT_S = args.timeout  # read on every request
    at_start, rows = machine(), []  # other work on this 2-core machine moves these figures
    with seeded_servers() as servers:
        for name in args.only or ATTACKS:
            rows += measure(name, servers, args.seconds)
    result = measured_under_load(at_start, rows, render(rows), seconds=args.seconds, timeout_s=args.timeout)
    publish("attacks", TITLE, result)
    return result


if __name__ == "__main__":
    main()
