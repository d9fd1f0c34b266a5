"""A client of the ingestion API (`POST /v2/messages`), the proof that a key works."""
from typing import Any

from playwright.sync_api import APIRequestContext, APIResponse

SAMPLE_BATCH = {"messages": [{"is_sender_bot": False, "user": {"id": "u-1"}, "message": {"text": "hello"}}]}


class IngestionApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request

    def send(self, key: str | None, body: Any = SAMPLE_BATCH) -> APIResponse:
        headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
        return self.request.post("/v2/messages", headers=headers, data=body)
