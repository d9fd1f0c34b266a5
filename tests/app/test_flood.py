"""Floods against the production server (`make serve`), from other loopback addresses, while a person
uses the app: bounded in count, asserted on statuses, never on times (benchmarks/attacks.py times them)."""

import http.client
import select
import socket
from collections.abc import Iterator

import pytest

from mock_app.seed import DEMO_ACCOUNT, OTHER_ACCOUNT
from testkit.attacks import abuse
from testkit.rows import channel_page, channels_of
from testkit.serving import ProcessServer, SeededDatabase, connect, serve_in_process

PERSON, ATTACKER, FLOODER = "127.0.0.1", "127.0.0.2", "127.0.0.3"
FAILURES_PER_MINUTE, ATTEMPTS_PER_ADDRESS = 5, 30  # the defaults: LOGIN_FAILURE_LIMITS, LOGIN_ADDRESS_LIMIT
# Each flood starts before the person's first request and sends all its requests (bounded: 400).
THREADS, PER_THREAD = 4, 100


@pytest.fixture(scope="module")
def server(seeded_database: SeededDatabase, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProcessServer]:
    with serve_in_process(seeded_database, tmp_path_factory.mktemp("flood")) as server:
        yield server


def _channel(server: ProcessServer, email: str, channel_type: str) -> tuple[str, str]:
    """The path and key of the account's first channel of that type."""
    with connect(server.database) as db:
        row = channels_of(db, email, channel_type)[0]
    return channel_page(row), row["api_key"]


def test_the_owner_logs_in_while_an_attacker_keeps_guessing_from_another_address(server: ProcessServer) -> None:
    with abuse.guessing(server.url, ATTACKER, DEMO_ACCOUNT.email, THREADS, per_thread=PER_THREAD) as attack:
        owner = [
            abuse.ClientAt(server.url, PERSON).log_in(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password).status
            for _ in range(3)
        ]  # asserts 302 too
        attack.wait()

    assert owner == [302, 302, 302]
    assert set(attack.statuses) == {401, 429}
    # Counted and checked in one step before hashing: parallel guesses cannot pass the check together.
    assert attack.statuses.count(401) == FAILURES_PER_MINUTE


def test_a_random_email_flood_costs_at_most_the_address_budget_while_another_account_regenerates(
    server: ProcessServer,
) -> None:
    path, _ = _channel(server, OTHER_ACCOUNT.email, "rasa")
    person = abuse.logged_in(server.url, PERSON, OTHER_ACCOUNT)

    with abuse.random_emails(server.url, [FLOODER], THREADS, per_thread=PER_THREAD) as flood:
        regenerated = [step.status for step in abuse.regenerations(person, path, 5)]
        flood.wait()

    assert regenerated == [302] * 5
    assert set(flood.statuses) == {401, 429}
    assert flood.statuses.count(401) <= ATTEMPTS_PER_ADDRESS  # counted before hashing, one statement each


def test_one_keys_flood_gets_429_while_another_account_regenerates(server: ProcessServer) -> None:
    _, key = _channel(server, DEMO_ACCOUNT.email, "amazon-alexa")
    path, _ = _channel(server, OTHER_ACCOUNT.email, "rasa")
    person = abuse.logged_in(server.url, PERSON, OTHER_ACCOUNT)
    stored_before = server.read("SELECT COUNT(*) FROM message")[0][0]

    with abuse.key_flood(server.url, FLOODER, key, abuse.full_batch(10, 100), THREADS, per_thread=PER_THREAD) as flood:
        regenerated = [step.status for step in abuse.regenerations(person, path, 5)]
        flood.wait()

    assert regenerated == [302] * 5
    assert set(flood.statuses) == {200, 429}
    stored = server.read("SELECT COUNT(*) FROM message")[0][0] - stored_before
    assert stored == 10 * flood.statuses.count(200)  # every accepted batch stored whole, no refused one


CHUNK = 64 * 1024  # a chunk of the body at a time, so that an early answer is seen between two


def test_a_chunked_body_over_the_limit_gets_413_from_the_production_server(server: ProcessServer) -> None:
    _, key = _channel(server, DEMO_ACCOUNT.email, "amazon-alexa")
    body = abuse.full_batch(1, 2 * 1024 * 1024)
    head = (
        f"POST /v2/messages HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {key}\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    with socket.create_connection(server.listener.getsockname(), timeout=30) as sock:
        sock.sendall(head.encode())
        for start in range(0, len(body), CHUNK):
            if select.select([sock], [], [], 0)[0]:
                break  # answered already: a client stops sending, as curl does, and reads the answer
            try:
                piece = body[start : start + CHUNK]
                sock.sendall(b"%x\r\n%b\r\n" % (len(piece), piece))
            except (BrokenPipeError, ConnectionResetError):
                break  # the server closed after answering; its answer came first and waits to be read
        answer = http.client.HTTPResponse(sock)
        answer.begin()
        status = answer.status

    assert status == 413  # from the front end, which buffers no more than the app would take
