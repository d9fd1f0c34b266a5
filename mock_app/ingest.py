"""The ingestion API, `POST /v2/messages`: the proof that a key works or does not.

Fair to every tenant: a channel's keys may send `INGEST_RATE_LIMIT` requests and `INGEST_KIB_LIMIT`
KiB of body (parsing a 1 MiB body holds the interpreter for tens of ms) before they get 429 with a
Retry-After, a budget that a new key does not reset; a batch holds at most `INGEST_MAX_MESSAGES`
messages, so a write transaction is a few hundred microseconds; and a channel stores at most
`INGEST_CHANNEL_QUOTA_BYTES` of messages.
Over-large batches and a full channel both answer 413 ("content too large"): the fix is on the
client's side (smaller batches; a channel with room), retrying cannot help, and the SDKs log a
4xx's `errors` without retrying it. 429 is kept for "later will do", which the SDKs retry.
"""

import json
import logging
import sqlite3
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import jwt
from flask import Blueprint, Response, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from .db import get_db, write_transaction
from .guards import json_body, throttle
from .keys import fingerprint, read_key, same_key

bp = Blueprint("ingest", __name__, url_prefix="/v2")
log = logging.getLogger(__name__)

INVALID_KEY = "The API key is not valid."
PROJECT_DISABLED = "The project is disabled: it receives no messages until it is enabled again."
NOT_JSON = "The body must be JSON, sent with 'Content-Type: application/json'."
MAX_REPORTED = 10  # problems listed per answer; a huge bad batch must not make a huge answer


def answer(status: int, errors: list[str], warnings: list[str], **fields: Any) -> tuple[Response, int]:
    """Every /v2 answer, errors included, is JSON with `errors` and `warnings`, as the SDKs expect."""
    return jsonify(request_id=_request_id(), ok=status < 400, **fields, errors=errors, warnings=warnings), status


def error(status: int, *messages: str) -> tuple[Response, int]:
    return answer(status, list(messages), [])


def error_from(exception: HTTPException) -> tuple[Response, int]:
    """A routing or protocol error (404, 405, 413, 500...) as a JSON answer, keeping headers such as `Allow`."""
    response, status = error(exception.code or 500, exception.description or exception.name)
    for name, value in exception.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response, status


def _request_id() -> str:
    if "request_id" not in g:
        g.request_id = str(uuid.uuid4())
    request_id: str = g.request_id
    return request_id


def _unauthorized(reason: str) -> tuple[Response, int]:
    response, status = error(401, reason)
    response.headers["WWW-Authenticate"] = 'Bearer realm="botanalytics"'
    return response, status


def _presented_key() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _channel_for(token: str) -> sqlite3.Row | None:
    """The channel whose current key this is, with its project's `disabled` flag; None if no channel's."""
    try:
        claims = read_key(token)
    except jwt.InvalidTokenError:
        return None
    channel: sqlite3.Row | None = (
        get_db()
        .execute(
            "SELECT channel.id, channel.type, channel.api_key, channel.stored_bytes, project.disabled FROM channel"
            " JOIN project ON project.id = channel.project_id WHERE channel.id = ?",
            (claims["cid"],),
        )
        .fetchone()
    )
    if channel is None or channel["type"] != claims["channel"] or not same_key(token, channel["api_key"]):
        return None
    return channel


def _is_id(value: Any) -> bool:
    return (isinstance(value, str) and value != "") or (isinstance(value, int) and not isinstance(value, bool))


def _is_timestamp(value: Any) -> bool:
    """A number (epoch time) or a non-empty text: the product's examples show both."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) or (isinstance(value, str) and value != "")


def _rasa_problem(item: dict[str, Any]) -> str | None:
    """The Rasa SDK wraps each tracker event as `{"message": {...event...}}`."""
    if not isinstance(item.get("message"), dict):
        return 'a Rasa message must be {"message": {...the tracker event...}}'
    return None


def _universal_problem(item: dict[str, Any]) -> str | None:
    """The product's REST docs (Universal, v2): each item is `{"message": {...}}` with an id, the thread
    and conversation it belongs to, a timestamp, a sender with a type, and its content."""
    message = item.get("message")
    if not isinstance(message, dict):
        return 'a Universal message must be {"message": {...}}'
    if not _is_id(message.get("id")):
        return "'message.id' must be a non-empty text or a number"
    for part in ("thread", "conversation"):
        value = message.get(part)
        if not isinstance(value, dict) or not _is_id(value.get("id")):
            return f"'message.{part}' must be an object with an 'id'"
    if not _is_timestamp(message.get("timestamp")):
        return "'message.timestamp' must be a time"
    sender = message.get("sender")
    if not isinstance(sender, dict) or not _is_id(sender.get("id")) or not isinstance(sender.get("type"), str):
        return "'message.sender' must be an object with an 'id' and a 'type'"
    if not isinstance(message.get("content"), dict):
        return "'message.content' must be an object"
    return None


def _no_problem(item: dict[str, Any]) -> str | None:
    """Other channel types send their platform's own objects, which the mock takes as they come."""
    return None


CHECKS: dict[str, Callable[[dict[str, Any]], str | None]] = {"rasa": _rasa_problem, "universal": _universal_problem}


def _check_batch(channel_type: str, body: Any) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """The batch's messages, the problems that refuse it with 400, and warnings for an accepted one."""
    if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
        return [], ["The body must be a JSON object with a 'messages' array."], []
    batch = body["messages"]
    if not batch:
        return [], ["'messages' must not be empty."], []
    check = CHECKS.get(channel_type, _no_problem)
    problems: list[str] = []
    warnings: list[str] = []
    for index, item in enumerate(batch):
        problem = check(item) if isinstance(item, dict) else "must be a JSON object"
        if problem:
            problems.append(f"messages[{index}]: {problem}")
        elif channel_type == "rasa" and item.keys() - {"message"}:
            # Kept, but outside the Rasa format: say so rather than refuse the whole batch.
            warnings.append(f"messages[{index}]: fields other than 'message' are not part of a Rasa message")
    return batch, _first(problems), _first(warnings)


def _too_many(wait: int) -> tuple[Response, int]:
    limits = f"{throttle.describe('INGEST_RATE_LIMIT', 'requests')} and {throttle.describe('INGEST_KIB_LIMIT', 'KiB')}"
    response, status = error(429, f"Too many requests for this channel: its keys may send {limits}. Retry in {wait} s.")
    response.headers["Retry-After"] = str(wait)
    return response, status


def _batch_too_large(size: int) -> tuple[Response, int]:
    cap = current_app.config["INGEST_MAX_MESSAGES"]
    return error(413, f"A batch holds at most {cap} messages; this one has {size}. Send them in smaller batches.")


def _quota_full(used: int, adding: int) -> tuple[Response, int]:
    quota = current_app.config["INGEST_CHANNEL_QUOTA_BYTES"]
    return error(
        413, f"The channel's storage quota is full: {used} of {quota} bytes used, and this batch needs {adding} more."
    )


def _first(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_REPORTED:
        return lines
    return [*lines[:MAX_REPORTED], f"...and {len(lines) - MAX_REPORTED} more."]


@bp.post("/messages")
def messages() -> tuple[Response, int]:
    token = _presented_key()
    if token is None:
        return _unauthorized("Missing API key: send 'Authorization: Bearer <API key>'.")
    g.key_fingerprint = fingerprint(token)
    channel = _channel_for(token)
    if channel is None:
        return _unauthorized(INVALID_KEY)
    if not request.is_json:
        return error(400, NOT_JSON)
    data = request.get_data(cache=False)  # over MAX_CONTENT_LENGTH: 413, with a length or chunked
    wait = throttle.ingest_wait(channel["id"], kib=len(data) // 1024)
    if wait:
        return _too_many(wait)
    if channel["disabled"]:
        return error(403, PROJECT_DISABLED)
    try:
        body = json_body.loads(data, current_app.config["JSON_MAX_DEPTH"])
    except json_body.Refused as refused:
        return error(400, str(refused))
    if isinstance(body, dict) and isinstance(body.get("messages"), list):
        if len(body["messages"]) > current_app.config["INGEST_MAX_MESSAGES"]:
            return _batch_too_large(len(body["messages"]))
    batch, problems, warnings = _check_batch(channel["type"], body)
    if problems:
        return answer(400, problems, warnings)
    not_stored = _store(token, channel, batch)
    return not_stored or answer(200, [], warnings, accepted=len(batch))


def _store(token: str, channel: sqlite3.Row, batch: list[dict[str, Any]]) -> tuple[Response, int] | None:
    """Store the batch in one short transaction (at most INGEST_MAX_MESSAGES rows), or say why not."""
    received_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    rows = [(channel["id"], received_at, g.key_fingerprint, json.dumps(message)) for message in batch]
    adding = sum(len(row[3]) for row in rows)  # ASCII (json.dumps escapes the rest): characters are bytes
    quota = current_app.config["INGEST_CHANNEL_QUOTA_BYTES"]
    if channel["stored_bytes"] + adding > quota:
        return _quota_full(channel["stored_bytes"], adding)  # without waiting for the write lock
    with write_transaction() as db:
        # Checked again under the write lock: a key replaced or a project disabled meanwhile must not slip through.
        current = db.execute(
            "SELECT channel.api_key, channel.stored_bytes, project.disabled FROM channel"
            " JOIN project ON project.id = channel.project_id WHERE channel.id = ?",
            (channel["id"],),
        ).fetchone()
        if not same_key(token, current["api_key"]):
            return _unauthorized(INVALID_KEY)
        if current["disabled"]:
            return error(403, PROJECT_DISABLED)
        if current["stored_bytes"] + adding > quota:
            return _quota_full(current["stored_bytes"], adding)
        db.executemany("INSERT INTO message (channel_id, received_at, key_fingerprint, body) VALUES (?, ?, ?, ?)", rows)
        db.execute("UPDATE channel SET stored_bytes = stored_bytes + ? WHERE id = ?", (adding, channel["id"]))
    return None


@bp.after_request
def _log_answer(response: Response) -> Response:
    """One line per API call: request id, status and the key's fingerprint (never the key itself)."""
    log.info(
        "ingestion request %s answered %s (key %s)",
        _request_id(),
        response.status_code,
        g.get("key_fingerprint", "none"),
    )
    return response
