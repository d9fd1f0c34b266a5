"""Reads of the demo data by name, for tests that check what the app stored."""

import sqlite3


def channel_row(db: sqlite3.Connection, project: str, name: str) -> sqlite3.Row:
    """The channel `name` of the project `project`, as stored."""
    row: sqlite3.Row = db.execute(
        "SELECT channel.* FROM channel JOIN project ON project.id = channel.project_id"
        " WHERE project.name = ? AND channel.name = ?",
        (project, name),
    ).fetchone()
    return row
