"""Browser-facing protections: the security headers on every page, the session cookie's flags, and HSTS."""

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from mock_app import create_app
from testkit.forms import AuthActions
from testkit.serving import SeededDatabase

PAGES = [
    "/login",
    "/login/email",
    "/",
    "/projects",
    "/projects/1/settings/",
    "/projects/1/settings/channels/1",
    "/no-such-page",
]


def _cookie_flags(set_cookie: str) -> set[str]:
    return {part.strip().lower() for part in set_cookie.split(";")[1:]}


def _policy(header: str) -> dict[str, list[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_forbids_inline_script_and_framing(client: FlaskClient, auth: AuthActions, path: str) -> None:
    auth.login()

    response = client.get(path)

    policy = _policy(response.headers["Content-Security-Policy"])
    script_sources = policy.get("script-src", policy.get("default-src", []))
    assert "'unsafe-inline'" not in script_sources and "'self'" in script_sources
    assert policy.get("frame-ancestors") == ["'none'"] or response.headers.get("X-Frame-Options") == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_api_answers_carry_nosniff(client: FlaskClient) -> None:
    response = client.post("/v2/messages", json={"messages": [{}]})

    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_templates_contain_no_inline_script_or_handlers() -> None:
    """The policy is only honest if the pages never need inline script."""
    templates = Path(__file__).resolve().parents[2] / "mock_app" / "templates"
    for template in templates.rglob("*.html"):
        text = template.read_text()
        assert "<script>" not in text and " on" + "click=" not in text.lower(), template.name
        assert all("src=" in tag for tag in text.split("<script")[1:]), template.name


def test_session_cookie_is_httponly_and_samesite_lax(auth: AuthActions) -> None:
    response = auth.login()

    flags = _cookie_flags(response.headers["Set-Cookie"])
    assert {"httponly", "samesite=lax"} <= flags
    assert "secure" not in flags  # plain http by default, else logging in locally would break


@pytest.fixture
def secure_app(seeded_database: SeededDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Flask:
    """The app configured the way a deployment behind HTTPS is: through FLASK_* variables."""
    database = seeded_database.copy_to(tmp_path / "secure.sqlite")
    for name, value in {**seeded_database.env(database), "FLASK_SESSION_COOKIE_SECURE": "true"}.items():
        monkeypatch.setenv(name, value)
    return create_app()


def test_session_cookie_is_secure_when_configured(secure_app: Flask) -> None:
    response = AuthActions(secure_app.test_client()).login()

    assert "secure" in _cookie_flags(response.headers["Set-Cookie"])


@pytest.mark.parametrize("path", ["/login", "/v2/messages", "/no-such-page"])
def test_secure_cookies_come_with_hsts(secure_app: Flask, path: str) -> None:
    response = secure_app.test_client().get(path)

    header = response.headers["Strict-Transport-Security"]
    directives = dict(part.strip().partition("=")[::2] for part in header.split(";"))
    assert int(directives["max-age"]) >= 365 * 24 * 3600


def test_no_hsts_while_cookies_travel_over_plain_http(client: FlaskClient) -> None:
    response = client.get("/login")

    assert "Strict-Transport-Security" not in response.headers
