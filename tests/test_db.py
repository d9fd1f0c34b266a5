"""The database: created and seeded on first start, and re-created by `init-db`."""
from pathlib import Path

from flask import Flask

from mock_app import create_app


def test_missing_database_is_created_and_seeded_on_first_start(tmp_path: Path) -> None:
    database = tmp_path / "fresh.sqlite"

    app = create_app({"SECRET_KEY": "x" * 32, "DATABASE": str(database)})

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
        assert get_db().execute("SELECT COUNT(*) FROM channel").fetchone()[0] == 6


def test_demo_projects_and_channels_match_the_readme(app: Flask) -> None:
    with app.app_context():
        from mock_app.db import get_db

        rows = get_db().execute(
            "SELECT user.email, project.name, channel.name, channel.type FROM channel"
            " JOIN project ON project.id = channel.project_id JOIN user ON user.account_id = project.account_id"
            " ORDER BY channel.id"
        ).fetchall()
    assert [tuple(row) for row in rows] == [
        ("demo@botanalytics.test", "Support Bot", "Rasa", "rasa"),
        ("demo@botanalytics.test", "Support Bot", "Microsoft Bot Framework", "microsoft-bot-framework"),
        ("demo@botanalytics.test", "Support Bot", "Facebook Messenger", "facebook-messenger"),
        ("demo@botanalytics.test", "Sales Assistant", "Rasa", "rasa"),
        ("demo@botanalytics.test", "Sales Assistant", "Universal", "universal"),
        ("other@botanalytics.test", "Private Project", "Rasa", "rasa"),
    ]
