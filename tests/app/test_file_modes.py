"""What the app keeps on disk is private whatever the umask: the instance folder 0700, every file 0600."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from mock_app import create_app
from mock_app.db import get_db
from testkit.serving import SeededDatabase

DATABASE = "botanalytics.sqlite"
FILES = ["secret_key", "api_key_signing_key.pem", DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm"]


@contextmanager
def umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


# Permissive (everything open), and odd (even the owner's write bit masked): explicit modes win over both.
UMASKS = {"umask-000": 0o000, "umask-277": 0o277}


@pytest.fixture(scope="module", params=list(UMASKS.values()), ids=list(UMASKS))
def instance(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An instance folder an app made from nothing under the umask, its database open (so it has its
    -wal and -shm files) while the tests look."""
    folder = tmp_path_factory.mktemp("umask") / "made" / "instance"
    with umask(request.param):
        app = create_app({}, instance_path=str(folder))  # secrets and database made in the instance folder
        context = app.app_context()
        context.push()
        get_db().execute("SELECT COUNT(*) FROM channel").fetchone()
    yield folder
    context.pop()


def test_instance_folder_and_the_folder_above_it_are_0700(instance: Path) -> None:
    assert (mode(instance), mode(instance.parent)) == (0o700, 0o700)


@pytest.mark.parametrize("name", FILES)
def test_the_secrets_and_the_database_files_are_0600(instance: Path, name: str) -> None:
    assert mode(instance / name) == 0o600


def test_nothing_in_the_instance_folder_is_open_to_others(instance: Path) -> None:
    """Whatever else the app keeps there (the sessions file, say) is private too."""
    assert {path.name: oct(mode(path)) for path in instance.iterdir() if mode(path) != 0o600} == {}


def test_a_database_left_readable_by_an_older_version_is_closed_up(
    seeded_database: SeededDatabase, tmp_path: Path
) -> None:
    database = seeded_database.copy_to(tmp_path / "old.sqlite")
    with closing(sqlite3.connect(database)) as reader:  # keeps -wal and -shm while the app starts
        reader.execute("PRAGMA journal_mode = WAL").fetchone()
        reader.execute("SELECT COUNT(*) FROM channel").fetchone()
        for path in (Path(database), Path(f"{database}-wal"), Path(f"{database}-shm")):
            path.chmod(0o644)

        create_app(seeded_database.config(database))

        assert [mode(Path(f"{database}{suffix}")) for suffix in ("", "-wal", "-shm")] == [0o600] * 3


def test_secrets_left_readable_by_an_older_version_are_closed_up(tmp_path: Path) -> None:
    folder = tmp_path / "instance"
    create_app({"DATABASE": str(tmp_path / "db.sqlite")}, instance_path=str(folder))
    folder.chmod(0o755)
    for name in ("secret_key", "api_key_signing_key.pem"):
        (folder / name).chmod(0o644)

    create_app({"DATABASE": str(tmp_path / "db.sqlite")}, instance_path=str(folder))

    modes = [mode(folder), mode(folder / "secret_key"), mode(folder / "api_key_signing_key.pem")]
    assert modes == [0o700, 0o600, 0o600]
