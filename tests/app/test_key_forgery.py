"""Forged API keys are refused with 401: unsigned, HMAC'd with the public key, signed by another key,
carrying an unknown kid or a wrong audience, edited, incomplete, or naming another channel."""

import base64
import hashlib
import hmac
import json
import sqlite3
import uuid
from collections.abc import Callable
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from mock_app.keys import EXTENSION, SigningKey, read_key
from testkit.answers import json_object
from testkit.rows import channel_row

CHANNEL = ("Botanalytics Chatbot", "Rasa")
BATCH = {"messages": [{"message": {"event": "user", "text": "hi"}}]}  # valid for Rasa: only the key can be wrong
Claims = dict[str, Any]  # what PyJWT decodes and encodes
Forge = Callable[[Claims, SigningKey], str]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _signed(claims: Claims, signing: SigningKey, **header: str) -> str:
    """Signed with the app's own private key: what an attacker cannot do, so whatever refuses
    these keys is a check behind the signature."""
    return jwt.encode(claims, signing.private, algorithm="EdDSA", headers={"kid": signing.kid, **header})


def _hmac_with(secret: bytes, claims: Claims, kid: str) -> str:
    """An HS256 token made by hand: PyJWT itself refuses to use a public key as an HMAC secret."""
    header = _b64(json.dumps({"alg": "HS256", "kid": kid, "typ": "JWT"}).encode())
    payload = _b64(json.dumps(claims).encode())
    signature = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


def alg_none(claims: Claims, signing: SigningKey) -> str:
    # PyJWT's annotations leave out None, the key alg none takes; it reads "" as None.
    return jwt.encode(claims, "", algorithm="none", headers={"kid": signing.kid})


def hs256_with_public_key_pem(claims: Claims, signing: SigningKey) -> str:
    """Algorithm confusion: the public key, which is no secret, used as an HMAC key."""
    pem = signing.public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return _hmac_with(pem, claims, signing.kid)


def hs256_with_raw_public_key(claims: Claims, signing: SigningKey) -> str:
    raw = signing.public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _hmac_with(raw, claims, signing.kid)


def another_signing_key(claims: Claims, signing: SigningKey) -> str:
    """A sound EdDSA key claiming the app's kid, but signed by someone else's private key."""
    return jwt.encode(claims, Ed25519PrivateKey.generate(), algorithm="EdDSA", headers={"kid": signing.kid})


def unknown_kid(claims: Claims, signing: SigningKey) -> str:
    return _signed(claims, signing, kid=str(uuid.uuid4()))


def no_kid(claims: Claims, signing: SigningKey) -> str:
    return jwt.encode(claims, signing.private, algorithm="EdDSA")


def wrong_audience(claims: Claims, signing: SigningKey) -> str:
    return _signed({**claims, "aud": "https://api.example.com"}, signing)


def audience_in_a_list(claims: Claims, signing: SigningKey) -> str:
    return _signed({**claims, "aud": [claims["aud"], "https://api.example.com"]}, signing)


def no_audience(claims: Claims, signing: SigningKey) -> str:
    return _signed({k: v for k, v in claims.items() if k != "aud"}, signing)


def tampered_payload(claims: Claims, signing: SigningKey) -> str:
    """The genuine header and signature over an edited payload."""
    header, _, signature = _signed(claims, signing).split(".")
    return f"{header}.{_b64(json.dumps({**claims, 'jti': 'chosen-by-the-attacker'}).encode())}.{signature}"


def no_channel_claim(claims: Claims, signing: SigningKey) -> str:
    return _signed({k: v for k, v in claims.items() if k != "channel"}, signing)


def true_as_channel_id(claims: Claims, signing: SigningKey) -> str:
    return _signed({**claims, "cid": True}, signing)


# Each is refused by the key check itself; the comparison with the stored key would refuse them all
# anyway, so the tests below call `read_key` too, or a broken check would go unnoticed.
FORGERIES: list[Forge] = [
    alg_none,
    hs256_with_public_key_pem,
    hs256_with_raw_public_key,
    another_signing_key,
    unknown_kid,
    no_kid,
    wrong_audience,
    audience_in_a_list,
    no_audience,
    tampered_payload,
    no_channel_claim,
    true_as_channel_id,
]


def _send(client: FlaskClient, key: str) -> TestResponse:
    return client.post("/v2/messages", json=BATCH, headers={"Authorization": f"Bearer {key}"})


def test_the_genuine_key_is_accepted(client: FlaskClient, db: sqlite3.Connection) -> None:
    """The control for the tests below: with the real key the same request is stored."""
    assert _send(client, channel_row(db, *CHANNEL)["api_key"]).status_code == 200


@pytest.mark.parametrize("forge", FORGERIES, ids=[forge.__name__ for forge in FORGERIES])
def test_forged_key_is_refused(app: Flask, client: FlaskClient, db: sqlite3.Connection, forge: Forge) -> None:
    claims = jwt.decode(channel_row(db, *CHANNEL)["api_key"], options={"verify_signature": False})
    forged = forge(claims, app.extensions[EXTENSION])

    with app.app_context(), pytest.raises(jwt.InvalidTokenError):
        read_key(forged)
    response = _send(client, forged)

    assert response.status_code == 401 and json_object(response)["errors"]
    assert db.execute("SELECT COUNT(*) FROM message").fetchone()[0] == 0


OTHER_CHANNEL = ("Botanalytics Customer Support Chatbot", "Rasa")
EDITS: dict[str, Callable[[sqlite3.Connection], Claims]] = {
    "another type": lambda db: {"channel": "facebook-messenger"},
    "another channel": lambda db: {"cid": channel_row(db, *OTHER_CHANNEL)["id"]},
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_a_sound_key_naming_another_channel_is_refused(
    app: Flask, client: FlaskClient, db: sqlite3.Connection, edit: Callable[[sqlite3.Connection], Claims]
) -> None:
    """Right signature and claims, but not the key that the named channel holds."""
    claims = jwt.decode(channel_row(db, *CHANNEL)["api_key"], options={"verify_signature": False})

    response = _send(client, _signed({**claims, **edit(db)}, app.extensions[EXTENSION]))

    assert response.status_code == 401
    assert db.execute("SELECT COUNT(*) FROM message").fetchone()[0] == 0


def test_a_stored_key_is_refused_once_its_channel_claim_no_longer_matches_the_channel(
    client: FlaskClient, db: sqlite3.Connection
) -> None:
    """A key is good for the channel type it names, never for another, even while it is the stored key."""
    channel = channel_row(db, "Botanalytics Chatbot", "Amazon Alexa")  # takes any JSON objects: only the key matters
    db.execute("UPDATE channel SET type = 'samsung-bixby' WHERE id = ?", (channel["id"],))
    db.commit()

    assert _send(client, channel["api_key"]).status_code == 401


def test_another_channels_key_only_ever_reaches_that_channel(client: FlaskClient, db: sqlite3.Connection) -> None:
    other = channel_row(db, "Private Project", "Rasa")  # another account's, even

    assert _send(client, other["api_key"]).status_code == 200
    assert [row[0] for row in db.execute("SELECT DISTINCT channel_id FROM message")] == [other["id"]]
