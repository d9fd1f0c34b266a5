"""The production server's access log names each request's path but never its query string."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from testkit.http_client import HttpSession
from testkit.serving import ProcessServer, SeededDatabase, serve_in_process


@pytest.fixture
def server(seeded_database: SeededDatabase, tmp_path: Path) -> Iterator[ProcessServer]:
    with serve_in_process(seeded_database, tmp_path) as server:
        yield server


@pytest.mark.parametrize("method, path", [("GET", "/no-such-page"), ("POST", "/v2/messages")])
def test_a_key_in_the_query_string_stays_out_of_the_log(server: ProcessServer, method: str, path: str) -> None:
    key = str(server.read("SELECT api_key FROM channel ORDER BY id")[0]["api_key"])

    answer = HttpSession(server.url).request(method, f"{path}?key={key}&next=/", b"{}" if method == "POST" else None)

    log = server.log()  # the line is written before the answer is sent
    assert f'"{method} {path} HTTP/1.1" {answer.status}' in log  # the request was logged...
    assert key not in log and "key=" not in log  # ...without its query string
