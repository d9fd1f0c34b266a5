"""Reads of what the app stored: a channel by name, a key, an account's channels, every table."""

import sqlite3


def channel_row(db: sqlite3.Connection, project: str, name: str) -> sqlite3.Row:
    """The channel `name` of the project `project`, as stored."""
    row: sqlite3.Row = db.execute(
        "SELECT channel.* FROM channel JOIN project ON project.id = channel.project_id"
        " WHERE project.name = ? AND channel.name = ?",
        (project, name),
    ).fetchone()
    return row


def channel_page(channel: sqlite3.Row) -> str:
    """The settings page that opens a channel's row (a row with its id and project_id)."""
    return f"/projects/{channel['project_id']}/settings/channels/{channel['id']}"


def api_key(db: sqlite3.Connection, channel_id: int) -> str:
    """The key the channel `channel_id` has now."""
    key: str = db.execute("SELECT api_key FROM channel WHERE id = ?", (channel_id,)).fetchone()[0]
    return key


def channels_of(db: sqlite3.Connection, email: str, channel_type: str) -> list[sqlite3.Row]:
    """The channels of one type in the account of `email`, oldest first, with their project's id."""
    rows: list[sqlite3.Row] = db.execute(
        "SELECT channel.id, channel.project_id, channel.api_key, channel.name FROM channel"
        " JOIN project ON project.id = channel.project_id JOIN user ON user.account_id = project.account_id"
        " WHERE user.email = ? AND channel.type = ? ORDER BY channel.id",
        (email, channel_type),
    ).fetchall()
    return rows


# Every table a request could change; a refused request must leave all of them as they were.
STATE_TABLES = ("account", "user", "project", "channel", "key_event", "message")


State = dict[str, list[tuple[object, ...]]]


def dump_state(db: sqlite3.Connection) -> State:
    """Every row of every table a request could change, to compare before and after."""
    return {table: [tuple(row) for row in db.execute(f"SELECT * FROM {table} ORDER BY id")] for table in STATE_TABLES}
