"""The demo accounts, projects and channels that the README, the tests and QA people rely on.

The first account mirrors the product's own figures: five projects, the active one with four channels.
"""

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from werkzeug.security import generate_password_hash

from .keys import issue_key


@dataclass(frozen=True)
class DemoChannel:
    name: str
    type: str  # a key of CHANNEL_TYPES
    connected_ago: timedelta  # before the database was seeded


@dataclass(frozen=True)
class DemoProject:
    name: str
    color: str
    channels: tuple[DemoChannel, ...]


@dataclass(frozen=True)
class DemoAccount:
    account: str
    full_name: str
    email: str
    password: str
    projects: tuple[DemoProject, ...]
    active_project: str

    @property
    def integration_channel(self) -> str:
        """The active project's Rasa channel: the Integration channel the how-to's walk regenerates."""
        project = next(project for project in self.projects if project.name == self.active_project)
        return next(channel.name for channel in project.channels if channel.type == "rasa")


def _rasa(ago: timedelta = timedelta(days=2)) -> DemoChannel:
    return DemoChannel("Rasa", "rasa", ago)


DEMO_ACCOUNT = DemoAccount(
    account="Demo Inc.",
    full_name="Dana Avery",
    email="demo@botanalytics.test",
    password="botanalytics-demo",
    projects=(
        DemoProject(
            "Botanalytics Service Bot", "orange", (DemoChannel("Universal", "universal", timedelta(days=200)),)
        ),
        DemoProject(
            "Botanalytics Chatbot",
            "blue",
            (
                DemoChannel("Universal", "universal", timedelta(days=120)),
                DemoChannel("Samsung Bixby", "samsung-bixby", timedelta(days=90)),
                DemoChannel("Amazon Alexa", "amazon-alexa", timedelta(hours=18)),
                _rasa(),
            ),
        ),
        DemoProject("Botanalytics Customer Support Chatbot", "purple", (_rasa(timedelta(days=40)),)),
        DemoProject(
            "Botanalytics Support Bot",
            "yellow",
            (
                _rasa(timedelta(days=30)),
                DemoChannel("Microsoft Bot Framework", "microsoft-bot-framework", timedelta(days=25)),
            ),
        ),
        DemoProject("Botanalytics Virtual Assistant", "green", (_rasa(timedelta(days=10)),)),
    ),
    active_project="Botanalytics Chatbot",
)
OTHER_ACCOUNT = DemoAccount(
    account="Other Ltd.",
    full_name="Omar Okafor",
    email="other@botanalytics.test",
    password="botanalytics-other",
    projects=(DemoProject("Private Project", "teal", (_rasa(),)),),
    active_project="Private Project",
)
DEMO_DATA = (DEMO_ACCOUNT, OTHER_ACCOUNT)
CHANNEL_COUNT = sum(len(project.channels) for account in DEMO_DATA for project in account.projects)


def load_demo_data(db: sqlite3.Connection) -> None:
    """Insert the demo data, with connection times counted back from now."""
    now = datetime.now(timezone.utc)
    for entry in DEMO_DATA:
        account_id = db.execute("INSERT INTO account (name) VALUES (?)", (entry.account,)).lastrowid
        project_ids: dict[str, int] = {}
        for project in entry.projects:
            project_id = db.execute(
                "INSERT INTO project (account_id, name, color) VALUES (?, ?, ?)",
                (account_id, project.name, project.color),
            ).lastrowid
            assert project_id is not None
            project_ids[project.name] = project_id
            for channel in project.channels:
                connected_at = (now - channel.connected_ago).isoformat(timespec="seconds")
                # A key names its channel's id, which exists only once the row does.
                channel_id = db.execute(
                    "INSERT INTO channel (project_id, name, type, api_key, connected_at) VALUES (?, ?, ?, '', ?)",
                    (project_id, channel.name, channel.type, connected_at),
                ).lastrowid
                assert channel_id is not None
                db.execute(
                    "UPDATE channel SET api_key = ? WHERE id = ?", (issue_key(channel_id, channel.type), channel_id)
                )
        db.execute(
            "INSERT INTO user (account_id, email, full_name, password_hash, active_project_id) VALUES (?, ?, ?, ?, ?)",
            (
                account_id,
                entry.email,
                entry.full_name,
                generate_password_hash(entry.password),
                project_ids[entry.active_project],
            ),
        )
