"""Verify is decided under the write lock Regenerate takes: a key replaced meanwhile is the key it judges."""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from flask import Flask
from flask.testing import FlaskClient

from mock_app.db import write_transaction
from testkit.forms import AuthActions, csrf_token
from testkit.rows import api_key

CHATBOT, RASA = 2, 5  # ids in the demo data: a project and its Rasa channel
CHANNEL = f"/projects/{CHATBOT}/settings/channels/{RASA}"
BATCH = {"messages": [{"message": {"event": "user", "text": "hi", "timestamp": 1.0}}]}


def _integrated(db: sqlite3.Connection) -> int:
    value: int = db.execute("SELECT integrated FROM channel WHERE id = ?", (RASA,)).fetchone()[0]
    return value


@pytest.fixture
def regenerated_before_the_lock(app: Flask, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The first write transaction to begin waits, before taking the lock, for a Regenerate of the
    channel sent by another browser, in another thread, to be answered: the race's losing order."""
    other = app.test_client()
    AuthActions(other).login()
    token, statuses = csrf_token(other, "/projects"), list[int]()

    @contextmanager
    def after_a_regenerate() -> Iterator[sqlite3.Connection]:
        if not statuses:
            statuses.append(0)  # the regenerate's own transaction goes straight through
            regenerate = threading.Thread(
                target=lambda: statuses.append(
                    other.post(f"{CHANNEL}/regenerate", data={"csrf_token": token}).status_code
                )
            )
            regenerate.start()
            regenerate.join()
        with write_transaction() as db:
            yield db

    monkeypatch.setattr("mock_app.settings.write_transaction", after_a_regenerate)  # where Verify takes the lock
    return statuses


def test_a_key_regenerated_while_verify_runs_is_not_marked_integrated(
    client: FlaskClient, auth: AuthActions, db: sqlite3.Connection, regenerated_before_the_lock: list[int]
) -> None:
    """Verify read the key before taking the lock: 46 of 100 races marked a new key Integrated."""
    old_key = api_key(db, RASA)
    assert client.post("/v2/messages", json=BATCH, headers={"Authorization": f"Bearer {old_key}"}).status_code == 200
    auth.login()
    token = csrf_token(client, "/projects")

    response = client.post(f"{CHANNEL}/verify", data={"csrf_token": token})

    assert response.status_code == 302 and regenerated_before_the_lock == [0, 302]
    assert api_key(db, RASA) != old_key
    assert _integrated(db) == 0
