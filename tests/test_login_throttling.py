"""Repeated failed logins lock that email out for a while, even with the right password afterwards."""
import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import DEMO, OTHER, AuthActions


@pytest.fixture(autouse=True)
def low_limit(app: Flask) -> None:
    """Each failure costs a password hash; two make the point as well as five."""
    app.config["LOGIN_THROTTLE_LIMIT"] = 2


def _fail_until_throttled(app: Flask, auth: AuthActions) -> list[int]:
    return [auth.login(DEMO[0], "wrong").status_code for _ in range(app.config["LOGIN_THROTTLE_LIMIT"] + 1)]


def test_repeated_failures_are_throttled(app: Flask, auth: AuthActions) -> None:
    statuses = _fail_until_throttled(app, auth)

    assert statuses[:-1] == [401] * app.config["LOGIN_THROTTLE_LIMIT"] and statuses[-1] == 429


def test_right_password_is_refused_while_throttled(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    _fail_until_throttled(app, auth)

    response = auth.login(*DEMO)

    assert response.status_code == 429 and "Too many failed attempts" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302  # still logged out


def test_throttling_one_email_leaves_others_alone(app: Flask, auth: AuthActions) -> None:
    _fail_until_throttled(app, auth)

    assert auth.login(*OTHER).status_code == 302
