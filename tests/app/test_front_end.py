"""`make serve`'s front end: connections per address, the body it buffers, and framing, on real sockets."""

import http.client
import socket
from collections.abc import Iterator
from contextlib import ExitStack

import pytest

from testkit.http_client import HttpSession
from testkit.serving import ProcessServer, SeededDatabase, serve_in_process

PER_ADDRESS, ATTACKER = 2, "127.0.0.2"
MAX_CONTENT_LENGTH, FORM_MAX_BYTES = 1024 * 1024, 16 * 1024  # the defaults
TIMEOUT_S = 30.0  # a bound on a broken server, not a verdict: every answer below comes at once
GET_LOGIN = b"GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


@pytest.fixture(scope="module")
def server(seeded_database: SeededDatabase, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProcessServer]:
    cap = {"FLASK_CONNECTIONS_PER_ADDRESS": str(PER_ADDRESS)}
    with serve_in_process(seeded_database, tmp_path_factory.mktemp("front-end"), env=cap) as server:
        yield server


def _connect(server: ProcessServer, source: str = "127.0.0.1") -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), TIMEOUT_S, (source, 0))


def _answer(sock: socket.socket, method: str = "GET") -> http.client.HTTPResponse:
    response = http.client.HTTPResponse(sock, method=method)
    response.begin()
    response.read()
    return response


def test_a_connection_past_the_cap_of_its_address_is_closed_unread(server: ProcessServer) -> None:
    with ExitStack() as open_sockets:
        held = [open_sockets.enter_context(_connect(server, ATTACKER)) for _ in range(PER_ADDRESS)]
        one_more = open_sockets.enter_context(_connect(server, ATTACKER))

        closed = one_more.recv(1)  # accepted in turn after the others, and closed at once
        for sock in held:  # still open, and still served
            sock.sendall(GET_LOGIN)
        statuses = [_answer(sock).status for sock in held]
        elsewhere = HttpSession(server.url).get("/login").status  # another address is not capped

    assert closed == b""
    assert statuses == [200] * PER_ADDRESS and elsewhere == 200


def test_a_body_over_the_apps_limit_is_refused_before_it_is_read(server: ProcessServer) -> None:
    """Waitress buffered up to 8 MiB per connection before the app's 1 MiB check: 40 sockets held 337 MB."""
    with _connect(server) as sock:
        header = f"POST /v2/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {MAX_CONTENT_LENGTH + 1}\r\n\r\n"
        sock.sendall(header.encode())  # not a byte of the body: a server waiting for it never answers (TIMEOUT_S)

        status = _answer(sock, "POST").status

    assert status == 413


FORM = "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
FORMS_OVER_THE_LIMIT = {
    "with a length": f"{FORM}Content-Length: {FORM_MAX_BYTES + 1}\r\n\r\n".encode(),
    "chunked": f"{FORM}Transfer-Encoding: chunked\r\n\r\n{FORM_MAX_BYTES + 1:x}\r\n".encode()
    + b"a" * (FORM_MAX_BYTES + 1),
}


@pytest.mark.parametrize("request_start", FORMS_OVER_THE_LIMIT.values(), ids=FORMS_OVER_THE_LIMIT.keys())
def test_a_form_over_its_limit_is_refused_before_the_rest_is_read(server: ProcessServer, request_start: bytes) -> None:
    """The app refused it, but only once the front end had taken in up to 1 MiB of it: six threads
    posting 1 MB login forms made that the server's busiest work."""
    with _connect(server) as sock:
        # The body never ends: a server waiting for the rest never answers (TIMEOUT_S). Nor does the client close
        # its side first: its end of input, reaching a server that has answered and closed, would come back as a
        # reset that can overtake the answer.
        sock.sendall(request_start)

        status = _answer(sock, "POST").status

    assert status == 413


def test_a_body_as_large_as_the_app_takes_reaches_the_app(server: ProcessServer) -> None:
    body = b"x" * MAX_CONTENT_LENGTH
    answer = HttpSession(server.url).request("POST", "/v2/messages", body, {"Content-Type": "application/json"})

    assert answer.status == 401 and answer.headers["Content-Type"] == "application/json"  # the app's answer


def test_a_request_with_a_length_and_chunks_is_answered_then_closed(server: ProcessServer) -> None:
    """RFC 9112, section 6.3: read by its chunks, the server MUST then close the connection."""
    with _connect(server) as sock:
        sock.sendall(
            b"POST /v2/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
        )

        response = _answer(sock, "POST")
        assert response.status == 401 and response.getheader("Connection") == "close"

        assert sock.recv(1) == b""  # closed, not waiting for a next request
