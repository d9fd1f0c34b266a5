"""Reads of projects and channels, always scoped to the logged-in user's account."""

import sqlite3
from datetime import date, datetime, timedelta, timezone
from typing import Any

from flask import abort, g

from .channel_types import CHANNEL_TYPES
from .db import get_db


def projects() -> list[sqlite3.Row]:
    """The account's projects, starred ones first, as the Projects dashboard orders its tiles."""
    return (
        get_db()
        .execute("SELECT * FROM project WHERE account_id = ? ORDER BY starred DESC, id", (g.user["account_id"],))
        .fetchall()
    )


def active_project() -> sqlite3.Row | None:
    project: sqlite3.Row | None = (
        get_db()
        .execute(
            "SELECT * FROM project WHERE id = ? AND account_id = ?",
            (g.user["active_project_id"], g.user["account_id"]),
        )
        .fetchone()
    )
    return project


def project_or_404(project_id: int) -> sqlite3.Row:
    """Another account's project answers 404, exactly like one that does not exist."""
    project: sqlite3.Row | None = (
        get_db()
        .execute("SELECT * FROM project WHERE id = ? AND account_id = ?", (project_id, g.user["account_id"]))
        .fetchone()
    )
    if project is None:
        abort(404)
    return project


def channels(project_id: int) -> list[dict[str, Any]]:
    rows = get_db().execute("SELECT * FROM channel WHERE project_id = ? ORDER BY id", (project_id,)).fetchall()
    return [{**row, "kind": CHANNEL_TYPES[row["type"]]} for row in rows]


def channel_or_404(project_id: int, channel_id: int) -> dict[str, Any]:
    for channel in channels(project_or_404(project_id)["id"]):
        if channel["id"] == channel_id:
            return channel
    abort(404)


def has_message_with_current_key(channel_id: int, key_fingerprint: str) -> bool:
    exists: int = (
        get_db()
        .execute(
            "SELECT EXISTS (SELECT 1 FROM message WHERE channel_id = ? AND key_fingerprint = ?)",
            (channel_id, key_fingerprint),
        )
        .fetchone()[0]
    )
    return exists == 1


def last_week() -> list[date]:
    """The seven days the Overview's charts cover, ending today (UTC)."""
    today = datetime.now(timezone.utc).date()
    return [today - timedelta(days=back) for back in range(6, -1, -1)]


def message_volume(channel_ids: list[int], days: list[date]) -> tuple[dict[int, int], dict[date, int]]:
    """Messages received in `days` by the given channels: per channel, and per day."""
    if not channel_ids:
        return {}, {day: 0 for day in days}
    marks = ",".join("?" * len(channel_ids))
    rows = (
        get_db()
        .execute(
            f"SELECT channel_id, substr(received_at, 1, 10) AS day, COUNT(*) FROM message"
            f" WHERE channel_id IN ({marks}) AND received_at >= ? GROUP BY channel_id, day",
            (*channel_ids, days[0].isoformat()),
        )
        .fetchall()
    )
    per_channel: dict[int, int] = {}
    per_day = {day: 0 for day in days}
    for channel_id, day, count in rows:
        per_channel[channel_id] = per_channel.get(channel_id, 0) + count
        per_day[date.fromisoformat(day)] = per_day.get(date.fromisoformat(day), 0) + count
    return per_channel, per_day
