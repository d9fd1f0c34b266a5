"""Server-side sessions: the cookie names a session the server can end, at logout, at a password
change, or when it has been idle or alive too long; a copied cookie dies with the original."""

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from mock_app import create_app
from mock_app.auth import change_password
from mock_app.guards import sessions
from mock_app.seed import DEMO_ACCOUNT, OTHER_ACCOUNT
from testkit.forms import AuthActions
from testkit.serving import SeededDatabase

CHANNEL_PAGE = "/projects/2/settings/channels/2"


@pytest.fixture
def state(app: Flask) -> Iterator[sqlite3.Connection]:
    """A connection to the sessions file, to see and age the sessions the app keeps."""
    connection = sqlite3.connect(app.config["SESSION_DATABASE"], isolation_level=None)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


@pytest.fixture
def logged_in(client: FlaskClient, auth: AuthActions) -> FlaskClient:
    assert auth.login().status_code == 302
    return client


def _cookie(client: FlaskClient) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def _copy_of(app: Flask, client: FlaskClient) -> FlaskClient:
    """Another browser holding a copy of `client`'s session cookie, as a thief would."""
    thief = app.test_client()
    thief.set_cookie("session", _cookie(client))
    return thief


def _is_logged_in(client: FlaskClient) -> bool:
    status = client.get("/").status_code
    assert status in (200, 302)
    return status == 200


def _user_id(db: sqlite3.Connection, email: str) -> int:
    user_id: int = db.execute("SELECT id FROM user WHERE email = ?", (email,)).fetchone()[0]
    return user_id


def test_the_cookie_holds_an_opaque_token_not_the_user(
    app: Flask, logged_in: FlaskClient, state: sqlite3.Connection
) -> None:
    content = app.session_interface.get_signing_serializer(app).loads(_cookie(logged_in))  # type: ignore[attr-defined]

    assert "user_id" not in content and set(content) <= {"sid", "csrf_token"}
    stored = [row["id"] for row in state.execute("SELECT id FROM user_session")]
    assert stored == [hashlib.sha256(content["sid"].encode()).hexdigest()]  # kept hashed, never as is


def test_a_copied_cookie_stops_working_at_logout(app: Flask, logged_in: FlaskClient, auth: AuthActions) -> None:
    thief = _copy_of(app, logged_in)
    assert _is_logged_in(thief)

    auth.logout()

    assert not _is_logged_in(thief) and not _is_logged_in(logged_in)


def test_a_password_change_ends_every_session_of_that_user(app: Flask, db: sqlite3.Connection) -> None:
    browsers = [app.test_client() for _ in range(2)]
    for browser in browsers:
        AuthActions(browser).login()
    thief = _copy_of(app, browsers[0])
    other_user = app.test_client()
    AuthActions(other_user).login(OTHER_ACCOUNT.email, OTHER_ACCOUNT.password)

    with app.app_context():
        change_password(_user_id(db, DEMO_ACCOUNT.email), "a-new-password")

    assert not any(_is_logged_in(browser) for browser in (*browsers, thief))
    assert _is_logged_in(other_user)  # another user's sessions are not touched


def test_after_a_password_change_only_the_new_password_logs_in(app: Flask, db: sqlite3.Connection) -> None:
    with app.app_context():
        change_password(_user_id(db, DEMO_ACCOUNT.email), "a-new-password")

    assert AuthActions(app.test_client()).login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password).status_code == 401
    assert AuthActions(app.test_client()).login(DEMO_ACCOUNT.email, "a-new-password").status_code == 302


def test_a_session_opened_under_the_old_password_dies_even_if_its_row_survives(
    app: Flask, logged_in: FlaskClient, db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A login still checking the old password while it changes can store its session after the
    tidy-up; the session must be dead anyway. Here the tidy-up never happens at all."""
    monkeypatch.setattr(sessions, "end_all", lambda user_id: 0)

    with app.app_context():
        change_password(_user_id(db, DEMO_ACCOUNT.email), "a-new-password")

    assert not _is_logged_in(logged_in)


def test_logging_out_ends_only_that_session(app: Flask, logged_in: FlaskClient) -> None:
    """The browser suite shares one login per account while a test of its own logs in and out."""
    second = app.test_client()
    AuthActions(second).login()

    AuthActions(second).logout()

    assert _is_logged_in(logged_in) and not _is_logged_in(second)


def test_logging_in_again_leaves_the_earlier_session_alive(app: Flask, logged_in: FlaskClient) -> None:
    AuthActions(app.test_client()).login()

    assert _is_logged_in(logged_in)


# How a session runs out: the moment it is measured from, and the setting that bounds it.
ENDINGS = {
    "idle": ("last_seen_at", "SESSION_IDLE_SECONDS"),
    "in-use-but-too-old": ("created_at", "SESSION_MAX_SECONDS"),
}


@pytest.mark.parametrize(("since", "limit"), list(ENDINGS.values()), ids=list(ENDINGS))
def test_a_session_past_its_limit_ends_and_the_login_page_leads_back(
    app: Flask, logged_in: FlaskClient, state: sqlite3.Connection, since: str, limit: str
) -> None:
    state.execute(f"UPDATE user_session SET {since} = {since} - ?", (app.config[limit] + 1,))

    response = logged_in.get(CHANNEL_PAGE)

    assert response.status_code == 302 and response.headers["Location"] == f"/login?next={CHANNEL_PAGE}"
    assert state.execute("SELECT COUNT(*) FROM user_session").fetchone()[0] == 0


def test_using_a_session_keeps_it_alive(app: Flask, logged_in: FlaskClient, state: sqlite3.Connection) -> None:
    almost_idle = app.config["SESSION_IDLE_SECONDS"] - 5
    state.execute("UPDATE user_session SET last_seen_at = last_seen_at - ?", (almost_idle,))
    logged_in.get("/")

    state.execute("UPDATE user_session SET last_seen_at = last_seen_at - 10")  # now idle, had it not been used

    assert _is_logged_in(logged_in)


def test_a_logged_out_cookie_is_forgotten_by_the_browser_too(app: Flask, logged_in: FlaskClient) -> None:
    thief = _copy_of(app, logged_in)
    AuthActions(logged_in).logout()

    thief.get("/")

    assert thief.get_cookie("session") is None  # the dead token was all it held: the cookie is deleted


def test_set_password_command_changes_the_password_and_logs_out_everywhere(app: Flask, logged_in: FlaskClient) -> None:
    result = app.test_cli_runner().invoke(
        args=["set-password", DEMO_ACCOUNT.email], input="a-new-password\na-new-password\n"
    )

    assert result.exit_code == 0, result.output
    assert "all of its sessions have ended" in result.output
    assert not _is_logged_in(logged_in)
    assert AuthActions(app.test_client()).login(DEMO_ACCOUNT.email, "a-new-password").status_code == 302


def test_set_password_command_refuses_an_unknown_email(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["set-password", "nobody@botanalytics.test", "--password", "x"])

    assert result.exit_code != 0 and "No user has the email" in result.output


def test_the_sessions_file_is_private_whatever_the_umask(seeded_database: SeededDatabase, tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        app = create_app(seeded_database.config(seeded_database.copy_to(tmp_path / "data.sqlite")))
        with closing(sqlite3.connect(app.config["SESSION_DATABASE"])) as reader:  # keeps -wal and -shm open
            reader.execute("SELECT COUNT(*) FROM user_session").fetchone()
            files = [Path(app.config["SESSION_DATABASE"] + suffix) for suffix in ("", "-wal", "-shm")]
            modes = [file.stat().st_mode & 0o777 for file in files]
    finally:
        os.umask(previous)

    assert files[0].name == "data.sessions.sqlite"  # beside the data, never in a folder all tests share
    assert modes == [0o600] * 3


@pytest.mark.parametrize("password", ["", "x", "eleven-char"])
def test_set_password_command_refuses_a_short_password_and_changes_nothing(
    app: Flask, logged_in: FlaskClient, password: str
) -> None:
    result = app.test_cli_runner().invoke(args=["set-password", DEMO_ACCOUNT.email, "--password", password])

    assert result.exit_code != 0 and "at least 12 characters" in result.output
    assert _is_logged_in(logged_in)
    assert AuthActions(app.test_client()).login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password).status_code == 302
