"""Reads of projects and channels, always scoped to the logged-in user's account."""
import sqlite3

from flask import abort, g

from .channel_types import CHANNEL_TYPES
from .db import get_db


def projects() -> list[sqlite3.Row]:
    return get_db().execute(
        "SELECT * FROM project WHERE account_id = ? ORDER BY id", (g.user["account_id"],)
    ).fetchall()


def active_project() -> sqlite3.Row | None:
    return get_db().execute(
        "SELECT * FROM project WHERE id = ? AND account_id = ?",
        (g.user["active_project_id"], g.user["account_id"]),
    ).fetchone()


def project_or_404(project_id: int) -> sqlite3.Row:
    """Another account's project answers 404, exactly like one that does not exist."""
    project = get_db().execute(
        "SELECT * FROM project WHERE id = ? AND account_id = ?", (project_id, g.user["account_id"])
    ).fetchone()
    if project is None:
        abort(404)
    return project


def channels(project_id: int) -> list[dict]:
    rows = get_db().execute(
        "SELECT * FROM channel WHERE project_id = ? ORDER BY id", (project_id,)
    ).fetchall()
    return [{**row, "kind": CHANNEL_TYPES[row["type"]]} for row in rows]


def channel_or_404(project_id: int, channel_id: int) -> dict:
    for channel in channels(project_or_404(project_id)["id"]):
        if channel["id"] == channel_id:
            return channel
    abort(404)


def last_regeneration(channel_id: int) -> sqlite3.Row | None:
    return get_db().execute(
        "SELECT key_event.created_at, user.email FROM key_event JOIN user ON user.id = key_event.user_id"
        " WHERE channel_id = ? ORDER BY key_event.id DESC LIMIT 1",
        (channel_id,),
    ).fetchone()


def message_count(channel_id: int) -> int:
    return get_db().execute("SELECT COUNT(*) FROM message WHERE channel_id = ?", (channel_id,)).fetchone()[0]


def project_message_count(project_id: int) -> int:
    return get_db().execute(
        "SELECT COUNT(*) FROM message JOIN channel ON channel.id = message.channel_id WHERE project_id = ?",
        (project_id,),
    ).fetchone()[0]
