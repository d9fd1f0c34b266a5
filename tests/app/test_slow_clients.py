"""Slow clients cannot stop `make serve`: sockets trickling a header, from several addresses or from one,
while a person regenerates a key."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from mock_app.seed import DEMO_ACCOUNT
from testkit import http_client
from testkit.attacks.slow_clients import SPREAD, SlowClients, normal_user
from testkit.serving import ProcessServer, SeededDatabase, serve_in_process

SLOW_SOCKETS = 200
ONE_HOSTS_SOCKETS, ONE_HOST = 1000, "127.0.0.6"  # the default CONNECTION_LIMIT, all from one address
REGENERATIONS = 3
CHANNEL = "/projects/2/settings/channels/5"  # Rasa of Botanalytics Chatbot
# A bound, not a verdict: a request unanswered by then counts as not answered, so a server that
# lets the attack through fails in seconds instead of hanging (regenerate takes ~5 ms alone).
UNANSWERED_AFTER_S = 10.0


@pytest.fixture
def server(seeded_database: SeededDatabase, tmp_path: Path) -> Iterator[ProcessServer]:
    with serve_in_process(seeded_database, tmp_path) as server:
        yield server


@pytest.fixture(autouse=True)
def unanswered_after(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(http_client, "TIMEOUT_S", UNANSWERED_AFTER_S)


def test_a_person_regenerates_while_200_slow_clients_trickle_headers(server: ProcessServer) -> None:
    port = server.listener.getsockname()[1]
    with SlowClients("127.0.0.1", port, count=SLOW_SOCKETS, sources=SPREAD) as attack:
        steps = normal_user(server.url, DEMO_ACCOUNT, CHANNEL, REGENERATIONS)
        held_open = attack.still_open  # read before leaving: the attack lasted the whole visit

    assert len(steps) == 3 + 2 * REGENERATIONS
    assert [(step.name, step.status, step.location) for step in steps if not step.as_expected] == []
    assert held_open == SLOW_SOCKETS, "the server dropped slow sockets, so this run did not test the attack"


def test_a_person_regenerates_while_one_address_opens_as_many_sockets_as_the_server_holds(
    server: ProcessServer,
) -> None:
    """Nothing capped connections per address: 1,000 from one host filled waitress's limit, and 0 of 4
    regenerations were answered in 40 s."""
    port = server.listener.getsockname()[1]
    with SlowClients("127.0.0.1", port, count=ONE_HOSTS_SOCKETS, sources=(ONE_HOST,)):
        steps = normal_user(server.url, DEMO_ACCOUNT, CHANNEL, 1)

    assert [(step.name, step.status, step.location) for step in steps if not step.as_expected] == []
