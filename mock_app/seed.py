"""The demo accounts, projects and channels that the README, the tests and QA people rely on."""
import sqlite3

from werkzeug.security import generate_password_hash

from .keys import issue_key

DEMO_DATA = [
    {
        "account": "Demo Inc.",
        "email": "demo@botanalytics.test",
        "password": "botanalytics-demo",
        "projects": [
            ("Support Bot", [
                ("Rasa", "rasa"),
                ("Microsoft Bot Framework", "microsoft-bot-framework"),
                ("Facebook Messenger", "facebook-messenger"),
            ]),
            ("Sales Assistant", [("Rasa", "rasa"), ("Universal", "universal")]),
        ],
    },
    {
        "account": "Other Ltd.",
        "email": "other@botanalytics.test",
        "password": "botanalytics-other",
        "projects": [("Private Project", [("Rasa", "rasa")])],
    },
]


def load_demo_data(db: sqlite3.Connection) -> None:
    """Insert the demo data; the first project of each account is its user's active project."""
    for entry in DEMO_DATA:
        account_id = db.execute("INSERT INTO account (name) VALUES (?)", (entry["account"],)).lastrowid
        project_ids = []
        for project_name, channels in entry["projects"]:
            project_id = db.execute(
                "INSERT INTO project (account_id, name) VALUES (?, ?)", (account_id, project_name)
            ).lastrowid
            project_ids.append(project_id)
            for channel_name, channel_type in channels:
                # A key names its channel's id, which exists only once the row does.
                channel_id = db.execute(
                    "INSERT INTO channel (project_id, name, type, api_key) VALUES (?, ?, ?, '')",
                    (project_id, channel_name, channel_type),
                ).lastrowid
                db.execute(
                    "UPDATE channel SET api_key = ? WHERE id = ?",
                    (issue_key(channel_id, channel_type), channel_id),
                )
        db.execute(
            "INSERT INTO user (account_id, email, password_hash, active_project_id) VALUES (?, ?, ?, ?)",
            (account_id, entry["email"], generate_password_hash(entry["password"]), project_ids[0]),
        )
