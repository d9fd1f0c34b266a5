"""Keys stay secret: never in a log line, compared in constant time; passwords stored only as hashes."""

import hmac
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.security import check_password_hash

from mock_app import keys
from mock_app.seed import DEMO_ACCOUNT
from testkit.http_client import HttpSession
from testkit.rows import channel_page, channel_row
from testkit.serving import SeededDatabase, ThreadServer, connect, serve_in_thread

CHANNEL = ("Botanalytics Chatbot", "Rasa")  # HttpSession's default batch is a valid Rasa batch


def _channel(db: sqlite3.Connection) -> sqlite3.Row:
    return channel_row(db, *CHANNEL)


@pytest.fixture
def served(seeded_database: SeededDatabase, tmp_path: Path) -> Iterator[ThreadServer]:
    """The app behind werkzeug's own server, whose request log is what `flask run` prints."""
    with serve_in_thread(seeded_database, tmp_path) as server:
        yield server


def test_keys_never_reach_the_logs(served: ThreadServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with connect(served.database) as db:
        channel = _channel(db)
    person = HttpSession(served.url)
    person.log_in(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)

    person.post_form(f"{channel_page(channel)}/regenerate", {})
    with connect(served.database) as db:
        old_key, new_key = channel["api_key"], _channel(db)["api_key"]
    answers = [person.send_messages(new_key), person.send_messages(old_key), person.send_messages(new_key, [1])]

    assert [answer.status for answer in answers] == [200, 401, 400]
    assert "POST /v2/messages" in caplog.text and keys.fingerprint(new_key) in caplog.text  # the logs were seen
    for key in (old_key, new_key):
        signature = key.rsplit(".", 1)[1]
        assert key not in caplog.text and signature not in caplog.text


def test_presented_keys_are_compared_in_constant_time(
    app: Flask, client: FlaskClient, db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = _channel(db)["api_key"]
    # Soundly signed and naming the right channel, so only the comparison with the stored key can refuse it.
    signing = app.extensions[keys.EXTENSION]
    lookalike = jwt.encode(
        {**jwt.decode(stored, options={"verify_signature": False}), "jti": "other"},
        signing.private,
        algorithm="EdDSA",
        headers={"kid": signing.kid},
    )
    compared: list[tuple[bytes, bytes]] = []
    real_compare = hmac.compare_digest

    def recording_compare(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real_compare(a, b)

    monkeypatch.setattr(hmac, "compare_digest", recording_compare)

    response = client.post(
        "/v2/messages", json={"messages": [{"message": {}}]}, headers={"Authorization": f"Bearer {lookalike}"}
    )

    assert response.status_code == 401
    assert (lookalike.encode(), stored.encode()) in compared


def test_passwords_are_stored_only_as_werkzeug_hashes(db: sqlite3.Connection) -> None:
    stored = db.execute("SELECT password_hash FROM user WHERE email = ?", (DEMO_ACCOUNT.email,)).fetchone()[0]

    assert DEMO_ACCOUNT.password not in stored
    assert stored.split(":")[0] in {"scrypt", "pbkdf2"} and check_password_hash(stored, DEMO_ACCOUNT.password)
