"""Abusive clients on loopback, and the person who must not notice them: password guessing, login
floods with random emails, one key flooding the API, each from its own loopback address.

Every loop is bounded in count and time. It speaks HTTP only and imports nothing of the app: the flood tests
(tests/app/test_flood.py) and benchmarks/attacks.py both drive it.
"""

import json
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from testkit.http_client import LOGIN_FORM, Answer, HttpSession, form_token

if TYPE_CHECKING:
    from mock_app.seed import DemoAccount

DEADLINE_S = 120.0  # no flood runs longer than this, whatever happens
RESET = 0  # the status of an attempt whose connection was closed before any answer came


class ClientAt(HttpSession):
    """An HttpSession whose connections leave from `source`, another loopback address (127.0.0.0/8),
    so the server sees another client address."""

    def __init__(self, base_url: str, source: str = "127.0.0.1") -> None:
        super().__init__(base_url, source)

    def open_login_form(self) -> None:
        self.token = form_token(self.get(LOGIN_FORM).body)

    def try_login(self, email: str, password: str) -> Answer:
        """One attempt with the form token already held (a failed attempt keeps it valid)."""
        return self.post_form("/login", {"email": email, "password": password})


@dataclass
class Flood:
    """`threads` clients each calling `attempt(client, n)` until stopped, `per_thread` times at most,
    or DEADLINE_S. Use as a context manager: the flood runs while the `with` body does; the
    statuses it got are in `statuses` afterwards."""

    make_client: Callable[[int], ClientAt]
    attempt: Callable[[ClientAt, int], int]
    threads: int = 4
    per_thread: int = 1000
    statuses: list[int] = field(default_factory=list, init=False)
    _stop: threading.Event = field(default_factory=threading.Event, init=False)
    _pool: ThreadPoolExecutor | None = field(default=None, init=False)
    _futures: list[Any] = field(default_factory=list, init=False)
    _started: threading.Barrier | None = field(default=None, init=False)

    def _run(self, index: int) -> list[int]:
        client, statuses = self.make_client(index), []
        assert self._started is not None
        self._started.wait(timeout=DEADLINE_S)
        deadline = time.monotonic() + DEADLINE_S
        for n in range(self.per_thread):
            if self._stop.is_set() or time.monotonic() > deadline:
                break
            statuses.append(self.attempt(client, n))
        return statuses

    def __enter__(self) -> "Flood":
        self._started = threading.Barrier(self.threads + 1)  # every client ready, then the `with` body
        self._pool = ThreadPoolExecutor(self.threads)
        self._futures = [self._pool.submit(self._run, index) for index in range(self.threads)]
        self._started.wait(timeout=DEADLINE_S)
        return self

    def wait(self) -> "Flood":
        """Let every thread finish its `per_thread` attempts (for a flood of fixed size)."""
        self.statuses = [status for future in self._futures for status in future.result(timeout=DEADLINE_S)]
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        assert self._pool is not None
        self.statuses = [status for future in self._futures for status in future.result(timeout=DEADLINE_S)]
        self._pool.shutdown()


def guessing(base_url: str, source: str, email: str, threads: int = 4, per_thread: int = 1000) -> Flood:
    """Wrong passwords for `email`, from `source`."""

    def client(_: int) -> ClientAt:
        attacker = ClientAt(base_url, source)
        attacker.open_login_form()
        return attacker

    return Flood(client, lambda attacker, n: attacker.try_login(email, f"guess-{n}").status, threads, per_thread)


def random_emails(base_url: str, sources: list[str], threads: int = 4, per_thread: int = 1000) -> Flood:
    """Logins with a new random email each time, spread over `sources` (one per thread, in turn)."""

    def client(index: int) -> ClientAt:
        flooder = ClientAt(base_url, sources[index % len(sources)])
        flooder.open_login_form()
        return flooder

    def attempt(flooder: ClientAt, _: int) -> int:
        return flooder.try_login(f"{secrets.token_hex(8)}@example.test", "password").status

    return Flood(client, attempt, threads, per_thread)


def posting(
    base_url: str,
    source: str,
    path: str,
    body: bytes,
    headers: dict[str, str],
    threads: int = 4,
    per_thread: int = 1000,
) -> Flood:
    """`body` posted to `path` from `source` as fast as it is answered."""
    return Flood(
        lambda _: ClientAt(base_url, source),
        lambda sender, _: sender.request("POST", path, body, headers).status,
        threads, per_thread,
    )  # fmt: skip


def key_flood(base_url: str, source: str, key: str, body: bytes, threads: int = 4, per_thread: int = 1000) -> Flood:
    """One key posting `body` to the ingestion API as fast as it is answered."""
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    return posting(base_url, source, "/v2/messages", body, headers, threads, per_thread)


def form_flood(base_url: str, source: str, body: bytes, threads: int = 4, per_thread: int = 1000) -> Flood:
    """Login forms of `body` (see `field_bomb`) from `source`, each with a valid form token."""

    def client(_: int) -> ClientAt:
        flooder = ClientAt(base_url, source)
        flooder.open_login_form()
        return flooder

    def attempt(flooder: ClientAt, _: int) -> int:
        token = f"csrf_token={flooder.token}&".encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        try:
            return flooder.request("POST", "/login", token + body, headers).status
        except OSError:  # a server that refuses the form unread may close while it is still being sent
            return RESET

    return Flood(client, attempt, threads, per_thread)


def empty_objects(size: int) -> bytes:
    """A batch of `{}` as large as fits in `size` bytes: the issue's flood."""
    count = (size - 20) // 3
    return ('{"messages":[' + ",".join(["{}"] * count) + "]}").encode()


def worst_case_json(size: int) -> bytes:
    """33 `[`, a `"`, then `\\"` up to `size` bytes: one string that never ends, made of escaped quotes.
    It made the old depth check quadratic: 62.5 KiB froze the server for 10 s."""
    return b"[" * 33 + b'"' + b'\\"' * ((size - 34) // 2)


def field_bomb(size: int) -> bytes:
    """A login form of about `size` bytes, nearly all of it one-letter fields: 250,000 of them in 1 MB."""
    head = b"email=x%40example.test&password=x"
    return head + b"&a=1" * ((size - len(head)) // 4)


def full_batch(messages: int, text_bytes: int) -> bytes:
    """`messages` objects of about `text_bytes` each: a batch the API accepts (any channel but Rasa and Universal)."""
    return json.dumps({"messages": [{"text": "x" * text_bytes}] * messages}).encode()


@dataclass(frozen=True)
class Timed:
    status: int
    seconds: float


def timed(call: Callable[[], Answer]) -> Timed:
    started = time.perf_counter()
    answer = call()
    return Timed(answer.status, time.perf_counter() - started)


def regenerations(client: ClientAt, channel_path: str, count: int, seconds: float = 0.0) -> Iterator[Timed]:
    """Regenerations of one channel's key by a logged-in client, each timed alone: `count` of them,
    and more until `seconds` have passed."""
    started = time.monotonic()
    done = 0
    while done < count or time.monotonic() - started < min(seconds, DEADLINE_S):
        yield timed(lambda: client.post_form(f"{channel_path}/regenerate", {}))
        done += 1


def logged_in(base_url: str, source: str, account: "DemoAccount") -> ClientAt:
    person = ClientAt(base_url, source)
    person.log_in(account.email, account.password)
    return person
