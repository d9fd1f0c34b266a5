"""A client of the ingestion API (`POST /v2/messages`), the proof that a key works."""

import uuid
from datetime import datetime, timezone
from typing import Any

import jwt
from playwright.sync_api import APIRequestContext, APIResponse


def rasa_message(text: str = "hello") -> dict[str, Any]:
    """A Rasa tracker event as the Rasa client sends it: wrapped as `{"message": {...}}`."""
    event = {"event": "user", "timestamp": datetime.now(timezone.utc).timestamp(), "text": text}
    return {"message": event}


def universal_message(text: str = "hello") -> dict[str, Any]:
    """A user's text message in the shape the product's REST docs give for Universal channels."""
    return {
        "message": {
            "id": str(uuid.uuid4()),
            "thread": {"id": "t-1"},
            "conversation": {"id": "c-1"},
            "timestamp": datetime.now(timezone.utc).isoformat(),
            "sender": {"id": "u-1", "type": "user"},
            "locale": "en-US",
            "content": {"texts": [{"text": text}]},
        }
    }


def sample_batch(channel_type: str) -> dict[str, Any]:
    """One message shaped as the channel type's client sends it."""
    return {"messages": [rasa_message() if channel_type == "rasa" else universal_message()]}


def channel_type_of(key: str) -> str:
    """The `channel` claim, read without checking the signature: only the server can, and does."""
    claims = jwt.decode(key, options={"verify_signature": False})
    return str(claims.get("channel", ""))


class IngestionApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request
        # Against a deployment, a channel that got a message on its current key is given a new one afterwards.
        self.keys_used: set[str] = set()

    def send(self, key: str | None, body: Any = None) -> APIResponse:
        """Post a batch with `key`; by default one message of the kind the key's channel sends."""
        headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
        if key is not None:
            self.keys_used.add(key)
        if body is None:
            body = sample_batch(channel_type_of(key) if key else "universal")
        return self.request.post("/v2/messages", headers=headers, data=body)
