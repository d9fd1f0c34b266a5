"""Generated hostile input: every answer is a clean 4xx with a JSON or HTML error, and nothing changes."""

import io
import json
import math
import re
import sqlite3
import string
from collections.abc import Iterator
from typing import TypedDict
from urllib.parse import quote, unquote

import jwt
import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from werkzeug.test import TestResponse

from mock_app import create_app
from mock_app.guards import json_body
from pages.ingestion_api import universal_message
from testkit.answers import json_object
from testkit.forms import AuthActions, csrf_token
from testkit.rows import dump_state
from testkit.serving import SeededDatabase

EXAMPLES = settings(max_examples=60, deadline=None)
JSON_TYPES = ("application/json", "application/vnd.api+json")
CONTENT_TYPES = (*JSON_TYPES, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "")
HEADER_TEXT = st.text(alphabet=string.printable.strip() + " " + "".join(map(chr, range(0xA0, 0x100))), max_size=80)
WRONG_SECRET = "not-the-app-secret-" + "x" * 32
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
JSON_VALUES = st.recursive(  # floats include NaN and infinities, which json.dumps writes but JSON has not
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def app(seeded_database: SeededDatabase, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """One app for the module: every example must leave its database exactly as it was."""
    database = seeded_database.copy_to(tmp_path_factory.mktemp("hostile") / "hostile.sqlite")
    unthrottled = {
        "INGEST_RATE_LIMIT": "1000000 per second",
        "INGEST_KIB_LIMIT": "1000000 per second",
        "LOGIN_ADDRESS_LIMIT": "1000000 per second",
    }  # examples come fast; throttling is tested apart
    return create_app(seeded_database.config(database, TESTING=True, **unthrottled))


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
    key: str = database.execute("SELECT api_key FROM channel WHERE id = 1").fetchone()[0]
    return key


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    if math.isinf(float(text)):  # 1e400 parses as infinity, which no JSON number is
        raise ValueError(f"{text} is not a finite number")
    return float(text)


def _is_accepted_batch(content_type: str, body: bytes) -> bool:
    """A request the API must accept: JSON (no NaN, no infinity) with a non-empty 'messages' array of objects."""
    try:
        value = json.loads(body, parse_constant=_no_constants, parse_float=_finite)
    except (ValueError, RecursionError):
        return False
    messages = value.get("messages") if isinstance(value, dict) else None
    return (
        content_type in JSON_TYPES
        and isinstance(messages, list)
        and bool(messages)
        and all(isinstance(message, dict) for message in messages)
    )


def _assert_clean_json_error(response: TestResponse, status: int) -> None:
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.is_json and json_object(response)["errors"] and json_object(response)["ok"] is False


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
        # PyJWT's annotations leave out None, the key alg none takes; it reads "" as None.
        edits.map(lambda e: jwt.encode({**claims, **e}, "", algorithm="none")),
        st.sampled_from(["channel", "cid", "jti", "iat"]).map(
            lambda gone: jwt.encode({k: v for k, v in claims.items() if k != gone}, WRONG_SECRET, algorithm="HS256")
        ),
        st.builds(lambda text, at: key[:at] + text + key[at + 1 :], HEADER_TEXT, st.integers(0, len(key) - 1)),
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
        " WHERE project.id = ? AND project.account_id = 1",
        (min(numbers[0], 2**62),),
    ).fetchall()
    return bool(owned) and (not wants_channel or numbers[1] in {row[0] for row in owned})


@pytest.mark.parametrize("route", ROUTES)
@EXAMPLES
@given(project=ID_SEGMENTS, channel=ID_SEGMENTS, method=st.sampled_from(METHODS))
def test_hostile_ids_get_a_clean_4xx_page(
    client: FlaskClient,
    form_token: str,
    database: sqlite3.Connection,
    route: str,
    project: str,
    channel: str,
    method: str,
) -> None:
    assume(not _owned(database, route, project, channel))
    before = dump_state(database)

    response = client.open(
        route.format(project=project, channel=channel), method=method, data={"csrf_token": form_token}
    )  # a sound token: only the ids are hostile

    assert 400 <= response.status_code < 500, f"{method} {route}: {response.status_code}"
    assert response.mimetype == "text/html" and "<h1" in response.get_data(as_text=True)
    assert dump_state(database) == before


def _send_json_text(client: FlaskClient, database: sqlite3.Connection, text: str) -> TestResponse:
    headers = {"Authorization": f"Bearer {_demo_key(database)}", "Content-Type": "application/json"}
    return client.post("/v2/messages", data=text, headers=headers)


@pytest.mark.parametrize("levels", [1000, 100_000])
def test_json_nested_very_deep_gets_a_clean_400(client: FlaskClient, database: sqlite3.Connection, levels: int) -> None:
    """1,000 levels raised RecursionError in the parser: a 500."""
    before = dump_state(database)

    response = _send_json_text(client, database, '{"messages": [' + "[" * levels + "]" * levels + "]}")

    _assert_clean_json_error(response, 400)
    assert "levels deep" in json_object(response)["errors"][0]
    assert dump_state(database) == before


def test_nesting_is_allowed_up_to_the_limit_and_no_further(
    app: Flask, client: FlaskClient, database: sqlite3.Connection
) -> None:
    limit = app.config["JSON_MAX_DEPTH"]
    inner = limit - 3  # the body's object, its 'messages' array and the message itself take three levels

    def nested(levels: int) -> str:
        return '{"messages": [{"event": ' + "[" * levels + "]" * levels + "}]}"

    deepest_refused = _send_json_text(client, database, nested(inner + 1))

    assert deepest_refused.status_code == 400 and "levels deep" in json_object(deepest_refused)["errors"][0]
    assert "levels deep" not in str(json_object(_send_json_text(client, database, nested(inner)))["errors"])


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400", "-1e400"])
def test_numbers_json_has_not_get_a_clean_400(client: FlaskClient, database: sqlite3.Connection, number: str) -> None:
    """They were stored as they came, making the stored message invalid JSON."""
    before = dump_state(database)

    response = _send_json_text(client, database, f'{{"messages": [{{"message": {{"confidence": {number}}}}}]}}')

    _assert_clean_json_error(response, 400)
    assert dump_state(database) == before


def _over_the_limit(app: Flask) -> bytes:
    limit: int = app.config["MAX_CONTENT_LENGTH"]
    return b"x" * (limit + 1)


class Sending(TypedDict, total=False):
    """What a request adds to the test client's call to send its body one way."""

    headers: dict[str, str]
    environ_overrides: dict[str, object]


SENT: dict[str, Sending] = {
    "with a length": {},
    # As waitress and Werkzeug's server pass a chunked body: no length, a stream the server ends.
    "chunked": {"headers": {"Transfer-Encoding": "chunked"}, "environ_overrides": {"wsgi.input_terminated": True}},
}


@pytest.mark.parametrize("how", SENT.values(), ids=SENT.keys())
def test_an_api_body_over_the_limit_gets_json_413_however_it_is_sent(
    app: Flask, client: FlaskClient, database: sqlite3.Connection, how: Sending
) -> None:
    """A chunked body was cut at the limit and parsed: a 400 for its 'unterminated string'."""
    headers = {
        "Authorization": f"Bearer {_demo_key(database)}",
        "Content-Type": "application/json",
        **how.get("headers", {}),
    }
    before = dump_state(database)

    response = client.post(
        "/v2/messages",
        input_stream=io.BytesIO(_over_the_limit(app)),
        headers=headers,
        environ_overrides=how.get("environ_overrides", {}),
    )

    _assert_clean_json_error(response, 413)
    assert dump_state(database) == before


@pytest.mark.parametrize("how", SENT.values(), ids=SENT.keys())
def test_a_form_over_the_limit_gets_a_413_page_however_it_is_sent(app: Flask, how: Sending) -> None:
    form = b"email=a%40b.test&password=" + _over_the_limit(app)
    headers = {"Content-Type": "application/x-www-form-urlencoded", **how.get("headers", {})}

    response = app.test_client().post(
        "/login", input_stream=io.BytesIO(form), headers=headers, environ_overrides=how.get("environ_overrides", {})
    )

    assert response.status_code == 413 and response.mimetype == "text/html"


def test_a_chunked_body_under_the_limit_is_read_whole(client: FlaskClient, database: sqlite3.Connection) -> None:
    message = universal_message("x" * 100_000)
    body = json.dumps({"messages": [message]}).encode()  # a Universal message: the demo key's channel
    headers = {
        "Authorization": f"Bearer {_demo_key(database)}",
        "Content-Type": "application/json",
        **SENT["chunked"]["headers"],
    }

    response = client.post(
        "/v2/messages",
        input_stream=io.BytesIO(body),
        headers=headers,
        environ_overrides=SENT["chunked"]["environ_overrides"],
    )

    assert response.status_code == 200, response.json


@EXAMPLES
@given(next_url=st.text(max_size=40) | st.text(max_size=40).map(lambda text: "/" + text))
def test_any_next_after_a_successful_login_redirects_on_site(app: Flask, next_url: str) -> None:
    response = AuthActions(app.test_client()).login(next=next_url)

    location = response.headers.get("Location", "")
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    assert location.startswith("/") and not location.startswith("//") and "\\" not in location


def _real_depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_real_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_real_depth, value), default=0)
    return 0


BRACKETY_TEXT = st.text(alphabet='[]{}"\\ ab\u00e9\U0001f600', max_size=12)
DEEP_JSON = st.recursive(
    st.none() | st.integers() | BRACKETY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(BRACKETY_TEXT, inner, max_size=3),
    max_leaves=40,
)


@EXAMPLES
@given(value=DEEP_JSON, ensure_ascii=st.booleans())
def test_the_depth_measured_before_parsing_is_the_real_depth(value: object, ensure_ascii: bool) -> None:
    assert json_body.depth(json.dumps(value, ensure_ascii=ensure_ascii)) == _real_depth(value)
