"""The production server behind `make serve`: waitress, which reads every request whole before a thread sees it.

    python -m mock_app.serve --bind 127.0.0.1:8000

Waitress parses requests and writes answers in its own asynchronous front end, so a client that
trickles its header or reads its answer slowly holds a socket there, never one of the threads
that run the app. It buffers no more of a body than the app takes (`MAX_CONTENT_LENGTH`; a form,
`FORM_MAX_BYTES`): past that it answers 413 itself, before reading the body. It holds at most
`CONNECTION_LIMIT` connections, `CONNECTIONS_PER_ADDRESS` of them from one client address
(guards/front_end.py). The app is built once, before any thread serves, so the database and the
instance secrets are made a single time, and these settings are read from it (FLASK_* variables).
The access log names the path, never the query string: a key sent as `?key=...` must not land in
a log file.
"""

import argparse
import logging
import os
import resource
import socket
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

from . import create_app
from .guards import front_end

SPARE_FILES = 100  # beyond one per connection: the database, its WAL files, logs and the buffers of large bodies
# Percent-encode everything but plain path characters, so a path cannot forge a log line.
PATH_SAFE = "/:@!$&'()*+,;=-._~"

LOG_FORMAT = "[%(asctime)s] [%(process)d] [%(levelname)s] %(message)s"
access_log = logging.getLogger("mock_app.access")
WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class AccessLog:
    """One log line per request: client, method, path (no query string), status, duration."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started, status = time.perf_counter(), ["-"]

        def recording_start(status_line: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            status[0] = status_line.split(" ", 1)[0]
            return start_response(status_line, headers, exc_info)

        try:
            return self.app(environ, recording_start)
        finally:
            path = quote(environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", ""), safe=PATH_SAFE)
            access_log.info(
                '%s "%s %s %s" %s %.1fms', environ.get("REMOTE_ADDR", "-"), environ.get("REQUEST_METHOD", "-"),
                path, environ.get("SERVER_PROTOCOL", "-"), status[0], (time.perf_counter() - started) * 1000,
            )  # fmt: skip


def _allow_open_files(wanted: int) -> None:
    """Raise this process's open-file limit towards `wanted`, as far as the hard limit allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1:8000"), help="HOST:PORT to listen on")
    parser.add_argument("--fd", type=int, help="serve on this inherited listening socket instead of --bind")
    parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "12")), help="app threads")
    parser.add_argument("--log-level", default=os.environ.get("LOG_LEVEL", "info"))
    return parser.parse_args(argv)


def _listen(bind: str) -> socket.socket:
    """A socket listening on HOST:PORT (an IPv6 host in brackets)."""
    host, _, port = bind.rpartition(":")
    host = host.strip("[]")
    return socket.create_server((host, int(port)), family=socket.AF_INET6 if ":" in host else socket.AF_INET)


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    logging.basicConfig(stream=sys.stderr, level=args.log_level.upper(), format=LOG_FORMAT)
    app = create_app()  # the database and the secrets, made once before any thread serves
    listener = socket.socket(fileno=args.fd) if args.fd is not None else _listen(args.bind)
    # A slow client costs a socket in the front end, so allow many; each thread still serves one request.
    _allow_open_files(app.config["CONNECTION_LIMIT"] + SPARE_FILES)
    server = front_end.create_server(
        AccessLog(app), listener, app.config["CONNECTIONS_PER_ADDRESS"], app.config["FORM_MAX_BYTES"],
        threads=args.threads,
        connection_limit=app.config["CONNECTION_LIMIT"],
        # Bodies are buffered (to disk past 512 KiB) before the app sees them: no more than it takes.
        # Waitress refuses a body of this size or more, the app one over MAX_CONTENT_LENGTH: the same.
        max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 1,
        ident="botanalytics-mock",
        asyncore_use_poll=True,  # select() cannot watch a descriptor numbered 1024 or more
    )  # fmt: skip
    server.print_listen("Serving on http://{}:{}")
    server.run()


if __name__ == "__main__":
    main()
