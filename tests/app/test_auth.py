"""Logging in and out with the Flask test client."""

import pytest
from flask.testing import FlaskClient
from werkzeug.security import check_password_hash

from mock_app.seed import DEMO_ACCOUNT
from testkit.forms import AuthActions


def test_pages_redirect_to_login_with_the_way_back(client: FlaskClient) -> None:
    response = client.get("/projects/1/settings/channels/1")

    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=/projects/1/settings/channels/1"


def test_the_login_page_offers_three_ways_in_and_only_email_leads_on(client: FlaskClient) -> None:
    page = client.get("/login?next=/projects").get_data(as_text=True)

    assert 'href="/login/email?next=/projects"' in page
    for way in ("Google", "Facebook"):
        assert f'title="Logging in with {way} is not part of this mock">' in page


def test_the_email_form_carries_the_way_back(client: FlaskClient) -> None:
    page = client.get("/login/email?next=/projects").get_data(as_text=True)

    assert '<input type="hidden" name="next" value="/projects">' in page


def test_login_continues_to_the_page_asked_for(auth: AuthActions) -> None:
    response = auth.login(next="/projects/1/settings/channels")

    assert response.status_code == 302
    assert response.headers["Location"] == "/projects/1/settings/channels"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "evil.example"])
def test_login_refuses_to_redirect_off_site(auth: AuthActions, next_url: str) -> None:
    response = auth.login(next=next_url)

    assert response.headers["Location"] == "/"


@pytest.mark.parametrize(
    "next_url",
    ["/\r\nSet-Cookie: stolen=1", "/projects\n", "/projects\r", "/\x00", "/\x1b[31m", "/\x7f"],
    ids=["CRLF header", "LF", "CR", "NUL", "escape", "DEL"],
)
def test_login_with_control_characters_in_next_goes_to_the_dashboard(auth: AuthActions, next_url: str) -> None:
    """A CR or LF cannot go in a Location header: this was a 500 after a successful login."""
    response = auth.login(next=next_url)

    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "stolen" not in str(response.headers)


def test_wrong_password_is_refused_and_logs_nobody_in(client: FlaskClient, auth: AuthActions) -> None:
    response = auth.login(password="wrong")

    assert response.status_code == 401
    assert "not right" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_unknown_email_gets_the_same_answer_as_a_wrong_password(auth: AuthActions) -> None:
    response = auth.login(email="nobody@botanalytics.test", password="wrong")

    assert response.status_code == 401
    assert "not right" in response.get_data(as_text=True)


def test_logged_in_user_sees_the_active_project(client: FlaskClient, auth: AuthActions) -> None:
    auth.login()

    page = client.get("/").get_data(as_text=True)

    assert f'<span class="block-value">{DEMO_ACCOUNT.active_project}</span>' in page
    assert DEMO_ACCOUNT.full_name in page


def test_logout_ends_the_session(client: FlaskClient, auth: AuthActions) -> None:
    auth.login()

    response = auth.logout()

    assert response.headers["Location"] == "/login"
    assert client.get("/").status_code == 302


def test_unknown_email_costs_a_password_check_too(auth: AuthActions, monkeypatch: pytest.MonkeyPatch) -> None:
    """Answering an unknown email faster than a wrong password would tell which emails have accounts."""
    from mock_app import auth as auth_module

    checks: list[str] = []

    def counting_check(pwhash: str, password: str) -> bool:
        checks.append("checked")
        return check_password_hash(pwhash, password)

    monkeypatch.setattr(auth_module, "check_password_hash", counting_check)

    auth.login(email="nobody@botanalytics.test", password="wrong")

    assert checks == ["checked"]


def test_logged_in_pages_are_not_cached(client: FlaskClient, auth: AuthActions) -> None:
    auth.login()

    assert client.get("/projects/1/settings/channels/1").headers["Cache-Control"] == "no-store"
