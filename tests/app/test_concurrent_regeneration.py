"""Many confirmations of one channel at once, through `make serve`'s server: no lost update, one working key, no 5xx."""

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypedDict

import pytest

from mock_app.keys import fingerprint
from mock_app.seed import DEMO_ACCOUNT, OTHER_ACCOUNT
from testkit.attacks.regeneration_burst import Outcome, burst_in_processes, burst_in_threads
from testkit.http_client import HttpSession
from testkit.rows import api_key, channel_page, channels_of
from testkit.serving import ProcessServer, SeededDatabase, connect, serve_in_process

THREADS, ROUNDS = 8, 6  # 48 confirmations from one process
PROCESSES, THREADS_EACH, ROUNDS_EACH = 3, 4, 4  # 48 confirmations from three processes
INGESTION_THREADS, INGESTION_DEADLINE_S = 4, 120  # the load stops when the burst ends, or at the deadline


class Ingestion(TypedDict, total=False):
    """Statuses of the load's senders, and what the steady channel stored meanwhile."""

    steady: list[int]
    stormed: list[list[int]]
    steady_stored: list[int]


@dataclass
class Storm:
    """What one burst of confirmations left behind, for the tests below to examine."""

    channel_id: int
    channel_path: str
    initial_key: str
    outcomes: list[Outcome]
    expected: int  # how many confirmations the burst sent
    ingestion: Ingestion = field(default_factory=Ingestion)  # empty without a load


@pytest.fixture(scope="module")
def server(seeded_database: SeededDatabase, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProcessServer]:
    # The ingestion load below is a flood by design, about what answers say while keys change;
    # the per-key rate limit would turn it into 429s (tests/app/test_flood.py covers that limit).
    unlimited = {"FLASK_INGEST_RATE_LIMIT": "1000000 per second"}
    with serve_in_process(seeded_database, tmp_path_factory.mktemp("live"), env=unlimited) as server:
        yield server


def _demo_channel(server: ProcessServer, index: int) -> tuple[int, str, str]:
    """A Rasa channel of the demo account: the HTTP client's default batch is a Rasa batch."""
    with connect(server.database) as db:
        row = channels_of(db, DEMO_ACCOUNT.email, "rasa")[index]
    return row["id"], channel_page(row), row["api_key"]


def _send_until(stop: threading.Event, base_url: str, key: str) -> list[int]:
    session, statuses = HttpSession(base_url), []
    deadline = time.monotonic() + INGESTION_DEADLINE_S
    while not stop.is_set() and time.monotonic() < deadline:
        statuses.append(session.send_messages(key).status)
    return statuses


def _under_ingestion_load(
    server: ProcessServer, storm_key: str, burst: Callable[[], list[Outcome]]
) -> tuple[list[Outcome], Ingestion]:
    """Run the burst while other threads post messages: with another account's steady key, and
    with the stormed channel's first key, which stops working at the first confirmation."""
    with connect(server.database) as db:
        steady_id, _, steady_key, _ = channels_of(db, OTHER_ACCOUNT.email, "rasa")[0]
    count = "SELECT COUNT(*) FROM message WHERE channel_id = ?"
    stored_before = server.read(count, steady_id)[0][0]
    stop = threading.Event()
    with ThreadPoolExecutor(INGESTION_THREADS) as pool:
        steady = [pool.submit(_send_until, stop, server.url, steady_key) for _ in range(INGESTION_THREADS // 2)]
        stormed = [pool.submit(_send_until, stop, server.url, storm_key) for _ in range(INGESTION_THREADS // 2)]
        try:
            outcomes = burst()
        finally:
            stop.set()
        ingestion: Ingestion = {
            "steady": [status for future in steady for status in future.result()],
            "stormed": [future.result() for future in stormed],  # one list per sender, in order
            "steady_stored": [server.read(count, steady_id)[0][0] - stored_before],
        }
    return outcomes, ingestion


STORMS = {
    "threads": (0, False),
    "processes": (1, False),
    "threads-under-ingestion-load": (2, True),
    "processes-under-ingestion-load": (3, True),
}


@pytest.fixture(scope="module", params=list(STORMS.values()), ids=list(STORMS))
def storm(request: pytest.FixtureRequest, server: ProcessServer) -> Storm:
    """One burst per scenario, each on a channel of its own, examined by every test below."""
    index, with_load = request.param
    channel_id, path, initial_key = _demo_channel(server, index)
    in_threads = index % 2 == 0
    expected = THREADS * ROUNDS if in_threads else PROCESSES * THREADS_EACH * ROUNDS_EACH

    def burst() -> list[Outcome]:
        if in_threads:
            return burst_in_threads(server.url, DEMO_ACCOUNT, path, THREADS, ROUNDS)
        return burst_in_processes(server.url, DEMO_ACCOUNT, path, PROCESSES, THREADS_EACH, ROUNDS_EACH)

    if with_load:
        outcomes, ingestion = _under_ingestion_load(server, initial_key, burst)
        return Storm(channel_id, path, initial_key, outcomes, expected, ingestion)
    return Storm(channel_id, path, initial_key, burst(), expected)


def test_every_confirmation_is_answered_without_a_server_error(storm: Storm) -> None:
    statuses = [(o.confirm_status, o.page_status) for o in storm.outcomes]

    assert len(statuses) == storm.expected
    assert set(statuses) == {(302, 200)}, f"unexpected answers: {sorted(set(statuses))}"


def test_no_database_lock_reaches_a_person(storm: Storm, server: ProcessServer) -> None:
    shown_to_people = " ".join(o.bodies for o in storm.outcomes)

    assert "database is locked" not in shown_to_people and "OperationalError" not in shown_to_people
    assert "database is locked" not in server.log() and "Traceback" not in server.log()


def test_each_confirmation_is_audited_once_with_a_new_key(storm: Storm, server: ProcessServer) -> None:
    events = server.read("SELECT new_fingerprint FROM key_event WHERE channel_id = ?", storm.channel_id)

    assert len(events) == len(storm.outcomes)
    assert len({event["new_fingerprint"] for event in events}) == len(events)


def test_no_confirmation_lost_an_update(storm: Storm, server: ProcessServer) -> None:
    """Each record replaced exactly the key the previous one made: none was overwritten unseen."""
    events = server.read(
        "SELECT old_fingerprint, new_fingerprint FROM key_event WHERE channel_id = ? ORDER BY id", storm.channel_id
    )
    with connect(server.database) as db:
        current = api_key(db, storm.channel_id)

    chain = [fingerprint(storm.initial_key)] + [event["new_fingerprint"] for event in events]
    assert [event["old_fingerprint"] for event in events] == chain[:-1]
    assert chain[-1] == fingerprint(current)


def test_exactly_one_key_works_and_it_is_the_one_shown(storm: Storm, server: ProcessServer) -> None:
    session = HttpSession(server.url)
    session.log_in(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)
    shown_now = session.shown_key(storm.channel_path)
    every_key_seen = {storm.initial_key, shown_now, *(o.shown_key for o in storm.outcomes)}

    working = {key for key in every_key_seen if session.send_messages(key).status == 200}

    assert working == {shown_now}
    assert len(every_key_seen) > 1


UNDER_LOAD = [name for name in STORMS if name.endswith("load")]


@pytest.mark.parametrize("storm", [STORMS[name] for name in UNDER_LOAD], ids=UNDER_LOAD, indirect=True)
def test_ingestion_under_load_is_only_ever_accepted_or_refused(storm: Storm, server: ProcessServer) -> None:
    steady, stormed = storm.ingestion["steady"], storm.ingestion["stormed"]

    assert steady and set(steady) == {200}
    for statuses in stormed:  # the stormed channel's first key: accepted until replaced, then never again
        assert statuses and set(statuses) <= {200, 401} and statuses[-1] == 401
        assert 200 not in statuses[statuses.index(401) :], "a replaced key was accepted again"
    assert storm.ingestion["steady_stored"] == [len(steady)], "an accepted batch was not stored"


def test_server_log_never_contains_a_key(storm: Storm, server: ProcessServer) -> None:
    log = server.log()
    every_key_seen = {storm.initial_key, *(o.shown_key for o in storm.outcomes)}

    assert "/regenerate" in log and fingerprint(storm.outcomes[-1].shown_key) in log  # the log was written
    assert not [key for key in every_key_seen if key in log or key.rsplit(".", 1)[1] in log]
