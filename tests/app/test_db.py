"""The database: created and seeded on first start, and re-created by `init-db`."""

from pathlib import Path

from flask import Flask

from mock_app import create_app
from mock_app.seed import CHANNEL_COUNT, DEMO_DATA


def test_missing_database_is_created_and_seeded_on_first_start(tmp_path: Path) -> None:
    database = tmp_path / "fresh.sqlite"

    app = create_app({"SECRET_KEY": "x" * 32, "DATABASE": str(database)}, instance_path=str(tmp_path / "instance"))

    assert database.exists()
    with app.app_context():
        from mock_app.db import get_db

        emails = [row[0] for row in get_db().execute("SELECT email FROM user ORDER BY id")]
    assert emails == ["demo@botanalytics.test", "other@botanalytics.test"]


def test_init_db_command_resets_the_demo_data(app: Flask) -> None:
    with app.app_context():
        from mock_app.db import get_db

        get_db().execute("DELETE FROM channel WHERE id = 3")

    result = app.test_cli_runner().invoke(args=["init-db"])

    assert "Initialized the database" in result.output
    with app.app_context():
        assert get_db().execute("SELECT COUNT(*) FROM channel").fetchone()[0] == CHANNEL_COUNT


def test_demo_projects_and_channels_match_the_readme(app: Flask) -> None:
    with app.app_context():
        from mock_app.db import get_db

        rows = (
            get_db()
            .execute(
                "SELECT user.email, project.name, channel.name, channel.type FROM channel"
                " JOIN project ON project.id = channel.project_id JOIN user ON user.account_id = project.account_id"
                " ORDER BY channel.id"
            )
            .fetchall()
        )
    expected = [
        (account.email, project.name, channel.name, channel.type)
        for account in DEMO_DATA
        for project in account.projects
        for channel in project.channels
    ]
    assert [tuple(row) for row in rows] == expected
    assert ("demo@botanalytics.test", "Botanalytics Chatbot", "Rasa", "rasa") in expected
