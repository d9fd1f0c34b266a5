"""App-level fixtures in the style of Flask's tutorial: a fresh app on a fresh database per test.

The session's `seeded_database` comes from the root conftest; each test gets a copy of it.
"""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import settings

from testkit.forms import AuthActions
from testkit.serving import SeededDatabase, connect

# Generated inputs are judged by what they produce, never by how long a shared machine took over one.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")


@pytest.fixture
def app(seeded_database: SeededDatabase, tmp_path: Path) -> Flask:
    return seeded_database.app(tmp_path, TESTING=True)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)


@pytest.fixture
def db(app: Flask) -> Iterator[sqlite3.Connection]:
    """A read connection to the test's database, for checking what the app stored."""
    with connect(app.config["DATABASE"]) as connection:
        yield connection
