"""Every form is bounded before it is parsed: over `FORM_MAX_BYTES` or `FORM_MAX_FIELDS` it gets 413, unread."""

from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest
from flask.testing import FlaskClient

from mock_app.seed import DEMO_ACCOUNT
from testkit.attacks import abuse
from testkit.forms import csrf_token

URLENCODED = {"Content-Type": "application/x-www-form-urlencoded"}
MAX_BYTES, MAX_FIELDS = 16 * 1024, 32  # the defaults: FORM_MAX_BYTES, FORM_MAX_FIELDS


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every urlencoded form Werkzeug splits into fields."""
    sizes: list[int] = []

    def counting(text: str, *args: Any, **kwargs: Any) -> list[tuple[str, str]]:
        sizes.append(len(text))
        return parse_qsl(text, *args, **kwargs)

    monkeypatch.setattr("werkzeug.formparser.parse_qsl", counting)  # how Werkzeug splits a form
    return sizes


def _login_form(client: FlaskClient, **extra: str) -> bytes:
    fields = {"csrf_token": csrf_token(client), "email": DEMO_ACCOUNT.email, "password": "a guess", **extra}
    return urlencode(fields).encode()


def test_a_1_mb_login_form_of_250000_fields_gets_413_unparsed(client: FlaskClient, parsed: list[int]) -> None:
    """It was parsed before the CSRF check and the throttle: 0.15 s of CPU for each, even a 429."""
    body = _login_form(client) + b"&" + abuse.field_bomb(1_000_000)
    parsed.clear()  # the form token's page was a GET: nothing of it is parsed, but be sure

    response = client.post("/login", data=body, headers=URLENCODED)

    assert response.status_code == 413
    assert parsed == []


def test_a_small_form_with_too_many_fields_gets_413_unparsed(client: FlaskClient, parsed: list[int]) -> None:
    body = _login_form(client, **{f"f{n}": "" for n in range(MAX_FIELDS)})
    assert len(body) < MAX_BYTES  # refused for its fields alone

    response = client.post("/login", data=body, headers=URLENCODED)

    assert response.status_code == 413 and "fields" in response.get_data(as_text=True)
    assert parsed == []


def test_a_multipart_form_with_too_many_parts_gets_413(client: FlaskClient) -> None:
    fields = {f"f{n}": "" for n in range(MAX_FIELDS)}
    form = {"csrf_token": csrf_token(client), "email": DEMO_ACCOUNT.email, "password": "a guess", **fields}

    response = client.post("/login", data=form, content_type="multipart/form-data")

    assert response.status_code == 413


def test_a_form_as_large_as_allowed_is_read(client: FlaskClient) -> None:
    form = _login_form(client)
    body = form + b"&next=/" + b"x" * (MAX_BYTES - len(form) - len("&next=/"))
    assert len(body) == MAX_BYTES

    response = client.post("/login", data=body, headers=URLENCODED)

    assert response.status_code == 401  # read, checked and refused for its password
