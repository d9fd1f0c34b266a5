"""API keys: Ed25519-signed JSON Web Tokens naming their channel, in the product's v2 format."""

import hashlib
import hmac
import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from flask import current_app

ALGORITHM = "EdDSA"
AUDIENCE = "https://api.botanalytics.co"
REQUIRED_CLAIMS = ["aud", "channel", "cid", "jti", "iat"]
EXTENSION = "api_keys"  # where create_app keeps the loaded SigningKey
# Fixed, so the same public key always gets the same kid, in every process and after every restart.
KID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, AUDIENCE)


@dataclass(frozen=True)
class SigningKey:
    """The app's one signing key, parsed once: keys are signed with `private` and checked with `public`."""

    private: Ed25519PrivateKey
    public: Ed25519PublicKey
    kid: str


def key_id(public: Ed25519PublicKey) -> str:
    """The `kid` naming a public key: a UUIDv5 of its raw 32 bytes.

    Derived rather than stored, so it can never disagree with the key it names and needs no second
    file; it is public anyway, being in every API key's header.
    """
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return str(uuid.uuid5(KID_NAMESPACE, raw.hex()))


def new_private_pem() -> str:
    """A fresh Ed25519 private key as unencrypted PKCS#8 PEM, the form the instance file and
    `API_KEY_SIGNING_KEY` hold."""
    return (
        Ed25519PrivateKey.generate()
        .private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        .decode()
    )


def load_signing_key(pem: str) -> SigningKey:
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("the API key signing key must be an Ed25519 private key")
    return SigningKey(key, key.public_key(), key_id(key.public_key()))


def _signing_key() -> SigningKey:
    signing: SigningKey = current_app.extensions[EXTENSION]  # put there by create_app
    return signing


def issue_key(channel_id: int, channel_type: str) -> str:
    """A new key for the channel; `jti` carries 192 random bits, so no two keys are alike."""
    signing = _signing_key()
    claims = {  # `aud` first, as in the product's keys
        "aud": AUDIENCE,
        "channel": channel_type,
        "cid": channel_id,
        "jti": secrets.token_urlsafe(24),
        "iat": int(time.time()),
    }
    return jwt.encode(claims, signing.private, algorithm=ALGORITHM, headers={"kid": signing.kid})


def read_key(token: str) -> dict[str, Any]:
    """The key's claims if its kid, signature and claims are sound; raises `jwt.InvalidTokenError` if not.

    Only EdDSA with the public key is tried, so neither `alg: none` nor an HMAC made with the
    public key as its secret (algorithm confusion) can pass.
    """
    signing = _signing_key()
    if jwt.get_unverified_header(token).get("kid") != signing.kid:
        raise jwt.InvalidTokenError("unknown signing key")
    claims = jwt.decode(
        token,
        signing.public,
        algorithms=[ALGORITHM],
        audience=AUDIENCE,
        options={"require": REQUIRED_CLAIMS, "strict_aud": True},  # `aud` must be this one string, not a list
    )
    if not isinstance(claims["channel"], str) or type(claims["cid"]) is not int:  # bool is an int too
        raise jwt.InvalidTokenError("malformed channel claims")
    return claims


def same_key(presented: str, stored: str) -> bool:
    """Compare in constant time so response timing says nothing about the stored key."""
    return hmac.compare_digest(presented.encode(), stored.encode())


def fingerprint(key: str) -> str:
    """A short, one-way name for a key, fit for the audit trail and logs."""
    return hashlib.sha256(key.encode()).hexdigest()[:16]
