"""The mock app under the production server, as `make serve` runs it, on a listening socket the test owns.

The test binds the port and hands the socket to the server (`--fd`), so there is no port race and
no readiness polling: a request made before the server is up waits in the socket's backlog.
Owning the socket also lets a test kill the server and start a new one on the same address.
"""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from tests.http_client import HttpSession
from tests.seed_copy import SeededDatabase

ROOT = Path(__file__).resolve().parents[1]
STOP_TIMEOUT_S = 10
BACKLOG = 1024  # room for a load test's sockets while the server starts


def serve_command(fd: int) -> list[str]:
    """`make serve`'s server on the inherited socket `fd`, logging every request."""
    return [sys.executable, "-m", "mock_app.serve", "--fd", str(fd), "--log-level", "debug"]


@dataclass
class LiveServer:
    database: str
    seeded: SeededDatabase  # the secrets the database was seeded with
    log_path: Path
    command: Callable[[int], list[str]] = serve_command  # a benchmark may compare another server
    listener: socket.socket = field(init=False)
    process: subprocess.Popen | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=BACKLOG)
        self.listener.set_inheritable(True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def start(self) -> "LiveServer":
        fd = self.listener.fileno()
        env = {**os.environ, **self.seeded.env(self.database)}
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen(
                self.command(fd),
                cwd=ROOT,
                env=env,
                pass_fds=(fd,),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so a kill reaches all it started
            )
        answer = HttpSession(self.url).get("/login")  # waits in the backlog until the server is up
        assert answer.status == 200, f"server did not come up:\n{self.log()}"
        return self

    def kill(self) -> None:
        """SIGKILL the whole process group at once: no shutdown code runs."""
        assert self.process is not None
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
        """Rows of the server's database, read beside it as another process would."""
        with closing(sqlite3.connect(self.database)) as connection:
            connection.row_factory = sqlite3.Row
            return connection.execute(sql, args).fetchall()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")
