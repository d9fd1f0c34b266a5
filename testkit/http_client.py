"""A minimal HTTP client over the standard library: a cookie, a form token, one connection per request."""

import http.client
import json
import re
from typing import Any, NamedTuple
from urllib.parse import urlencode, urlsplit

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


LOGIN_FORM = "/login/email"  # the login page's email form, which hands out the first form token


def form_token(html: str) -> str:
    """The CSRF token in a page's form, as a browser would send it back."""
    match = TOKEN.search(html)
    if not match:
        raise AssertionError("the page has no form token")
    return match.group(1)


def key_shown_on(page: str, channel_path: str) -> str | None:
    """The key in the API Key field of the channel that `channel_path` opens, as the page shows it."""
    channel_id = channel_path.rstrip("/").rsplit("/", 1)[-1]
    match = re.search(rf'id="channel-{channel_id}-key"[^>]*value="([^"]*)"', page)
    return match.group(1) if match else None


TIMEOUT_S = 30.0


class Answer(NamedTuple):
    status: int
    headers: dict[str, str]
    body: str


class HttpSession:
    """One person's browser, reduced to what the tests need: the session cookie and the form token."""

    def __init__(self, base_url: str, source: str | None = None) -> None:
        """`source`: another loopback address (127.0.0.0/8) to connect from, so the server sees
        another client; by default the system's choice."""
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.source_address = (source, 0) if source else None
        self.cookie = ""
        self.token = ""

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> Answer:
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=TIMEOUT_S, source_address=self.source_address
        )
        try:
            sent = {**({"Cookie": self.cookie} if self.cookie else {}), **(headers or {})}
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            answer = Answer(response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace"))
        finally:
            connection.close()
        cookie = answer.headers.get("Set-Cookie", "")
        if cookie.startswith("session="):
            self.cookie = cookie.split(";", 1)[0]
        return answer

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post_form(self, path: str, form: dict[str, str]) -> Answer:
        body = urlencode({"csrf_token": self.token, **form}).encode()
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def log_in(self, email: str, password: str) -> Answer:
        page = self.get(LOGIN_FORM)
        self.token = form_token(page.body)
        answer = self.post_form("/login", {"email": email, "password": password})
        assert answer.status == 302, f"login failed with {answer.status}"
        self.token = form_token(self.get("/").body)  # logging in starts a new session
        return answer

    def shown_key(self, channel_path: str) -> str:
        """The key a channel's settings page shows."""
        page = self.get(channel_path)
        key = key_shown_on(page.body, channel_path)
        assert page.status == 200 and key, f"no key on {channel_path} ({page.status})"
        return key

    def send_messages(self, key: str, batch: Any = None) -> Answer:
        body = json.dumps(batch or {"messages": [{"message": {"text": "hello"}}]}).encode()
        headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        return self.request("POST", "/v2/messages", body, headers)
