"""Server-side sessions: the cookie names a session, the server decides whether it is still alive.

Flask's signed cookie keeps only a random token (`sid`), next to Flask-WTF's form-token secret
and one-shot flash messages; never the user id. The server keeps the token's SHA-256, the user,
and when the session was opened and last used. A session ends:
- at logout (that session only), or when the user's password changes (all of them);
- after `SESSION_IDLE_SECONDS` without a request, or `SESSION_MAX_SECONDS` after login.
A copied cookie stops working at the same moment as the original.

Each session also remembers a digest of the password hash it was opened under, and is honoured
only while the user still has that hash (as Django does). So a password change ends every session
at the instant it commits, even one whose login was still checking the old password meanwhile;
deleting the rows is then only tidying up.
"""

import hashlib
import secrets
import sqlite3
import time

from flask import current_app

from ..db import get_db
from .state_db import get_state_db

# `last_seen_at` is written at most this often per session, so browsing is not a write per page;
# idle expiry is exact to within this.
TOUCH_EVERY_S = 60


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _expired(row: sqlite3.Row, now: float) -> bool:
    idle, lived = now - float(row["last_seen_at"]), now - float(row["created_at"])
    config = current_app.config
    return idle > float(config["SESSION_IDLE_SECONDS"]) or lived > float(config["SESSION_MAX_SECONDS"])


def start(user: sqlite3.Row) -> str:
    """Open a session for `user`; the token returned goes in the cookie and nowhere else."""
    token = secrets.token_urlsafe(32)
    now = time.time()
    db = get_state_db()
    config = current_app.config
    db.execute(  # tidy up: sessions nobody can use any more
        "DELETE FROM user_session WHERE last_seen_at < ? OR created_at < ?",
        (now - config["SESSION_IDLE_SECONDS"], now - config["SESSION_MAX_SECONDS"]),
    )
    db.execute(
        "INSERT INTO user_session (id, user_id, password_digest, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
        (_digest(token), user["id"], _digest(user["password_hash"]), now, now),
    )
    return token


def user_for(token: str) -> sqlite3.Row | None:
    """The user whose live session `token` names, or None; an expired or outdated session is ended."""
    db = get_state_db()
    row = db.execute("SELECT * FROM user_session WHERE id = ?", (_digest(token),)).fetchone()
    if row is None:
        return None
    now = time.time()
    user: sqlite3.Row | None = get_db().execute("SELECT * FROM user WHERE id = ?", (row["user_id"],)).fetchone()
    if _expired(row, now) or user is None or _digest(user["password_hash"]) != row["password_digest"]:
        db.execute("DELETE FROM user_session WHERE id = ?", (row["id"],))
        return None
    if now - row["last_seen_at"] > TOUCH_EVERY_S:
        db.execute("UPDATE user_session SET last_seen_at = ? WHERE id = ?", (now, row["id"]))
    return user


def end(token: str) -> None:
    get_state_db().execute("DELETE FROM user_session WHERE id = ?", (_digest(token),))


def end_all(user_id: int) -> int:
    """End every session of the user; how many there were."""
    return get_state_db().execute("DELETE FROM user_session WHERE user_id = ?", (user_id,)).rowcount
