"""A client of the ingestion API (`POST /v2/messages`), the proof that a key works."""
from datetime import datetime, timezone
from typing import Any

import jwt
from playwright.sync_api import APIRequestContext, APIResponse


def sample_batch(channel_type: str) -> dict[str, Any]:
    """One message shaped as the channel type's SDK sends it."""
    now = datetime.now(timezone.utc)
    if channel_type == "rasa":  # the Rasa client wraps each tracker event
        return {"messages": [{"message": {"event": "user", "timestamp": now.timestamp(), "text": "hello"}}]}
    return {"messages": [{
        "is_sender_bot": False,
        "user": {"id": "u-1", "name": "Test User"},
        "message": {"text": "hello", "timestamp": now.isoformat()},
    }]}


def channel_type_of(key: str) -> str:
    """The `channel` claim, read without checking the signature: only the server can, and does."""
    claims = jwt.decode(key, options={"verify_signature": False})
    return str(claims.get("channel", ""))


class IngestionApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request

    def send(self, key: str | None, body: Any = None) -> APIResponse:
        """Post a batch with `key`; by default one message of the kind the key's channel sends."""
        headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
        if body is None:
            body = sample_batch(channel_type_of(key) if key else "universal")
        return self.request.post("/v2/messages", headers=headers, data=body)
