"""A key is an HS256 JWT naming its channel; regenerating keeps the channel and changes the `jti`."""
import sqlite3

import jwt
import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import AuthActions, csrf_token


def _claims(app: Flask, key: str) -> dict:
    return jwt.decode(key, app.config["SECRET_KEY"], algorithms=["HS256"])


def test_seeded_keys_are_signed_jwts_naming_their_channel(app: Flask, db: sqlite3.Connection) -> None:
    for row in db.execute("SELECT id, type, api_key FROM channel"):
        assert jwt.get_unverified_header(row["api_key"])["alg"] == "HS256"
        claims = _claims(app, row["api_key"])
        assert claims["channel"] == row["type"]
        assert claims["cid"] == row["id"]
        assert len(claims["jti"]) >= 22  # 128 bits or more in URL-safe base64


def test_regenerated_key_keeps_the_channel_claim_and_gets_a_new_jti(
    app: Flask, client: FlaskClient, auth: AuthActions, db: sqlite3.Connection
) -> None:
    old = _claims(app, db.execute("SELECT api_key FROM channel WHERE id = 2").fetchone()[0])
    auth.login()

    client.post("/projects/1/settings/channels/2/regenerate", data={"csrf_token": csrf_token(client, "/")})

    new = _claims(app, db.execute("SELECT api_key FROM channel WHERE id = 2").fetchone()[0])
    assert new["channel"] == old["channel"] == "microsoft-bot-framework"
    assert new["cid"] == 2
    assert new["jti"] != old["jti"]


def test_database_refuses_two_equal_keys(db: sqlite3.Connection) -> None:
    key = db.execute("SELECT api_key FROM channel WHERE id = 1").fetchone()[0]

    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE channel SET api_key = ? WHERE id = 2", (key,))


def test_regeneration_is_recorded_with_fingerprints_not_keys(
    client: FlaskClient, auth: AuthActions, db: sqlite3.Connection
) -> None:
    old_key = db.execute("SELECT api_key FROM channel WHERE id = 1").fetchone()[0]
    auth.login()

    page = client.post("/projects/1/settings/channels/1/regenerate",
                       data={"csrf_token": csrf_token(client, "/")}, follow_redirects=True)

    new_key = db.execute("SELECT api_key FROM channel WHERE id = 1").fetchone()[0]
    event = db.execute("SELECT * FROM key_event").fetchone()
    assert event["channel_id"] == 1 and event["user_id"] == 1
    stored = " ".join(str(value) for value in event)
    assert old_key not in stored and new_key not in stored
    assert "Last regenerated" in page.get_data(as_text=True)
