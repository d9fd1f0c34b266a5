"""The ingestion API's answers: 200 with a request id for the current key, 401 for any other, 403 for a
disabled project, 400 for a body its channel type does not accept, and JSON for every error under /v2."""

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from mock_app import ingest
from mock_app.db import write_transaction
from mock_app.keys import fingerprint
from pages.ingestion_api import universal_message
from testkit.answers import json_object
from testkit.forms import AuthActions, csrf_token
from testkit.rows import channel_page, channel_row

RASA = ("Botanalytics Chatbot", "Rasa")
UNIVERSAL = ("Botanalytics Chatbot", "Universal")
ALEXA = ("Botanalytics Chatbot", "Amazon Alexa")
RASA_EVENT = {
    "event": "user",
    "sender_id": "s-1",
    "text": "Hey",
    "timestamp": 1704182400.5,
    "parse_data": {"intent": {"name": "greet", "confidence": 0.9}, "entities": []},
    "metadata": {},
}
UNIVERSAL_MESSAGE = universal_message("Hello")
VALID = {
    RASA: {"messages": [{"message": RASA_EVENT}]},
    UNIVERSAL: {"messages": [UNIVERSAL_MESSAGE]},
    ALEXA: {"messages": [{"anything": "goes"}]},
}


def _key(db: sqlite3.Connection, channel: tuple[str, str] = RASA) -> str:
    key: str = db.execute("SELECT api_key FROM channel WHERE id = ?", (channel_row(db, *channel)["id"],)).fetchone()[0]
    return key


def _send(client: FlaskClient, key: str | None, body: object) -> TestResponse:
    headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
    return client.post("/v2/messages", json=body, headers=headers)


def _stored(db: sqlite3.Connection) -> int:
    count: int = db.execute("SELECT COUNT(*) FROM message").fetchone()[0]
    return count


def _assert_json_error(response: TestResponse, status: int) -> None:
    assert response.status_code == status
    assert response.mimetype == "application/json"
    answer = json_object(response)
    assert answer["errors"] and all(isinstance(e, str) for e in answer["errors"])
    assert isinstance(answer["warnings"], list) and answer["ok"] is False


@pytest.mark.parametrize("channel", VALID, ids=[name for _, name in VALID])
def test_current_key_is_accepted_with_a_request_id_and_stored_with_its_fingerprint(
    client: FlaskClient, db: sqlite3.Connection, channel: tuple[str, str]
) -> None:
    key = _key(db, channel)

    response = _send(client, key, VALID[channel])

    assert response.status_code == 200
    assert response.json == {
        "request_id": json_object(response)["request_id"],
        "ok": True,
        "accepted": 1,
        "errors": [],
        "warnings": [],
    }
    assert uuid.UUID(json_object(response)["request_id"])
    row = db.execute("SELECT channel_id, key_fingerprint, body FROM message").fetchone()
    assert row["channel_id"] == channel_row(db, *channel)["id"] and row["key_fingerprint"] == fingerprint(key)
    assert json.loads(row["body"]) == VALID[channel]["messages"][0]


def test_each_request_gets_its_own_request_id(client: FlaskClient, db: sqlite3.Connection) -> None:
    ids = {json_object(_send(client, _key(db), VALID[RASA]))["request_id"] for _ in range(3)}

    assert len(ids) == 3


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", "Basic abc", "Bearer not-a-jwt", "Bearer a.b.c"])
def test_missing_or_malformed_key_gets_401_with_errors(client: FlaskClient, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}

    response = client.post("/v2/messages", json=VALID[RASA], headers=headers)

    _assert_json_error(response, 401)
    assert json_object(response)["warnings"] == [] and response.headers["WWW-Authenticate"].startswith("Bearer")


def test_replaced_key_gets_401(client: FlaskClient, auth: AuthActions, db: sqlite3.Connection) -> None:
    channel = channel_row(db, *RASA)
    auth.login()
    client.post(
        f"{channel_page(channel)}/regenerate",
        data={"csrf_token": csrf_token(client, "/")},
    )

    _assert_json_error(_send(client, channel["api_key"], VALID[RASA]), 401)
    assert _send(client, _key(db), VALID[RASA]).status_code == 200


def test_disabled_project_refuses_its_current_key_with_403(client: FlaskClient, db: sqlite3.Connection) -> None:
    project_id = channel_row(db, *RASA)["project_id"]
    db.execute("UPDATE project SET disabled = 1 WHERE id = ?", (project_id,))
    db.commit()

    response = _send(client, _key(db), VALID[RASA])

    _assert_json_error(response, 403)
    assert "disabled" in json_object(response)["errors"][0]
    assert _stored(db) == 0
    db.execute("UPDATE project SET disabled = 0 WHERE id = ?", (project_id,))
    db.commit()
    assert _send(client, _key(db), VALID[RASA]).status_code == 200


def test_disabled_project_tells_nothing_to_a_replaced_key(client: FlaskClient, db: sqlite3.Connection) -> None:
    """The key is checked first, so only the holder of the current key learns that the project is disabled."""
    channel = channel_row(db, *RASA)
    db.execute("UPDATE channel SET api_key = 'replaced' WHERE id = ?", (channel["id"],))
    db.execute("UPDATE project SET disabled = 1 WHERE id = ?", (channel["project_id"],))
    db.commit()

    _assert_json_error(_send(client, channel["api_key"], VALID[RASA]), 401)


def _meanwhile(monkeypatch: pytest.MonkeyPatch, db: sqlite3.Connection, statement: str, *args: object) -> None:
    """Run `statement` between the request's key check and its write lock, as a concurrent request could."""

    @contextmanager
    def late_write_transaction() -> Iterator[sqlite3.Connection]:
        db.execute(statement, args)
        db.commit()
        with write_transaction() as connection:
            yield connection

    monkeypatch.setattr(ingest, "write_transaction", late_write_transaction)


# What changes while a request waits for the write lock: the SQL, which id it takes, and the answer then due.
MEANWHILE = {
    "key-replaced": ("UPDATE channel SET api_key = 'replaced' WHERE id = ?", "id", 401),
    "project-disabled": ("UPDATE project SET disabled = 1 WHERE id = ?", "project_id", 403),
}


@pytest.mark.parametrize(("change", "column", "status"), list(MEANWHILE.values()), ids=list(MEANWHILE))
def test_a_change_made_during_the_request_is_seen_under_the_write_lock(
    client: FlaskClient, db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch, change: str, column: str, status: int
) -> None:
    channel = channel_row(db, *RASA)
    _meanwhile(monkeypatch, db, change, channel[column])

    _assert_json_error(_send(client, channel["api_key"], VALID[RASA]), status)
    assert _stored(db) == 0


@pytest.mark.parametrize("body", [None, [], {}, {"messages": "hi"}, {"messages": []}, {"messages": [1, 2]}])
@pytest.mark.parametrize("channel", VALID, ids=[name for _, name in VALID])
def test_bad_body_gets_400_with_errors(
    client: FlaskClient, db: sqlite3.Connection, channel: tuple[str, str], body: object
) -> None:
    headers = {"Authorization": f"Bearer {_key(db, channel)}"}
    response = (
        client.post("/v2/messages", json=body, headers=headers)
        if body is not None
        else client.post("/v2/messages", data="not json", headers={**headers, "Content-Type": "application/json"})
    )

    _assert_json_error(response, 400)
    assert _stored(db) == 0


def test_rasa_accepts_tracker_events_wrapped_as_the_sdk_sends_them(client: FlaskClient, db: sqlite3.Connection) -> None:
    batch = {"messages": [{"message": RASA_EVENT}, {"message": {"event": "bot", "text": "Hey there!", "data": {}}}]}

    response = _send(client, _key(db), batch)

    assert response.status_code == 200 and json_object(response)["accepted"] == 2
    assert _stored(db) == 2


@pytest.mark.parametrize(
    "item",
    [RASA_EVENT, {"message": "Hey"}, {"message": [RASA_EVENT]}, {"message": None}, {}],
    ids=["unwrapped event", "text", "list", "null", "empty"],
)
def test_rasa_refuses_items_not_wrapping_an_event(
    client: FlaskClient, db: sqlite3.Connection, item: dict[str, object]
) -> None:
    response = _send(client, _key(db), {"messages": [{"message": RASA_EVENT}, item]})

    _assert_json_error(response, 400)
    assert json_object(response)["errors"][0].startswith("messages[1]:")
    assert _stored(db) == 0  # a batch is taken whole or not at all


def test_rasa_keeps_extra_fields_but_warns_about_them(client: FlaskClient, db: sqlite3.Connection) -> None:
    response = _send(client, _key(db), {"messages": [{"message": RASA_EVENT, "user": {"id": "u-1"}}]})

    assert response.status_code == 200 and json_object(response)["errors"] == []
    assert json_object(response)["warnings"] and json_object(response)["warnings"][0].startswith("messages[0]:")


def _without(path: str) -> dict[str, Any]:
    """UNIVERSAL_MESSAGE with one field (`a.b`) removed."""
    item: dict[str, Any] = json.loads(json.dumps(UNIVERSAL_MESSAGE))
    *parents, last = path.split(".")
    target = item
    for parent in parents:
        target = target[parent]
    del target[last]
    return item


UNIVERSAL_BAD = {
    "no message": _without("message"),
    "message as text": {"message": "Hello"},
    "no id": _without("message.id"),
    "no thread": _without("message.thread"),
    "no thread id": _without("message.thread.id"),
    "no conversation": _without("message.conversation"),
    "no timestamp": _without("message.timestamp"),
    "no sender": _without("message.sender"),
    "no sender type": _without("message.sender.type"),
    "no content": _without("message.content"),
    "an old-style message": {"is_sender_bot": False, "user": {"id": "u-1"}, "message": {"text": "Hi", "timestamp": 1}},
    "a rasa event": {"message": {"event": "user", "text": "Hello", "timestamp": 1}},
}


@pytest.mark.parametrize("item", UNIVERSAL_BAD.values(), ids=UNIVERSAL_BAD.keys())
def test_universal_refuses_messages_without_the_documented_fields(
    client: FlaskClient, db: sqlite3.Connection, item: dict[str, object]
) -> None:
    response = _send(client, _key(db, UNIVERSAL), {"messages": [item]})

    _assert_json_error(response, 400)
    assert json_object(response)["errors"][0].startswith("messages[0]:")
    assert _stored(db) == 0


def test_universal_accepts_an_epoch_timestamp_and_numeric_ids(client: FlaskClient, db: sqlite3.Connection) -> None:
    item = json.loads(json.dumps(UNIVERSAL_MESSAGE))
    item["message"].update(id=7, timestamp=1704182400000, sender={"id": 42, "type": "user"})

    assert _send(client, _key(db, UNIVERSAL), {"messages": [item]}).status_code == 200


def test_other_channel_types_take_any_json_objects(client: FlaskClient, db: sqlite3.Connection) -> None:
    response = _send(client, _key(db, ALEXA), {"messages": [{}, {"request": {"type": "LaunchRequest"}}]})

    assert response.status_code == 200 and _stored(db) == 2


def test_a_large_bad_batch_gets_a_short_answer(client: FlaskClient, db: sqlite3.Connection) -> None:
    response = _send(client, _key(db), {"messages": [{}] * 100})

    _assert_json_error(response, 400)
    errors = json_object(response)["errors"]
    assert len(errors) == ingest.MAX_REPORTED + 1 and "90 more" in errors[-1]


@pytest.mark.parametrize("path", ["/v2/nope", "/v2", "/v2/messages/1"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_unknown_paths_answer_json_404(client: FlaskClient, path: str, method: str) -> None:
    _assert_json_error(client.open(path, method=method), 404)


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_wrong_method_answers_json_405_with_allow(client: FlaskClient, method: str) -> None:
    response = client.open("/v2/messages", method=method)

    _assert_json_error(response, 405)
    assert "POST" in {allowed.strip() for allowed in response.headers["Allow"].split(",")}


def test_too_large_body_answers_json_413(client: FlaskClient, db: sqlite3.Connection) -> None:
    text = "x" * (client.application.config["MAX_CONTENT_LENGTH"] + 1)
    response = _send(client, _key(db), {"messages": [{"message": {"text": text}}]})

    _assert_json_error(response, 413)
    assert _stored(db) == 0


def _stored_bytes(db: sqlite3.Connection, channel: tuple[str, str] = ALEXA) -> int:
    stored: int = channel_row(db, *channel)["stored_bytes"]
    return stored


def test_a_batch_over_the_cap_gets_413_and_stores_nothing(client: FlaskClient, db: sqlite3.Connection) -> None:
    cap = client.application.config["INGEST_MAX_MESSAGES"]

    response = _send(client, _key(db, ALEXA), {"messages": [{}] * (cap + 1)})

    _assert_json_error(response, 413)
    assert f"at most {cap} messages" in json_object(response)["errors"][0]
    assert _stored(db) == 0
    assert _send(client, _key(db, ALEXA), {"messages": [{}] * cap}).status_code == 200


def test_a_flood_of_empty_objects_is_refused_before_a_row_is_written(
    client: FlaskClient, db: sqlite3.Connection
) -> None:
    """1 MiB of `{}` used to become 349,518 rows in one write transaction."""
    count = (client.application.config["MAX_CONTENT_LENGTH"] - 20) // 3
    body = ('{"messages":[' + ",".join(["{}"] * count) + "]}").encode()

    response = client.post(
        "/v2/messages",
        data=body,
        headers={"Authorization": f"Bearer {_key(db, ALEXA)}", "Content-Type": "application/json"},
    )

    _assert_json_error(response, 413)
    assert _stored(db) == 0


def test_stored_bytes_are_counted_per_channel(client: FlaskClient, db: sqlite3.Connection) -> None:
    _send(client, _key(db, ALEXA), {"messages": [{"text": "hello"}, {"text": "again"}]})
    _send(client, _key(db, RASA), VALID[RASA])

    for channel in (ALEXA, RASA):
        stored = db.execute(
            "SELECT COALESCE(SUM(LENGTH(body)), 0) FROM message WHERE channel_id = ?",
            (channel_row(db, *channel)["id"],),
        ).fetchone()[0]
        assert stored > 0 and _stored_bytes(db, channel) == stored


def test_a_full_channel_gets_413_while_other_channels_take_messages(
    client: FlaskClient, db: sqlite3.Connection
) -> None:
    message = {"text": "x" * 100}
    client.application.config["INGEST_CHANNEL_QUOTA_BYTES"] = 3 * len(json.dumps(message))

    statuses = [_send(client, _key(db, ALEXA), {"messages": [message]}).status_code for _ in range(4)]
    full = _send(client, _key(db, ALEXA), {"messages": [message]})

    assert statuses == [200, 200, 200, 413]
    _assert_json_error(full, 413)
    assert "storage quota is full" in json_object(full)["errors"][0]
    assert _stored_bytes(db) == 3 * len(json.dumps(message))
    assert _send(client, _key(db, RASA), VALID[RASA]).status_code == 200


@pytest.fixture
def slow_limit(client: FlaskClient) -> int:
    client.application.config["INGEST_RATE_LIMIT"] = "3 per minute"
    return 3


def test_a_key_over_its_rate_limit_gets_429_with_retry_after(
    client: FlaskClient, db: sqlite3.Connection, slow_limit: int
) -> None:
    statuses = [_send(client, _key(db), VALID[RASA]).status_code for _ in range(slow_limit)]
    response = _send(client, _key(db), VALID[RASA])

    assert statuses == [200] * slow_limit
    _assert_json_error(response, 429)
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert _stored(db) == slow_limit


def test_one_keys_limit_leaves_other_keys_alone(client: FlaskClient, db: sqlite3.Connection, slow_limit: int) -> None:
    for _ in range(slow_limit + 1):
        _send(client, _key(db), VALID[RASA])

    assert _send(client, _key(db, UNIVERSAL), VALID[UNIVERSAL]).status_code == 200


def test_a_key_over_its_volume_limit_gets_429(client: FlaskClient, db: sqlite3.Connection) -> None:
    client.application.config["INGEST_KIB_LIMIT"] = "8 per minute"
    batch = {"messages": [{"text": "x" * 3000}]}  # 2 whole KiB each

    statuses = [_send(client, _key(db, ALEXA), batch).status_code for _ in range(5)]

    assert statuses == [200] * 4 + [429]


def test_small_bodies_count_only_as_requests(client: FlaskClient, db: sqlite3.Connection) -> None:
    client.application.config["INGEST_KIB_LIMIT"] = "1 per minute"

    statuses = [_send(client, _key(db, ALEXA), {"messages": [{"text": "hi"}]}).status_code for _ in range(5)]

    assert statuses == [200] * 5


def test_requests_with_a_wrong_key_are_not_counted_against_the_key(
    client: FlaskClient, db: sqlite3.Connection, slow_limit: int
) -> None:
    for _ in range(slow_limit + 1):
        _send(client, _key(db) + "x", VALID[RASA])

    assert _send(client, _key(db), VALID[RASA]).status_code == 200
