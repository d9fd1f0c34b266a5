"""SQLite access: one connection per request on `g`, the schema, and the `init-db` command."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

import click
from flask import Flask, current_app, g
from flask.cli import with_appcontext
from werkzeug.routing import IntegerConverter

from .guards.private_files import PRIVATE_FILE, create_private_file, make_private, publish_once

SQLITE_MAX_INT = 2**63 - 1


class RowIdConverter(IntegerConverter):
    """`<id:name>` in a route: a row id SQLite can hold, so a huge one is a 404, not an overflow."""

    def __init__(self, map: object, **kwargs: int) -> None:
        super().__init__(map, **{**kwargs, "max": SQLITE_MAX_INT})  # type: ignore[arg-type]


def connect(path: str) -> sqlite3.Connection:
    """Open the database in autocommit mode; writes use `write_transaction`."""
    db = sqlite3.connect(path, timeout=current_app.config["DB_BUSY_TIMEOUT"], isolation_level=None)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA foreign_keys = ON")
    return db


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    db: sqlite3.Connection = g.db  # `g` is untyped; only `connect` fills g.db
    return db


def close_db(_error: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


@contextmanager
def write_transaction() -> Iterator[sqlite3.Connection]:
    """Take the write lock up front so concurrent writers queue instead of failing mid-way."""
    db = get_db()
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def init_db() -> None:
    """Create the schema and load the demo data, replacing whatever was there."""
    from .seed import load_demo_data

    db = get_db()
    db.execute("PRAGMA journal_mode = WAL")
    with current_app.open_resource("schema.sql") as schema:
        # Flask annotates open_resource as IO[AnyStr], which mypy takes for text; "rb", the default, reads bytes.
        db.executescript(cast(bytes, schema.read()).decode())
    with write_transaction():
        load_demo_data(db)


def copy_database(source: str, target: str) -> None:
    """Replace `target`'s contents with `source`'s, safely even while `target` is in WAL mode."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        # The copy is a throwaway test database: skip its fsyncs, which made up most of a reset's time.
        # This connection only; the app's own connections keep SQLite's default durability.
        dst.execute("PRAGMA synchronous = OFF")
        src.backup(dst)
    src.close()
    dst.close()


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create the tables and load the demo accounts, projects and channels."""
    init_db()
    click.echo(f"Initialized the database at {current_app.config['DATABASE']}.")


def database_files(database: Path) -> list[Path]:
    """The database and the files SQLite keeps beside it in WAL mode."""
    return [database, Path(f"{database}-wal"), Path(f"{database}-shm")]


def _create_database(app: Flask) -> None:
    """Seed a draft and publish it, so workers starting together never see a half-made database.

    The draft is made 0600 before SQLite opens it: SQLite gives the -wal and -shm files the
    database's own mode, so all three stay private whatever the umask."""
    with publish_once(Path(app.config["DATABASE"])) as draft, app.app_context():
        os.close(create_private_file(draft))  # an empty file is an empty database to SQLite
        g.db = connect(str(draft))  # init_db works on the request connection; make it the draft
        init_db()
        g.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file before linking


def init_app(app: Flask) -> None:
    app.url_map.converters["id"] = RowIdConverter
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
    database = Path(app.config["DATABASE"])
    if not database.exists():
        _create_database(app)
    for path in database_files(database):  # also closes up a database an older version left readable
        make_private(path, PRIVATE_FILE)
