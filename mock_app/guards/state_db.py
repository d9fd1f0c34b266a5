"""A second SQLite file for who is logged in and how often they knock: sessions and throttle counters.

Kept apart from the data (projects, channels, keys, messages) for two reasons. Its writes, one or
two per login or API call, never wait on the data's write lock, nor hold it, so a login flood
does not slow another account's regenerate. And resetting or copying the data (the browser
suite restores a seeded database before every test) leaves everyone logged in.

`SESSION_DATABASE` names the file; by default it sits beside `DATABASE` (`botanalytics.sqlite`
gets `botanalytics.sessions.sqlite`). It is made 0600 before SQLite opens it, and SQLite gives
its WAL and SHM files the same mode.
"""

import os
import sqlite3
from pathlib import Path

from flask import Flask, current_app, g

from ..db import connect
from .private_files import PRIVATE_FILE, create_private_file, make_private, private_folder

SCHEMA = """
-- `id` is the SHA-256 of the token in the cookie: the token itself is never stored.
-- `password_digest` is the SHA-256 of the password hash the session was opened under.
CREATE TABLE IF NOT EXISTS user_session (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL,
  password_digest TEXT NOT NULL,
  created_at REAL NOT NULL,
  last_seen_at REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS user_session_user ON user_session (user_id);

-- Fixed-window counters of the `limits` library (see throttle.py).
CREATE TABLE IF NOT EXISTS throttle_counter (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  expires_at REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS throttle_counter_expiry ON throttle_counter (expires_at);
"""


def path_for(app: Flask) -> str:
    configured = app.config.get("SESSION_DATABASE")
    if configured:
        return str(configured)
    data = Path(app.config["DATABASE"])
    return str(data.with_name(f"{data.stem}.sessions.sqlite"))


def _connect(path: str) -> sqlite3.Connection:
    db = connect(path)  # as the data's connections: autocommit, rows by name, the same busy timeout
    # Losing the last second of counters or logins to a power cut costs a login, not data:
    # skip the fsync on every commit (WAL still keeps the file consistent).
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def get_state_db() -> sqlite3.Connection:
    """This request's connection to the sessions file, in autocommit mode (each statement commits)."""
    if "state_db" not in g:
        g.state_db = _connect(current_app.config["SESSION_DATABASE"])
    connection: sqlite3.Connection = g.state_db
    return connection


def close_state_db(_error: BaseException | None = None) -> None:
    db = g.pop("state_db", None)
    if db is not None:
        db.close()


def _create(path: Path) -> None:
    private_folder(path.parent)
    try:
        os.close(create_private_file(path))
    except FileExistsError:
        pass  # another process made it first


def init_app(app: Flask) -> None:
    app.config["SESSION_DATABASE"] = path_for(app)
    app.teardown_appcontext(close_state_db)
    path = Path(app.config["SESSION_DATABASE"])
    if not path.exists():
        _create(path)
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        make_private(file, PRIVATE_FILE)  # in case someone else made them, or widened them since
    with app.app_context():
        db = get_state_db()
        db.execute("PRAGMA journal_mode = WAL")
        db.executescript(SCHEMA)
        close_state_db()
