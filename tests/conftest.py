"""App-level fixtures in the style of Flask's tutorial: a fresh app on a fresh database per test."""

import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from mock_app import create_app
from mock_app.keys import new_private_pem
from mock_app.seed import DEMO_DATA
from tests.http_client import TOKEN
from tests.seed_copy import SeededDatabase

DEMO, OTHER = ((entry.email, entry.password) for entry in DEMO_DATA)
# Every table a request could change; a refused request must leave all of them as they were.
STATE_TABLES = ("account", "user", "project", "channel", "key_event", "message")


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> SeededDatabase:
    """Seed once per session (hashing passwords is slow); each test gets a copy."""
    seeded = SeededDatabase(
        str(tmp_path_factory.mktemp("seed") / "seeded.sqlite"), secrets.token_hex(32), new_private_pem()
    )
    create_app(seeded.config(seeded.path))
    return seeded


@pytest.fixture
def app(seeded_database: SeededDatabase, tmp_path: Path) -> Flask:
    database = seeded_database.copy_to(tmp_path / "test.sqlite")
    return create_app(seeded_database.config(database, TESTING=True))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
    """The form token a page hands out, as a browser would read it."""
    match = TOKEN.search(client.get(path).get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match.group(1)


class AuthActions:
    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def login(self, email: str = DEMO[0], password: str = DEMO[1], **extra: str):
        form = {"email": email, "password": password, "csrf_token": csrf_token(self._client), **extra}
        return self._client.post("/login", data=form)

    def logout(self):
        return self._client.post("/logout", data={"csrf_token": csrf_token(self._client, "/")})


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)


def dump_state(db: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row of every table a request could change, to compare before and after."""
    return {table: [tuple(row) for row in db.execute(f"SELECT * FROM {table} ORDER BY id")] for table in STATE_TABLES}


@pytest.fixture
def db(app: Flask) -> Iterator:
    """A read connection to the test's database, for checking what the app stored."""
    connection = sqlite3.connect(app.config["DATABASE"])
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()
