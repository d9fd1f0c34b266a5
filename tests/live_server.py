"""The mock app under gunicorn, configured as `make serve` runs it, on a listening socket the test owns.

The test binds the port and hands the socket to gunicorn (`fd://`), so there is no port race and
no readiness polling: a request made before the workers are up waits in the socket's backlog.
Owning the socket also lets a test kill the server and start a new one on the same address.
"""
import os
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.http_client import HttpSession
from tests.seed_copy import SeededDatabase

ROOT = Path(__file__).resolve().parents[1]
STOP_TIMEOUT_S = 10


@dataclass
class LiveServer:
    database: str
    seeded: SeededDatabase  # the secrets the database was seeded with
    log_path: Path
    workers: int = 3
    threads: int = 4
    listener: socket.socket = field(init=False)
    process: subprocess.Popen | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.listener.set_inheritable(True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def start(self) -> "LiveServer":
        fd = self.listener.fileno()
        command = [
            sys.executable, "-m", "gunicorn", "--config", "python:mock_app.gunicorn_conf",
            "--bind", f"fd://{fd}", "--workers", str(self.workers), "--threads", str(self.threads),
            "--log-level", "debug", "mock_app:create_app()",
        ]
        env = {**os.environ, **self.seeded.env(self.database)}
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, pass_fds=(fd,), stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so a kill reaches every worker
            )
        answer = HttpSession(self.url).get("/login")  # waits in the backlog until a worker is up
        assert answer.status == 200, f"server did not come up:\n{self.log()}"
        return self

    def kill(self) -> None:
        """SIGKILL the master and every worker at once: no shutdown code runs."""
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

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")
