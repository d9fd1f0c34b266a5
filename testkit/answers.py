"""Reads of what the app answered: the JSON object of an API response."""

from typing import Any

from werkzeug.test import TestResponse


def json_object(response: TestResponse) -> dict[str, Any]:
    """The JSON object `response` carries; anything else fails the test that reads it."""
    body = response.json
    assert isinstance(body, dict), f"not a JSON object: {response.get_data(as_text=True)[:300]}"
    return body
