"""Forms as a test fills them in through Flask's test client: the form token a page hands out, logging in and out."""

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from mock_app.seed import DEMO_ACCOUNT
from testkit.http_client import LOGIN_FORM, form_token


def csrf_token(client: FlaskClient, path: str = LOGIN_FORM) -> str:
    """The form token the page at `path` hands out."""
    return form_token(client.get(path).get_data(as_text=True))


class AuthActions:
    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def login(
        self, email: str = DEMO_ACCOUNT.email, password: str = DEMO_ACCOUNT.password, **extra: str
    ) -> TestResponse:
        form = {"email": email, "password": password, "csrf_token": csrf_token(self._client), **extra}
        return self._client.post("/login", data=form)

    def logout(self) -> TestResponse:
        return self._client.post("/logout", data={"csrf_token": csrf_token(self._client, "/")})
