"""The app served for a benchmark: one seeded database, a server on a fresh copy of it per run, and
the servers compared with `make serve`'s."""

import importlib.util
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

from mock_app.seed import DemoAccount
from testkit.rows import channel_page, channel_row
from testkit.serving import ProcessServer, SeededDatabase, connect, serve_command, serve_in_process

ServerCommand = Callable[[int], list[str]]  # the command line of a server on the inherited socket `fd`


def gunicorn(*options: str) -> ServerCommand:
    """gunicorn's 3 preloaded workers on the inherited socket, logging every request as `make serve` does."""

    def command(fd: int) -> list[str]:
        return [
            sys.executable, "-m", "gunicorn", "--bind", f"fd://{fd}", "--preload", "--workers", "3",
            "--access-logfile", "-", *options, "mock_app:create_app()",
        ]  # fmt: skip

    return command


def installed(module: str) -> bool:
    """Whether an optional server is there to measure (`pip install -e '.[bench]'`)."""
    return importlib.util.find_spec(module) is not None


def integration_channel_page(database: str, account: DemoAccount) -> str:
    """The settings page of `account`'s Integration channel, the one the how-to regenerates."""
    with connect(database) as db:
        return channel_page(channel_row(db, account.active_project, account.integration_channel))


@dataclass
class Servers:
    """A database seeded once in a scratch folder, and a server on a fresh copy of it for each run."""

    folder: Path
    seeded: SeededDatabase
    runs: int = 0

    def serve(
        self, command: ServerCommand = serve_command, env: dict[str, str] | None = None
    ) -> AbstractContextManager[ProcessServer]:
        """`command`'s server (by default `make serve`'s) on a new copy, with more FLASK_* settings in `env`."""
        self.runs += 1
        folder = self.folder / f"run-{self.runs}"  # each run's copy and server log apart
        folder.mkdir()
        return serve_in_process(self.seeded, folder, command=command, env=env or {})


@contextmanager
def seeded_servers() -> Iterator[Servers]:
    """Seed once (hashing the demo passwords is the slow part), serve copies, remove it all at the end."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        yield Servers(folder, SeededDatabase.create(folder))
