"""The ingestion API's answers: 200 for the current key, 401 for any other, 400 for a bad body."""
import sqlite3

import pytest
from flask.testing import FlaskClient

from tests.conftest import AuthActions, csrf_token

BATCH = {"messages": [{"is_sender_bot": False, "message": {"text": "hi"}}]}


def _key(db: sqlite3.Connection, channel_id: int = 1) -> str:
    return db.execute("SELECT api_key FROM channel WHERE id = ?", (channel_id,)).fetchone()[0]


def _send(client: FlaskClient, key: str | None, body: object = BATCH):
    headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
    return client.post("/v2/messages", json=body, headers=headers)


def test_current_key_is_accepted_and_messages_stored(client: FlaskClient, db: sqlite3.Connection) -> None:
    response = _send(client, _key(db))

    assert response.status_code == 200
    assert response.json == {"ok": True, "accepted": 1, "errors": [], "warnings": []}
    assert db.execute("SELECT COUNT(*) FROM message WHERE channel_id = 1").fetchone()[0] == 1


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", "Basic abc", "Bearer not-a-jwt"])
def test_missing_or_malformed_key_gets_401_with_errors(client: FlaskClient, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}

    response = client.post("/v2/messages", json=BATCH, headers=headers)

    assert response.status_code == 401
    assert response.json["errors"] and response.json["warnings"] == []


def test_replaced_key_gets_401(client: FlaskClient, auth: AuthActions, db: sqlite3.Connection) -> None:
    old_key = _key(db)
    auth.login()
    client.post("/projects/1/settings/channels/1/regenerate", data={"csrf_token": csrf_token(client, "/")})

    assert _send(client, old_key).status_code == 401
    assert _send(client, _key(db)).status_code == 200


@pytest.mark.parametrize("body", [None, [], {}, {"messages": "hi"}, {"messages": []}, {"messages": [1, 2]}])
def test_bad_body_gets_400_with_errors(client: FlaskClient, db: sqlite3.Connection, body: object) -> None:
    headers = {"Authorization": f"Bearer {_key(db)}"}
    response = client.post("/v2/messages", json=body, headers=headers) if body is not None else \
        client.post("/v2/messages", data="not json", headers={**headers, "Content-Type": "application/json"})

    assert response.status_code == 400
    assert response.json["errors"]
    assert db.execute("SELECT COUNT(*) FROM message").fetchone()[0] == 0


def test_wrong_method_answers_json(client: FlaskClient) -> None:
    response = client.get("/v2/messages")

    assert response.status_code == 405
    assert response.json["errors"]
