"""A channel's ingestion budget is the channel's, whatever its key: Regenerate does not reset it."""

import sqlite3

from flask.testing import FlaskClient

from testkit.forms import AuthActions, csrf_token
from testkit.rows import api_key, channel_page, channel_row

ALEXA = ("Botanalytics Chatbot", "Amazon Alexa")  # takes any JSON objects
BATCH = {"messages": [{"text": "hello"}]}


def _send(client: FlaskClient, key: str) -> int:
    return client.post("/v2/messages", json=BATCH, headers={"Authorization": f"Bearer {key}"}).status_code


def _regenerate(client: FlaskClient, channel: sqlite3.Row) -> None:
    response = client.post(f"{channel_page(channel)}/regenerate", data={"csrf_token": csrf_token(client, "/")})
    assert response.status_code == 302


def test_a_new_key_gets_no_fresh_request_budget(client: FlaskClient, auth: AuthActions, db: sqlite3.Connection) -> None:
    """Counted per key, each Regenerate gave a fresh budget: 36 MiB/s parsed against 0.4 MiB/s allowed."""
    client.application.config["INGEST_RATE_LIMIT"] = "3 per minute"
    channel = channel_row(db, *ALEXA)
    auth.login()
    spent = [_send(client, channel["api_key"]) for _ in range(3)]

    _regenerate(client, channel)

    assert spent == [200] * 3
    assert _send(client, api_key(db, channel["id"])) == 429


def test_a_new_key_gets_no_fresh_volume_budget(client: FlaskClient, auth: AuthActions, db: sqlite3.Connection) -> None:
    client.application.config["INGEST_KIB_LIMIT"] = "2 per minute"
    channel = channel_row(db, *ALEXA)
    auth.login()
    large = {"messages": [{"text": "x" * 3000}]}  # 2 whole KiB
    spent = client.post("/v2/messages", json=large, headers={"Authorization": f"Bearer {channel['api_key']}"})

    _regenerate(client, channel)
    again = client.post("/v2/messages", json=large, headers={"Authorization": f"Bearer {api_key(db, channel['id'])}"})

    assert (spent.status_code, again.status_code) == (200, 429)
