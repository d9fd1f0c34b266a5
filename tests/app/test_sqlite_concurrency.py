"""The database settings that let several workers share one SQLite file, and a safe first start."""

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from multiprocessing.synchronize import Barrier
from pathlib import Path

from flask import Flask

from mock_app import create_app
from mock_app.db import get_db
from mock_app.seed import CHANNEL_COUNT
from testkit.serving import connect

WORKERS = 4
_start_line: Barrier | None = None


def test_test_databases_copied_from_the_seed_are_in_wal_mode(app: Flask) -> None:
    """The live database is a backup of the seeded one; WAL must survive the copy."""
    with connect(app.config["DATABASE"]) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_request_connections_wait_for_the_write_lock_instead_of_failing(app: Flask) -> None:
    with app.app_context():
        assert get_db().execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def _wait_at_start_line(barrier: Barrier) -> None:
    global _start_line
    _start_line = barrier


def _start_worker(folder: str) -> tuple[str, int]:
    """One worker process booting the app on a database and a secret that do not exist yet."""
    assert _start_line is not None
    _start_line.wait(timeout=60)
    app = create_app({"DATABASE": f"{folder}/shared.sqlite"}, instance_path=f"{folder}/instance")
    with app.app_context():
        return app.config["SECRET_KEY"], get_db().execute("SELECT COUNT(*) FROM channel").fetchone()[0]


def test_workers_starting_together_share_one_secret_and_one_seeded_database(tmp_path: Path) -> None:
    context = get_context("spawn")
    barrier = context.Barrier(WORKERS)
    with ProcessPoolExecutor(WORKERS, mp_context=context, initializer=_wait_at_start_line, initargs=(barrier,)) as pool:
        started = list(pool.map(_start_worker, [str(tmp_path)] * WORKERS, timeout=120))

    secrets_seen = {secret for secret, _ in started}
    assert len(secrets_seen) == 1 and len(next(iter(secrets_seen))) == 64
    assert {channels for _, channels in started} == {CHANNEL_COUNT}
    no_drafts_left = ["instance", "shared.sessions.sqlite", "shared.sqlite"]  # the data, and sessions beside it
    # SQLite's own -wal and -shm files stay when the last two connections close at once: not drafts of ours.
    left = sorted(path.name for path in tmp_path.iterdir() if not path.name.endswith(("-wal", "-shm")))
    assert left == no_drafts_left
