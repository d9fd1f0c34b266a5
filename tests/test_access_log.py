"""The production server's access log names each request's path but never its query string."""

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.http_client import HttpSession
from tests.live_server import LiveServer
from tests.seed_copy import SeededDatabase


@pytest.fixture
def server(seeded_database: SeededDatabase, tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(seeded_database.copy_to(tmp_path / "live.sqlite"), seeded_database, tmp_path / "server.log")
    yield live.start()
    live.close()


def _a_live_key(database: str) -> str:
    with closing(sqlite3.connect(database)) as db:
        return db.execute("SELECT api_key FROM channel ORDER BY id").fetchone()[0]


@pytest.mark.parametrize("method, path", [("GET", "/no-such-page"), ("POST", "/v2/messages")])
def test_a_key_in_the_query_string_stays_out_of_the_log(server: LiveServer, method: str, path: str) -> None:
    key = _a_live_key(server.database)

    answer = HttpSession(server.url).request(method, f"{path}?key={key}&next=/", b"{}" if method == "POST" else None)

    log = server.log()  # the line is written before the answer is sent
    assert f'"{method} {path} HTTP/1.1" {answer.status}' in log  # the request was logged...
    assert key not in log and "key=" not in log  # ...without its query string
