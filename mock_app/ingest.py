"""The ingestion API, `POST /v2/messages`: the proof that a key works or does not."""
import json
from datetime import datetime, timezone
from typing import Any

import jwt
from flask import Blueprint, Response, jsonify, request

from .db import get_db, write_transaction
from .keys import read_key, same_key

bp = Blueprint("ingest", __name__, url_prefix="/v2")


def error(status: int, *messages: str) -> tuple[Response, int]:
    return jsonify(ok=False, errors=list(messages), warnings=[]), status


def _channel_for(header: str) -> tuple[Any, str | None]:
    """The channel whose current key is in the header, or None and the reason it is refused."""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None, "Missing API key: send 'Authorization: Bearer <API key>'."
    token = token.strip()
    try:
        claims = read_key(token)
    except jwt.InvalidTokenError:
        return None, "The API key is not valid."
    channel = get_db().execute("SELECT * FROM channel WHERE id = ?", (claims["cid"],)).fetchone()
    if channel is None or channel["type"] != claims["channel"] or not same_key(token, channel["api_key"]):
        return None, "The API key is not valid."
    return channel, None


def _messages_of(body: Any) -> tuple[list[dict] | None, str | None]:
    if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
        return None, "The body must be a JSON object with a 'messages' array."
    messages = body["messages"]
    if not messages:
        return None, "'messages' must not be empty."
    if not all(isinstance(message, dict) for message in messages):
        return None, "Every item of 'messages' must be a JSON object."
    return messages, None


@bp.post("/messages")
def messages() -> tuple[Response, int]:
    channel, problem = _channel_for(request.headers.get("Authorization", ""))
    if channel is None:
        return error(401, problem)
    batch, problem = _messages_of(request.get_json(silent=True))
    if batch is None:
        return error(400, problem)
    received_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with write_transaction() as db:
        # Checked again under the write lock: a key replaced meanwhile must not slip through.
        current = db.execute("SELECT api_key FROM channel WHERE id = ?", (channel["id"],)).fetchone()
        if not same_key(channel["api_key"], current["api_key"]):
            return error(401, "The API key is not valid.")
        db.executemany(
            "INSERT INTO message (channel_id, received_at, body) VALUES (?, ?, ?)",
            [(channel["id"], received_at, json.dumps(message)) for message in batch],
        )
    return jsonify(ok=True, accepted=len(batch), errors=[], warnings=[]), 200
