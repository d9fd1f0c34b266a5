"""Forged API keys are refused with 401: unsigned, wrongly signed, edited, incomplete or naming another channel."""
import base64
import json
import sqlite3
from collections.abc import Callable

import jwt
import pytest
from flask import Flask
from flask.testing import FlaskClient

Forge = Callable[[dict, str], str]


def _unsigned(claims: dict, secret: str) -> str:
    return jwt.encode(claims, None, algorithm="none")


def _wrong_secret(claims: dict, secret: str) -> str:
    return jwt.encode(claims, "not-the-app-secret-" + "x" * 32, algorithm="HS256")


def _tampered_claims(claims: dict, secret: str) -> str:
    """The real signature over an edited payload."""
    header, _, signature = jwt.encode(claims, secret, algorithm="HS256").split(".")
    edited = base64.urlsafe_b64encode(json.dumps({**claims, "cid": 2}).encode()).rstrip(b"=").decode()
    return f"{header}.{edited}.{signature}"


def _missing_channel_claim(claims: dict, secret: str) -> str:
    return jwt.encode({k: v for k, v in claims.items() if k != "channel"}, secret, algorithm="HS256")


def _another_channels_type(claims: dict, secret: str) -> str:
    """Soundly signed, but naming a channel type this channel is not."""
    return jwt.encode({**claims, "channel": "facebook-messenger"}, secret, algorithm="HS256")


FORGERIES: dict[str, Forge] = {forge.__name__.strip("_"): forge for forge in (
    _unsigned, _wrong_secret, _tampered_claims, _missing_channel_claim, _another_channels_type)}


@pytest.mark.parametrize("forge", FORGERIES.values(), ids=FORGERIES.keys())
def test_forged_key_is_refused(app: Flask, client: FlaskClient, db: sqlite3.Connection, forge: Forge) -> None:
    claims = jwt.decode(db.execute("SELECT api_key FROM channel WHERE id = 1").fetchone()[0],
                        options={"verify_signature": False})

    response = client.post("/v2/messages", json={"messages": [{"text": "hi"}]},
                           headers={"Authorization": f"Bearer {forge(claims, app.config['SECRET_KEY'])}"})

    assert response.status_code == 401 and response.json["errors"]
    assert db.execute("SELECT COUNT(*) FROM message").fetchone()[0] == 0


def test_another_channels_key_only_ever_reaches_that_channel(client: FlaskClient, db: sqlite3.Connection) -> None:
    other_key = db.execute("SELECT api_key FROM channel WHERE id = 2").fetchone()[0]

    client.post("/v2/messages", json={"messages": [{"text": "hi"}]}, headers={"Authorization": f"Bearer {other_key}"})

    assert [row[0] for row in db.execute("SELECT DISTINCT channel_id FROM message")] == [2]
