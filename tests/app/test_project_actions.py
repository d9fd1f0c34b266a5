"""What the project menus and the channel's Verify change: active project, star, disabled, integrated."""

import sqlite3

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from testkit.forms import AuthActions, csrf_token

CHATBOT, SUPPORT_BOT, RASA = 2, 4, 5  # ids in the demo data: two projects, and the first's Rasa channel


@pytest.fixture
def logged_in(client: FlaskClient, auth: AuthActions) -> FlaskClient:
    auth.login()
    return client


def _post(client: FlaskClient, path: str, **form: str) -> TestResponse:
    return client.post(path, data={"csrf_token": csrf_token(client, "/projects"), **form})


def _project(db: sqlite3.Connection, project_id: int) -> sqlite3.Row:
    row: sqlite3.Row = db.execute("SELECT * FROM project WHERE id = ?", (project_id,)).fetchone()
    return row


def test_activating_a_project_makes_the_overview_show_it(logged_in: FlaskClient, db: sqlite3.Connection) -> None:
    response = _post(logged_in, f"/projects/{SUPPORT_BOT}/activate")

    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert db.execute("SELECT active_project_id FROM user WHERE id = 1").fetchone()[0] == SUPPORT_BOT
    assert '<span class="block-value">Botanalytics Support Bot</span>' in logged_in.get("/").get_data(as_text=True)


def test_starring_twice_stars_then_unstars(logged_in: FlaskClient, db: sqlite3.Connection) -> None:
    _post(logged_in, f"/projects/{SUPPORT_BOT}/star")
    assert _project(db, SUPPORT_BOT)["starred"] == 1
    page = logged_in.get("/projects").get_data(as_text=True)
    assert page.index("Botanalytics Support Bot") < page.index("Botanalytics Service Bot")

    _post(logged_in, f"/projects/{SUPPORT_BOT}/star")

    assert _project(db, SUPPORT_BOT)["starred"] == 0


def test_disable_then_enable(logged_in: FlaskClient, db: sqlite3.Connection) -> None:
    _post(logged_in, f"/projects/{CHATBOT}/disable")
    assert _project(db, CHATBOT)["disabled"] == 1
    assert "Project is disabled" in logged_in.get("/projects").get_data(as_text=True)

    _post(logged_in, f"/projects/{CHATBOT}/enable")

    assert _project(db, CHATBOT)["disabled"] == 0


@pytest.mark.parametrize("target", ["https://evil.test/", "//evil.test/", "javascript:alert(1)"])
def test_disable_never_redirects_off_site(logged_in: FlaskClient, target: str) -> None:
    response = _post(logged_in, f"/projects/{CHATBOT}/disable", next=target)

    assert response.headers["Location"] == "/projects"


def test_verify_without_a_message_keeps_the_channel_not_integrated(
    logged_in: FlaskClient, db: sqlite3.Connection
) -> None:
    response = _post(logged_in, f"/projects/{CHATBOT}/settings/channels/{RASA}/verify")

    assert response.status_code == 302
    page = logged_in.get(response.headers["Location"]).get_data(as_text=True)
    assert "No message has arrived with this key yet." in page
    assert db.execute("SELECT integrated FROM channel WHERE id = ?", (RASA,)).fetchone()[0] == 0


def test_verify_after_a_message_then_a_new_key_clears_it(logged_in: FlaskClient, db: sqlite3.Connection) -> None:
    key = db.execute("SELECT api_key FROM channel WHERE id = ?", (RASA,)).fetchone()[0]
    batch = {"messages": [{"message": {"event": "user", "text": "hi", "timestamp": 1.0}}]}
    assert logged_in.post("/v2/messages", json=batch, headers={"Authorization": f"Bearer {key}"}).status_code == 200
    channel = f"/projects/{CHATBOT}/settings/channels/{RASA}"

    _post(logged_in, f"{channel}/verify")
    assert db.execute("SELECT integrated FROM channel WHERE id = ?", (RASA,)).fetchone()[0] == 1
    _post(logged_in, f"{channel}/regenerate")

    assert db.execute("SELECT integrated FROM channel WHERE id = ?", (RASA,)).fetchone()[0] == 0
