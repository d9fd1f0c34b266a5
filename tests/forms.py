"""Forms as a test fills them in: the form token a page hands out, and logging in and out."""

import re

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from mock_app.seed import DEMO_ACCOUNT

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def form_token(html: str) -> str:
    """The CSRF token in a page's form, as a browser would send it back."""
    match = TOKEN.search(html)
    if not match:
        raise AssertionError("the page has no form token")
    return match.group(1)


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
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
