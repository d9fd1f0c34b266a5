"""Keys stay secret: never in a log line, compared in constant time; passwords stored only as hashes."""

import logging
import sqlite3
import threading
from collections.abc import Iterator

import jwt
import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.security import check_password_hash
from werkzeug.serving import make_server

from mock_app import keys
from tests.conftest import DEMO
from tests.http_client import HttpSession

CHANNEL = ("Botanalytics Chatbot", "Rasa")  # HttpSession's default batch is a valid Rasa batch


def _channel(db: sqlite3.Connection) -> sqlite3.Row:
    return db.execute(
        "SELECT channel.* FROM channel JOIN project ON project.id = channel.project_id"
        " WHERE project.name = ? AND channel.name = ?",
        CHANNEL,
    ).fetchone()


@pytest.fixture
def served(app: Flask) -> Iterator[str]:
    """The app behind werkzeug's own server, whose request log is what `flask run` prints."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.port}"
    server.shutdown()
    thread.join()


def test_keys_never_reach_the_logs(served: str, db: sqlite3.Connection, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    channel = _channel(db)
    person = HttpSession(served)
    person.log_in(*DEMO)

    person.post_form(f"/projects/{channel['project_id']}/settings/channels/{channel['id']}/regenerate", {})
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
    real_compare = keys.hmac.compare_digest
    monkeypatch.setattr(keys.hmac, "compare_digest", lambda a, b: compared.append((a, b)) or real_compare(a, b))

    response = client.post(
        "/v2/messages", json={"messages": [{"message": {}}]}, headers={"Authorization": f"Bearer {lookalike}"}
    )

    assert response.status_code == 401
    assert (lookalike.encode(), stored.encode()) in compared


def test_passwords_are_stored_only_as_werkzeug_hashes(db: sqlite3.Connection) -> None:
    stored = db.execute("SELECT password_hash FROM user WHERE email = ?", (DEMO[0],)).fetchone()[0]

    assert DEMO[1] not in stored
    assert stored.split(":")[0] in {"scrypt", "pbkdf2"} and check_password_hash(stored, DEMO[1])
