"""The app for tests and benchmarks: one seeded database copied per use, served in a thread or a process.

- `SeededDatabase.create(folder)` seeds once (hashing the demo passwords is the slow part) and remembers
  the secrets it was seeded with: an app on a copy must use the same ones, or the seeded keys and
  logins would not be its own.
- `serve_in_thread(seeded, folder)` serves an app on a copy with Werkzeug in this process, for the
  browser suite; `reset()` puts the seeded data back in milliseconds.
- `ProcessServer` runs `make serve`'s production server in a process of its own, for the tests and
  benchmarks that need real sockets, a kill or several processes; `seeded_servers()` seeds once and
  serves a fresh copy per run, for benchmarks that start many servers.

Both bind their port before serving (the thread's server binds port 0; the process inherits a socket
bound here), so there is no port race and no polling for readiness.
"""

import http.client
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

from mock_app import create_app
from mock_app.db import copy_database
from mock_app.keys import new_private_pem

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class SeededDatabase:
    """A database seeded with the demo data, and the secrets it was seeded with."""

    path: str
    secret: str  # signs sessions
    signing_key: str  # PEM of the Ed25519 key that signs API keys

    @classmethod
    def create(cls, folder: Path) -> "SeededDatabase":
        seeded = cls(str(folder / "seeded.sqlite"), secrets.token_hex(32), new_private_pem())
        create_app(seeded.config(seeded.path))  # creates and seeds the missing database
        return seeded

    def copy_to(self, target: Path) -> str:
        copy_database(self.path, str(target))
        return str(target)

    def config(self, database: str, **extra: Any) -> dict[str, Any]:
        """`create_app`'s mapping for an app on `database` (a copy of this one)."""
        return {"SECRET_KEY": self.secret, "API_KEY_SIGNING_KEY": self.signing_key, "DATABASE": database, **extra}

    def env(self, database: str) -> dict[str, str]:
        """The same as FLASK_* variables, for an app configured from the environment (`make serve`)."""
        return {f"FLASK_{key}": str(value) for key, value in self.config(database).items()}

    def app(self, folder: Path, **extra: Any) -> Flask:
        """An app on a fresh copy in `folder`."""
        return create_app(self.config(self.copy_to(folder / "app.sqlite"), **extra))


@contextmanager
def connect(database: str) -> Iterator[sqlite3.Connection]:
    """A connection to a served database, beside the server as another process would read it."""
    with closing(sqlite3.connect(database)) as connection:
        connection.row_factory = sqlite3.Row
        yield connection


def read(database: str, sql: str, *args: object) -> list[sqlite3.Row]:
    """Rows of a served database."""
    with connect(database) as connection:
        return connection.execute(sql, args).fetchall()


@dataclass(frozen=True)
class ThreadServer:
    """The app served in this process: its URL, its live database and the seeded copy it is reset from."""

    url: str
    database: str
    seeded: SeededDatabase

    def reset(self) -> None:
        copy_database(self.seeded.path, self.database)


RESPONSE = "testkit.serving.response"  # where the request's WSGI response waits, should the client hang up


def _remembering_responses(app: "WSGIApplication") -> "WSGIApplication":
    def remembered(environ: "WSGIEnvironment", start_response: "StartResponse") -> Iterable[bytes]:
        environ[RESPONSE] = response = app(environ, start_response)
        return response

    return remembered


class _ClosingHandler(WSGIRequestHandler):
    """Werkzeug's server skips closing a response whose client hung up mid-body (a browser context closed
    while the logo was on its way): close it here, or its open file would warn when collected."""

    def connection_dropped(self, error: BaseException, environ: "WSGIEnvironment | None" = None) -> None:
        close = getattr((environ or {}).get(RESPONSE), "close", None)
        if callable(close):
            close()


@contextmanager
def serve_in_thread(
    seeded: SeededDatabase, folder: Path, host: str = "127.0.0.1", prepare: Callable[[Flask], None] | None = None
) -> Iterator[ThreadServer]:
    """Serve an app on a copy of `seeded` in `folder`, on a free port of `host`, until the block ends.

    `prepare` may change the app before it serves, e.g. shadow a template to show a changed screen."""
    app = seeded.app(folder)
    if prepare:
        prepare(app)
    server = make_server(host, 0, _remembering_responses(app), threaded=True, request_handler=_ClosingHandler)
    thread = threading.Thread(target=server.serve_forever, name="mock-app", daemon=True)
    thread.start()
    try:
        yield ThreadServer(f"http://{_url_host(host)}:{server.port}", app.config["DATABASE"], seeded)
    finally:
        server.shutdown()
        thread.join()


def _url_host(host: str) -> str:
    """Where a client reaches a server bound to `host`: this machine's name when it listens everywhere."""
    if host in ("0.0.0.0", "::"):
        return socket.gethostname()
    return f"[{host}]" if ":" in host else host


STOP_TIMEOUT_S = 10
BACKLOG = 1024  # room for a load test's sockets while the server starts


def serve_command(fd: int) -> list[str]:
    """`make serve`'s server on the inherited socket `fd`, logging every request."""
    return [sys.executable, "-m", "mock_app.serve", "--fd", str(fd), "--log-level", "debug"]


@dataclass
class ProcessServer:
    """`make serve`'s server in a process of its own, on a listening socket bound here.

    The socket is handed to the server (`--fd`): a request made before the server is up waits in the
    backlog. Owning it also lets a test kill the server and start a new one on the same address."""

    database: str
    seeded: SeededDatabase
    log_path: Path
    env: dict[str, str] = field(default_factory=dict)  # more settings, as FLASK_* variables
    listener: socket.socket = field(init=False)
    process: subprocess.Popen[bytes] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=BACKLOG)
        self.listener.set_inheritable(True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def port(self) -> int:
        return int(self.listener.getsockname()[1])

    def start(self) -> "ProcessServer":
        fd = self.listener.fileno()
        env = {**os.environ, **self.seeded.env(self.database), **self.env}
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen(
                serve_command(fd),
                cwd=ROOT,
                env=env,
                pass_fds=(fd,),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so a kill reaches all it started
            )
        status = self._first_answer()
        if status != 200:
            raise RuntimeError(f"the server did not come up (GET /login: {status}):\n{self.log()}")
        return self

    def _first_answer(self) -> int:
        """GET /login; it waits in the backlog until the server is up."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request("GET", "/login")
            return connection.getresponse().status
        except OSError:
            return 0
        finally:
            connection.close()

    def kill(self) -> None:
        """SIGKILL the whole process group at once: no shutdown code runs."""
        if self.process is None:
            raise RuntimeError("the server is not running")
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=STOP_TIMEOUT_S)
        self.process = None

    def stop(self) -> None:
        if self.process is None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.kill()
        self.process = None

    def close(self) -> None:
        self.stop()
        self.listener.close()

    def read(self, sql: str, *args: object) -> list[sqlite3.Row]:
        return read(self.database, sql, *args)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@contextmanager
def serve_in_process(seeded: SeededDatabase, folder: Path, **options: Any) -> Iterator[ProcessServer]:
    """`make serve`'s server on a fresh copy of `seeded` in `folder`, stopped when the block ends."""
    server = ProcessServer(seeded.copy_to(folder / "live.sqlite"), seeded, folder / "server.log", **options)
    try:
        yield server.start()
    finally:
        server.close()


@dataclass
class Servers:
    """A database seeded once in a scratch folder, and `make serve`'s server on a fresh copy of it for each run."""

    folder: Path
    seeded: SeededDatabase
    runs: int = 0

    def serve(self, env: dict[str, str] | None = None) -> AbstractContextManager[ProcessServer]:
        """A server on a new copy in a folder of its own, with more FLASK_* settings in `env`."""
        self.runs += 1
        folder = self.folder / f"run-{self.runs}"  # each run's copy and server log apart
        folder.mkdir()
        return serve_in_process(self.seeded, folder, env=env or {})


@contextmanager
def seeded_servers() -> Iterator[Servers]:
    """Seed once (hashing the demo passwords is the slow part), serve copies, remove it all at the end."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        yield Servers(folder, SeededDatabase.create(folder))
