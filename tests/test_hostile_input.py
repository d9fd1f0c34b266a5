"""Generated hostile input: every answer is a clean 4xx with a JSON or HTML error, and nothing changes."""
import json
import re
import sqlite3
import string
from collections.abc import Iterator
from urllib.parse import quote, unquote

import jwt
import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mock_app import create_app
from tests.seed_copy import SeededDatabase
from tests.conftest import AuthActions, csrf_token, dump_state

EXAMPLES = settings(max_examples=60, deadline=None)
JSON_TYPES = ("application/json", "application/vnd.api+json")
CONTENT_TYPES = (*JSON_TYPES, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "")
HEADER_TEXT = st.text(alphabet=string.printable.strip() + " " + "".join(map(chr, range(0xA0, 0x100))), max_size=80)
WRONG_SECRET = "not-the-app-secret-" + "x" * 32
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def app(seeded_database: SeededDatabase, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """One app for the module: every example must leave its database exactly as it was."""
    database = seeded_database.copy_to(tmp_path_factory.mktemp("hostile") / "hostile.sqlite")
    return create_app(seeded_database.config(database, TESTING=True))


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    """Logged in as the demo account, so only the input itself is wrong."""
    client = app.test_client()
    AuthActions(client).login()
    return client


@pytest.fixture(scope="module")
def form_token(client: FlaskClient) -> str:
    return csrf_token(client, "/")


@pytest.fixture(scope="module")
def database(app: Flask) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(app.config["DATABASE"])
    yield connection
    connection.close()


def _demo_key(database: sqlite3.Connection) -> str:
    return database.execute("SELECT api_key FROM channel WHERE id = 1").fetchone()[0]


def _is_accepted_batch(content_type: str, body: bytes) -> bool:
    """A request the API must accept: JSON with a non-empty 'messages' array of objects."""
    try:
        value = json.loads(body)
    except ValueError:
        return False
    messages = value.get("messages") if isinstance(value, dict) else None
    return content_type in JSON_TYPES and isinstance(messages, list) and bool(messages) and all(
        isinstance(message, dict) for message in messages
    )


def _assert_clean_json_error(response: TestResponse, status: int) -> None:
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.is_json and response.json["errors"] and response.json["ok"] is False


@EXAMPLES
@given(
    body=st.binary(max_size=300) | JSON_VALUES.map(lambda value: json.dumps(value).encode()),
    content_type=st.sampled_from(CONTENT_TYPES),
)
def test_hostile_message_bodies_get_a_clean_400(
    client: FlaskClient, database: sqlite3.Connection, body: bytes, content_type: str
) -> None:
    assume(not _is_accepted_batch(content_type, body))
    before = dump_state(database)
    headers = {"Authorization": f"Bearer {_demo_key(database)}", "Content-Type": content_type}

    response = client.post("/v2/messages", data=body, headers=headers)

    _assert_clean_json_error(response, 400)
    assert dump_state(database) == before


def _forged_keys(database: sqlite3.Connection) -> st.SearchStrategy[str]:
    """Keys an attacker could make from a real one: re-signed, unsigned, edited, or cut short."""
    key = _demo_key(database)
    claims = jwt.decode(key, options={"verify_signature": False})
    header, payload, signature = key.split(".")
    edits = st.dictionaries(st.sampled_from(["channel", "cid", "jti", "iat"]), JSON_VALUES, max_size=3)
    return st.one_of(
        st.builds(lambda s: jwt.encode(claims, s, algorithm="HS256"), st.text(min_size=32, max_size=40)),
        edits.map(lambda e: jwt.encode({**claims, **e}, WRONG_SECRET, algorithm="HS256")),
        edits.map(lambda e: jwt.encode({**claims, **e}, None, algorithm="none")),
        st.sampled_from(["channel", "cid", "jti", "iat"]).map(
            lambda gone: jwt.encode({k: v for k, v in claims.items() if k != gone}, WRONG_SECRET, algorithm="HS256")
        ),
        st.builds(lambda text, at: key[:at] + text + key[at + 1:], HEADER_TEXT, st.integers(0, len(key) - 1)),
        st.builds(lambda at: key[:at], st.integers(0, len(key) - 1)),
        st.builds(lambda text: f"{header}.{payload}.{text}", HEADER_TEXT),
        st.builds(lambda text: f"{header}.{text}.{signature}", HEADER_TEXT),
        HEADER_TEXT,
    )


@EXAMPLES
@given(data=st.data(), scheme=st.sampled_from(["Bearer", "bearer", "Basic", "Token", ""]))
def test_hostile_authorization_headers_get_a_clean_401(
    client: FlaskClient, database: sqlite3.Connection, data: st.DataObject, scheme: str
) -> None:
    forged = data.draw(_forged_keys(database))
    header = f"{scheme} {forged}" if scheme else forged
    assume(forged.strip() != _demo_key(database))
    before = dump_state(database)

    response = client.post("/v2/messages", json={"messages": [{"text": "hi"}]}, headers={"Authorization": header})

    _assert_clean_json_error(response, 401)
    assert dump_state(database) == before


ID_SEGMENTS = st.one_of(
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.text(min_size=1, max_size=20).map(lambda text: quote(text, safe="")),
    st.sampled_from(["0", "00", "1.0", "1e3", "0x1", "%31", "..", "%2e%2e", "null", "-1", "9" * 40]),
)
ROUTES = [
    "/projects/{project}/settings/",
    "/projects/{project}/settings/channels",
    "/projects/{project}/settings/channels/{channel}",
    "/projects/{project}/settings/channels/{channel}/regenerate",
]


def _owned(database: sqlite3.Connection, route: str, project: str, channel: str) -> bool:
    """Whether the path names something of the demo account's (those answer 200 or 302, rightly)."""
    wants_channel = "{channel}" in route
    ids = [unquote(project), unquote(channel)] if wants_channel else [unquote(project)]
    if not all(re.fullmatch(r"\d+", value) for value in ids):
        return False
    numbers = [int(value) for value in ids]
    owned = database.execute(
        "SELECT channel.id FROM channel JOIN project ON project.id = channel.project_id"
        " WHERE project.id = ? AND project.account_id = 1", (min(numbers[0], 2**62),),
    ).fetchall()
    return bool(owned) and (not wants_channel or numbers[1] in {row[0] for row in owned})


@pytest.mark.parametrize("route", ROUTES)
@EXAMPLES
@given(project=ID_SEGMENTS, channel=ID_SEGMENTS, method=st.sampled_from(METHODS))
def test_hostile_ids_get_a_clean_4xx_page(
    client: FlaskClient, form_token: str, database: sqlite3.Connection, route: str, project: str, channel: str,
    method: str,
) -> None:
    assume(not _owned(database, route, project, channel))
    before = dump_state(database)

    response = client.open(route.format(project=project, channel=channel), method=method,
                           data={"csrf_token": form_token})  # a sound token: only the ids are hostile

    assert 400 <= response.status_code < 500, f"{method} {route}: {response.status_code}"
    assert response.mimetype == "text/html" and "<h1" in response.get_data(as_text=True)
    assert dump_state(database) == before
