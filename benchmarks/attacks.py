"""Benchmark `attacks`: a person's requests alone and under each attack, each attack on a server of its own.

    python -m benchmarks.attacks [--seconds 10] [--timeout 10] [--threads 6] [--only ATTACK ...]
                                 (`make attack` runs the attack tests first, then this; ATTACK_ARGS=...)

Each attack gets `make serve`'s server, started by testkit/serving.py on a fresh copy of a seeded database
and a loopback socket bound for it. On it a person makes one request after another for `--seconds`, each
timed, first alone, then as long again while the attack runs from other loopback addresses. The person is
the other demo account regenerating its Integration channel's key (from 127.0.0.1), or, under password
guessing, the demo account's owner logging in, each login from an address of its own (only the POST timed).
The attacks (testkit/attacks/):
- bodies: the demo account's key posting 62.5 KiB bodies of `[` * 33, `"` and `\\"`, 16 every 10 s (as many
  as the per-key volume limit lets through), each on its own connection, whether or not the last was answered;
- sockets: 1,000 sockets from one address, connected at once, each trickling a header it never finishes;
- slow-clients: 200 such sockets spread over four addresses;
- form-flood: `--threads` clients posting 1 MB login forms of 250,000 fields, with a form token;
- empty-batches, full-batches: one key posting 1 MiB batches of `{}`, or batches the API accepts (100
  messages of 1 KB) as fast as they are answered; full-batches-unlimited the same with the per-key limits
  lifted, which leaves only the short write transactions to keep it fair;
- random-emails, random-emails-8: logins with random emails from one address, and from eight;
- guessing: wrong passwords for the owner's account from one address, while the owner logs in.
A request unanswered after `--timeout` seconds counts as failed, and as taking that long in the percentiles:
a frozen server costs at most that per request, and its figures are capped there. Every attack is bounded in
count and time. Writes benchmarks/results/attacks.json and attacks.md.
"""

import functools
import itertools
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from benchmarks.common import UNLIMITED, Measurement, arguments, integration_channel_page, percentiles, progress, table
from mock_app.seed import DEMO_ACCOUNT, OTHER_ACCOUNT
from testkit import http_client
from testkit.attacks import abuse
from testkit.attacks.slow_clients import SPREAD, SlowClients
from testkit.rows import channels_of
from testkit.serving import ProcessServer, Servers, connect, seeded_servers

PERSON, ATTACKER = "127.0.0.1", "127.0.0.2"
OWNERS = [f"127.0.1.{n}" for n in range(1, 255)]  # one per login: a second would spend that address's budget
ATTACKERS = [f"127.0.0.{n}" for n in range(2, 10)]
WORST_CASE_BYTES = 64_000  # 62.5 KiB: 16 of them fit the default 1024 KiB per 10 s of one key
BODIES_PER_10_S = 16
TITLE = "Attacks on `make serve`"
Request = Callable[[], http_client.Answer]
Ready = Callable[[], Request]  # readies the person's next request (untimed) and gives it, to be timed
Start = Callable[[ProcessServer, int], AbstractContextManager[Callable[[], str]]]  # entered: its answers, counted


def _count(statuses: list[int | None]) -> str:
    names = {None: "no answer", abuse.RESET: "closed unanswered"}
    counts = {names.get(status, str(status)): statuses.count(status) for status in sorted(set(statuses), key=str)}
    return ", ".join(f"{status}: {count}" for status, count in counts.items())


def _key(server: ProcessServer, channel_type: str) -> str:
    """A key of the demo account's first channel of `channel_type`."""
    with connect(server.database) as db:
        return str(channels_of(db, DEMO_ACCOUNT.email, channel_type)[0]["api_key"])


# The attacks


@contextmanager
def worst_case_bodies(server: ProcessServer, _threads: int) -> Iterator[Callable[[], str]]:
    """16 worst-case bodies every 10 s, each sent on time whether or not the last was answered."""
    body, key = abuse.worst_case_json(WORST_CASE_BYTES), _key(server, "rasa")
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


def trickling(count: int, sources: tuple[str, ...]) -> Start:
    """`count` sockets from `sources`, each trickling a header it never finishes."""

    @contextmanager
    def start(server: ProcessServer, _threads: int) -> Iterator[Callable[[], str]]:
        with SlowClients("127.0.0.1", server.port, count=count, sources=sources) as attack:
            yield lambda: f"{attack.still_open} of {count} held open"

    return start


def flooding(flood: Callable[[ProcessServer, int], abuse.Flood]) -> Start:
    """A flood of `threads` clients (testkit/attacks/abuse.py), its answers counted once it has stopped."""

    @contextmanager
    def start(server: ProcessServer, threads: int) -> Iterator[Callable[[], str]]:
        with flood(server, threads) as running:
            yield lambda: _count(list(running.statuses))

    return start


def key_flood(body: bytes) -> Start:
    """The demo account's Alexa key (its channel takes `abuse.full_batch`'s messages) posting `body`."""
    return flooding(lambda server, threads: abuse.key_flood(server.url, ATTACKER, _key(server, "amazon-alexa"),
                                                            body, threads))  # fmt: skip


# The person


def regenerating(server: ProcessServer) -> Ready:
    """The other account, logged in, regenerating its Integration channel's key."""
    path = integration_channel_page(server.database, OTHER_ACCOUNT)
    person = abuse.logged_in(server.url, PERSON, OTHER_ACCOUNT)
    return lambda: functools.partial(person.post_form, f"{path}/regenerate", {})


def owner_logging_in(server: ProcessServer) -> Ready:
    """The demo account's owner logging in, each time from another address with a login form opened first."""
    addresses = itertools.cycle(OWNERS)

    def ready() -> Request:
        owner = abuse.ClientAt(server.url, next(addresses))
        owner.open_login_form()
        return functools.partial(owner.try_login, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)

    return ready


PERSONS: dict[str, Callable[[ProcessServer], Ready]] = {
    "regenerate (other account)": regenerating,
    "owner's login": owner_logging_in,
}


@dataclass(frozen=True)
class Attack:
    label: str
    start: Start
    goal_ms: float | None = None  # the person's p99 under it; every request succeeding is always part of the goal
    person: str = "regenerate (other account)"
    env: dict[str, str] = field(default_factory=dict)  # the server's settings, as FLASK_* variables

    @property
    def goal(self) -> str:
        return "all succeed" + (f", p99 < {self.goal_ms:.0f} ms" if self.goal_ms else "")


ATTACKS = {
    "bodies": Attack(f"worst-case bodies, {BODIES_PER_10_S} per 10 s", worst_case_bodies, 100),
    "sockets": Attack("1,000 sockets from one address", trickling(1000, (ATTACKER,)), 200),
    "slow-clients": Attack("200 slow sockets from four addresses", trickling(200, SPREAD)),
    "form-flood": Attack("1 MB login forms of 250,000 fields", flooding(
        lambda server, threads: abuse.form_flood(server.url, ATTACKER, abuse.field_bomb(1_000_000), threads)), 100),
    "empty-batches": Attack("one key, 1 MiB batches of {}", key_flood(abuse.empty_objects(1024 * 1024 - 64))),
    "full-batches": Attack("one key, accepted 100 KB batches", key_flood(abuse.full_batch(100, 1000))),
    "full-batches-unlimited": Attack("one key, accepted 100 KB batches, per-key limits lifted",
                                     key_flood(abuse.full_batch(100, 1000)), env=UNLIMITED),
    "random-emails": Attack("random-email logins, one address", flooding(
        lambda server, threads: abuse.random_emails(server.url, ATTACKERS[:1], threads))),
    "random-emails-8": Attack("random-email logins, eight addresses", flooding(
        lambda server, threads: abuse.random_emails(server.url, ATTACKERS, max(threads, len(ATTACKERS))))),
    "guessing": Attack("wrong passwords for the owner's account", flooding(
        lambda server, threads: abuse.guessing(server.url, ATTACKER, DEMO_ACCOUNT.email, threads)),
        person="owner's login"),
}  # fmt: skip


def _requests_for(seconds: float, ready: Ready) -> dict[str, Any]:
    """Requests one after another for `seconds`, each timed; one not answered in time counts as failed and as
    the time until it was given up (`--timeout`), so the percentiles are a floor, capped there."""
    times, succeeded, started = list[float](), 0, time.monotonic()
    while not times or time.monotonic() - started < seconds:
        began = time.perf_counter()
        try:
            request = ready()
            began = time.perf_counter()
            succeeded += request().status == 302  # a regenerate and a login both redirect
        except OSError:  # no answer in time, or the connection refused
            pass
        times.append(time.perf_counter() - began)
    return {"succeeded": succeeded, "sent": len(times), **percentiles(times)}


def measure(name: str, servers: Servers, seconds: float, threads: int) -> list[dict[str, Any]]:
    attack = ATTACKS[name]
    about = {"attack": name, "label": attack.label, "person": attack.person}
    with servers.serve(attack.env) as server:
        ready = PERSONS[attack.person](server)
        progress(f"attacks: {attack.label}: {attack.person}, alone, {seconds:g} s")
        alone = {**about, "under_attack": False, **_requests_for(seconds, ready), "answers": "-"}
        progress(f"attacks: {attack.label}: {attack.person}, under attack, {seconds:g} s")
        with attack.start(server, threads) as answers:
            under = {**about, "under_attack": True, **_requests_for(seconds, ready)}
        under["answers"] = answers()
    under["goal"] = attack.goal
    under["goal_met"] = under["succeeded"] == under["sent"] and under["p99_ms"] < (attack.goal_ms or float("inf"))
    return [alone, under]


def render(rows: list[dict[str, Any]]) -> str:
    headers = ["Attack", "Person", "Running", "Succeeded", "p50 (ms)", "p99 (ms)", "max (ms)", "Goal", "Met"]
    return table([*headers, "Attacker's answers"], [
        [r["label"], r["person"], "yes" if r["under_attack"] else "no (alone)", f"{r['succeeded']}/{r['sent']}",
         r["p50_ms"], r["p99_ms"], r["max_ms"], r.get("goal", ""),
         {True: "yes", False: "NO", None: ""}[r.get("goal_met")], r["answers"]]
        for r in rows
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = arguments(__doc__)
    parser.add_argument(
        "--seconds", type=float, default=10.0, help="the person's seconds, alone and under attack (default 10)"
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds until a request counts as unanswered (default 10)"
    )
    parser.add_argument("--threads", type=int, default=6, help="clients of each flood (default 6)")
    parser.add_argument("--only", choices=list(ATTACKS), action="append", help="measure only these attacks")
    args = parser.parse_args(argv)
    http_client.TIMEOUT_S = args.timeout  # read on every request
    shows = (
        f"A person's requests for {args.seconds:g} s alone, then under each attack from other loopback addresses"
        f" (floods of {args.threads} clients), each attack on a `make serve` of its own; a request unanswered"
        f" after {args.timeout:g} s counts as failed and as taking that long."
    )
    measurement, rows = Measurement("attacks", TITLE, shows, argv), []
    with seeded_servers() as servers:
        for name in args.only or ATTACKS:
            rows += measure(name, servers, args.seconds, args.threads)
    return measurement.publish(rows, render(rows), settings=vars(args))


if __name__ == "__main__":
    main()
