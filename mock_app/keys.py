"""API keys: HS256 JSON Web Tokens naming their channel, as Botanalytics v2 keys do."""
import hashlib
import hmac
import secrets
import time
from typing import Any

import jwt
from flask import current_app

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["channel", "cid", "jti", "iat"]


def issue_key(channel_id: int, channel_type: str) -> str:
    """A new key for the channel; `jti` carries 192 random bits, so no two keys are alike."""
    claims = {
        "channel": channel_type,
        "cid": channel_id,
        "jti": secrets.token_urlsafe(24),
        "iat": int(time.time()),
    }
    return jwt.encode(claims, current_app.config["SECRET_KEY"], algorithm=ALGORITHM)


def read_key(token: str) -> dict[str, Any]:
    """The key's claims if its signature and claims are sound; raises `jwt.InvalidTokenError` if not."""
    claims = jwt.decode(
        token,
        current_app.config["SECRET_KEY"],
        algorithms=[ALGORITHM],
        options={"require": REQUIRED_CLAIMS},
    )
    if not isinstance(claims["channel"], str) or not isinstance(claims["cid"], int):
        raise jwt.InvalidTokenError("malformed channel claims")
    return claims


def same_key(presented: str, stored: str) -> bool:
    """Compare in constant time so response timing says nothing about the stored key."""
    return hmac.compare_digest(presented.encode(), stored.encode())


def fingerprint(key: str) -> str:
    """A short, one-way name for a key, fit for the audit trail and logs."""
    return hashlib.sha256(key.encode()).hexdigest()[:16]
