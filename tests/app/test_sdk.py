"""The official Python SDK against the mock on a real port: its Rasa and Universal clients are accepted
with the channel's current key, and refused with the key that Regenerate replaced."""

import json
import logging
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mock_app.keys import fingerprint
from mock_app.seed import DEMO_ACCOUNT
from pages.ingestion_api import universal_message
from testkit.http_client import HttpSession
from testkit.rows import channel_page, channel_row
from testkit.sdk_env import SdkUnreachable, run_in_sdk, sdk_python
from testkit.serving import SeededDatabase, ThreadServer, connect, serve_in_thread

PROJECT = DEMO_ACCOUNT.active_project
# The app's own line per API call (mock_app.ingest): what the server answered, and to which key.
SERVER_LINE = re.compile(r"ingestion request (?P<request_id>\S+) answered (?P<status>\d{3}) \(key (?P<key>\w+)\)")
SDK_SUCCESS = re.compile(r"Message\(s\) successfully sent with the request ID '(?P<request_id>[^']+)'\.")
SDK_FAILURE_LINES = (
    "401 Client Error: UNAUTHORIZED for url: ",
    "Request considered unauthorized by the API server.",
    "Received error: The API key is not valid.",
)


@dataclass(frozen=True)
class Client:
    channel: str  # its name in the demo project; its type is the client's
    script: str  # run with the message as a JSON argument; the key and URL come from BA_* variables
    message: dict[str, object]


CLIENTS = {
    "rasa": Client(
        "Rasa",
        "import json, sys\nfrom botanalytics.rasa import Rasa\nRasa().publish(json.loads(sys.argv[1]))\n",
        {
            "event": "user",
            "sender_id": "s-1",
            "text": "Hey",
            "timestamp": 1704182400.5,
            "parse_data": {"intent": {"name": "greet", "confidence": 0.9}, "entities": []},
        },
    ),
    "universal": Client(
        "Universal",
        "import json, sys\nfrom botanalytics.universal import Universal\n"
        "Universal().log_message(json.loads(sys.argv[1]))\n",
        universal_message("Hello"),
    ),
}


@pytest.fixture(scope="session")
def sdk() -> Path:
    try:
        return sdk_python()
    except SdkUnreachable as unreachable:
        pytest.skip(f"botanalytics 3.0.0 could not be installed: the package index is unreachable:\n{unreachable}")


@pytest.fixture(scope="module")
def served(seeded_database: SeededDatabase, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadServer]:
    with serve_in_thread(seeded_database, tmp_path_factory.mktemp("sdk")) as server:
        yield server


def _channel(server: ThreadServer, name: str) -> sqlite3.Row:
    with connect(server.database) as db:
        return channel_row(db, PROJECT, name)


def _environment(server: ThreadServer, key: str) -> dict[str, str]:
    return {
        "BA_API_KEY": key,
        "BA_BASE_URL": f"{server.url}/v2/",  # the SDK joins `messages` to it: without the slash it would drop /v2
        "BA_DEBUG": "false",  # the SDK crashes when these two are neither passed nor set
        "BA_IS_ASYNC": "false",  # synchronous, so every request is over when the script ends
    }


def _send(sdk: Path, server: ThreadServer, key: str, client: Client) -> str:
    """What the SDK logged while sending one message with `key`."""
    sent = run_in_sdk(sdk, client.script, json.dumps(client.message), _environment(server, key))
    assert sent.returncode == 0, sent.stderr  # the SDK logs HTTP errors and carries on
    return sent.stderr


def _server_saw(caplog: pytest.LogCaptureFixture, key: str) -> list[tuple[int, str]]:
    """(status, request id) of every API call the server answered for `key`, in order."""
    lines = (SERVER_LINE.search(record.getMessage()) for record in caplog.records if record.name == "mock_app.ingest")
    return [(int(line["status"]), line["request_id"]) for line in lines if line and line["key"] == fingerprint(key)]


def _regenerate(server: ThreadServer, channel: sqlite3.Row) -> str:
    """Regenerate as a person would: log in, then confirm with the form token; returns the new key."""
    person = HttpSession(server.url)
    person.log_in(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)
    path = f"{channel_page(channel)}/regenerate"
    assert person.post_form(path, {}).status == 302
    key: str = _channel(server, channel["name"])["api_key"]
    return key


@pytest.mark.parametrize("client", CLIENTS.values(), ids=CLIENTS.keys())
def test_sdk_is_accepted_with_the_current_key_and_refused_with_the_replaced_one(
    sdk: Path, served: ThreadServer, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mock_app.ingest")
    channel = _channel(served, client.channel)
    old_key = channel["api_key"]

    before = _send(sdk, served, old_key, client)
    [(status, request_id)] = _server_saw(caplog, old_key)
    assert status == 200
    success = SDK_SUCCESS.search(before)
    assert success and success["request_id"] == request_id, before  # the SDK read the server's answer

    new_key = _regenerate(served, channel)
    after = _send(sdk, served, old_key, client)

    assert new_key != old_key
    assert [status for status, _ in _server_saw(caplog, old_key)] == [200, 401]
    assert all(line in after for line in SDK_FAILURE_LINES), after
    assert not SDK_SUCCESS.search(after)

    renewed = _send(sdk, served, new_key, client)
    assert [status for status, _ in _server_saw(caplog, new_key)] == [200]
    assert SDK_SUCCESS.search(renewed), renewed


def test_sdk_refuses_a_key_of_another_channel_type_before_sending(
    sdk: Path, served: ThreadServer, caplog: pytest.LogCaptureFixture
) -> None:
    """The SDK reads the key's `channel` claim itself: a Rasa key in the Universal client never leaves."""
    caplog.set_level(logging.INFO, logger="mock_app.ingest")
    rasa_key = _channel(served, "Rasa")["api_key"]

    universal = CLIENTS["universal"]
    sent = run_in_sdk(sdk, universal.script, json.dumps(universal.message), _environment(served, rasa_key))

    assert sent.returncode != 0 and "API key does not match the client channel." in sent.stderr
    assert _server_saw(caplog, rasa_key) == []
