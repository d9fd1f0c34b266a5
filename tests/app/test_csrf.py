"""State changes need the form's CSRF token; without it nothing changes."""

import sqlite3

from flask.testing import FlaskClient

from testkit.forms import AuthActions


def test_regenerate_without_a_token_is_refused_and_changes_nothing(
    client: FlaskClient, auth: AuthActions, db: sqlite3.Connection
) -> None:
    key_before = db.execute("SELECT api_key FROM channel WHERE id = 1").fetchone()[0]
    auth.login()

    response = client.post("/projects/1/settings/channels/1/regenerate")

    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    assert db.execute("SELECT api_key FROM channel WHERE id = 1").fetchone()[0] == key_before
    assert db.execute("SELECT COUNT(*) FROM key_event").fetchone()[0] == 0


def test_regenerate_with_a_forged_token_is_refused(client: FlaskClient, auth: AuthActions) -> None:
    auth.login()

    response = client.post("/projects/1/settings/channels/1/regenerate", data={"csrf_token": "forged"})

    assert response.status_code == 400


def test_login_without_a_token_is_refused(client: FlaskClient) -> None:
    response = client.post("/login", data={"email": "demo@botanalytics.test", "password": "botanalytics-demo"})

    assert response.status_code == 400
    assert client.get("/").status_code == 302
