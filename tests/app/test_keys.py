"""A key is an EdDSA JWT in the product's format, signed by one persisted key that the session secret is not."""

import base64
import json
import os
import sqlite3
import uuid
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask import Flask
from flask.testing import FlaskClient

from mock_app import create_app
from mock_app.keys import AUDIENCE, EXTENSION, SigningKey, new_private_pem
from testkit.forms import AuthActions, csrf_token
from testkit.rows import channel_page, channel_row
from testkit.serving import connect

WORKERS = 4
_start_line: Barrier | None = None


def _signing(app: Flask) -> SigningKey:
    signing: SigningKey = app.extensions[EXTENSION]
    return signing


def _segment(key: str, index: int) -> dict[str, Any]:
    """A JWT segment decoded as the JSON text it is, keeping the order of its fields."""
    part = key.split(".")[index]
    segment: dict[str, Any] = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    return segment


def _accepted(app: Flask, key: str) -> bool:
    answer = app.test_client().post(
        "/v2/messages", json={"messages": [{"message": {"event": "user"}}]}, headers={"Authorization": f"Bearer {key}"}
    )
    assert answer.status_code in (200, 401), answer.json
    return answer.status_code == 200


def test_seeded_keys_are_eddsa_jwts_in_the_products_format(app: Flask, db: sqlite3.Connection) -> None:
    kid = _signing(app).kid
    public_pem = _signing(app).public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    rows = db.execute("SELECT id, type, api_key FROM channel").fetchall()
    for row in rows:
        key = row["api_key"]
        assert _segment(key, 0) == {"kid": kid, "typ": "JWT", "alg": "EdDSA"}
        assert list(_segment(key, 1))[0] == "aud"  # the payload begins with `aud`, as the product's does
        # Checked with nothing but the public key, as anyone holding it could.
        claims = jwt.decode(key, public_pem, algorithms=["EdDSA"], audience=AUDIENCE)
        assert claims["channel"] == row["type"] and claims["cid"] == row["id"]
        assert len(base64.urlsafe_b64decode(claims["jti"] + "==")) >= 24  # 192 random bits
        assert isinstance(claims["iat"], int)
    assert str(uuid.UUID(kid)) == kid and len(rows) > 5
    assert len({_segment(row["api_key"], 1)["jti"] for row in rows}) == len(rows)


def test_the_session_secret_neither_signs_nor_checks_keys(app: Flask, db: sqlite3.Connection) -> None:
    key = channel_row(db, "Botanalytics Chatbot", "Rasa")["api_key"]
    with pytest.raises(jwt.InvalidTokenError):
        jwt.decode(key, app.config["SECRET_KEY"], algorithms=["HS256"], audience=AUDIENCE)
    database = app.config["DATABASE"]

    other_secret = create_app(
        {
            "SECRET_KEY": "another-session-secret-" + "x" * 20,
            "DATABASE": database,
            "API_KEY_SIGNING_KEY": _pem(_signing(app)),
        }
    )
    other_signer = create_app(
        {"SECRET_KEY": app.config["SECRET_KEY"], "DATABASE": database, "API_KEY_SIGNING_KEY": new_private_pem()}
    )

    assert _accepted(other_secret, key)
    assert not _accepted(other_signer, key)


def _pem(signing: SigningKey) -> str:
    return signing.private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def test_without_configuration_the_signing_key_is_made_once_in_the_instance_folder(tmp_path: Path) -> None:
    config = {"SECRET_KEY": "x" * 32, "DATABASE": str(tmp_path / "db.sqlite")}
    first = create_app(config, instance_path=str(tmp_path / "instance"))
    with connect(config["DATABASE"]) as db:
        key = db.execute("SELECT api_key FROM channel WHERE type = 'rasa'").fetchone()[0]

    second = create_app(config, instance_path=str(tmp_path / "instance"))

    path = tmp_path / "instance" / "api_key_signing_key.pem"
    assert path.stat().st_mode & 0o777 == 0o600
    assert isinstance(serialization.load_pem_private_key(path.read_bytes(), None), Ed25519PrivateKey)
    assert _signing(first).kid == _signing(second).kid
    assert _accepted(second, key)


def _wait_at_start_line(barrier: Barrier) -> None:
    global _start_line
    _start_line = barrier


def _start_worker(folder: str) -> str:
    """One worker booting on an instance folder that has no signing key yet."""
    assert _start_line is not None
    _start_line.wait(timeout=60)
    app = create_app(
        {"SECRET_KEY": "x" * 32, "DATABASE": f"{folder}/shared.sqlite"}, instance_path=f"{folder}/instance"
    )
    return _signing(app).kid


def test_workers_starting_together_make_one_signing_key(tmp_path: Path) -> None:
    context = get_context("spawn")
    barrier = context.Barrier(WORKERS)
    with ProcessPoolExecutor(WORKERS, mp_context=context, initializer=_wait_at_start_line, initargs=(barrier,)) as pool:
        kids = set(pool.map(_start_worker, [str(tmp_path)] * WORKERS, timeout=120))

    assert len(kids) == 1
    assert sorted(os.listdir(tmp_path / "instance")) == ["api_key_signing_key.pem"]  # and no drafts left


def test_a_signing_key_that_is_not_ed25519_is_refused(tmp_path: Path) -> None:
    not_ed25519 = (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        .decode()
    )

    with pytest.raises(ValueError, match="Ed25519"):
        create_app(
            {"SECRET_KEY": "x" * 32, "DATABASE": str(tmp_path / "db.sqlite"), "API_KEY_SIGNING_KEY": not_ed25519}
        )


def test_regenerated_key_keeps_the_channel_claim_and_gets_a_new_jti(
    app: Flask, client: FlaskClient, auth: AuthActions, db: sqlite3.Connection
) -> None:
    channel = channel_row(db, "Botanalytics Support Bot", "Microsoft Bot Framework")
    old = _segment(channel["api_key"], 1)
    auth.login()

    client.post(
        f"{channel_page(channel)}/regenerate",
        data={"csrf_token": csrf_token(client, "/")},
    )

    new_key = db.execute("SELECT api_key FROM channel WHERE id = ?", (channel["id"],)).fetchone()[0]
    new = _segment(new_key, 1)
    assert new["channel"] == old["channel"] == "microsoft-bot-framework"
    assert new["cid"] == channel["id"] and new["aud"] == AUDIENCE
    assert new["jti"] != old["jti"]
    assert _segment(new_key, 0)["kid"] == _signing(app).kid


def test_database_refuses_two_equal_keys(db: sqlite3.Connection) -> None:
    key = channel_row(db, "Botanalytics Chatbot", "Rasa")["api_key"]

    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "UPDATE channel SET api_key = ? WHERE id = ?",
            (key, channel_row(db, "Botanalytics Chatbot", "Universal")["id"]),
        )


def test_regeneration_is_recorded_with_fingerprints_not_keys(
    client: FlaskClient, auth: AuthActions, db: sqlite3.Connection
) -> None:
    channel = channel_row(db, "Botanalytics Chatbot", "Rasa")
    auth.login()

    client.post(
        f"{channel_page(channel)}/regenerate",
        data={"csrf_token": csrf_token(client, "/")},
    )

    new_key = db.execute("SELECT api_key FROM channel WHERE id = ?", (channel["id"],)).fetchone()[0]
    event = db.execute("SELECT * FROM key_event").fetchone()
    assert event["channel_id"] == channel["id"] and event["user_id"] == 1
    stored = " ".join(str(value) for value in event)
    assert channel["api_key"] not in stored and new_key not in stored
