"""A slow-client ("slowloris") attack on loopback, and the normal user it must not stop.

Sockets trickle a request header a byte at a time, never finishing it, while one person logs in
and regenerates a key. It speaks HTTP only and imports nothing of the app: the attack test and
benchmarks/attacks.py both drive it.
"""

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from testkit.http_client import LOGIN_FORM, Answer, HttpSession, form_token

if TYPE_CHECKING:
    from mock_app.seed import DemoAccount

# Never finished: no blank line ends it, so a server that reads headers in a worker waits forever.
PARTIAL_HEADER = b"GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: " + b"a" * 4096
CONNECT_TIMEOUT_S = 10.0
# Four other loopback addresses: 200 sockets spread over them are 50 each, under the per-address cap.
SPREAD = ("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5")


@dataclass
class SlowClients:
    """`count` sockets to `host:port`, from `sources` in turn when given (other loopback addresses);
    every `interval_s` each sends the next byte of its header.

    Use as a context manager: entering connects every socket and waits (on an event, not a clock)
    until each has sent its first byte; leaving stops the trickle and closes them all.
    """

    host: str
    port: int
    count: int = 200
    interval_s: float = 0.1  # the pace of the trickle: the attack itself, not a synchronisation
    max_rounds: int = 3000  # a bound on the attack's length whatever happens (5 min at 0.1 s)
    sources: tuple[str, ...] = ()
    sockets: list[socket.socket] = field(default_factory=list, init=False)
    rounds: int = field(default=0, init=False)
    dropped: set[int] = field(default_factory=set, init=False)  # sockets the server closed or reset
    _first_round: threading.Event = field(default_factory=threading.Event, init=False)
    _stop: threading.Event = field(default_factory=threading.Event, init=False)
    _thread: threading.Thread | None = field(default=None, init=False)

    @property
    def still_open(self) -> int:
        """Sockets the server was still holding, mid-header, at the last round."""
        return len(self.sockets) - len(self.dropped)

    def __enter__(self) -> "SlowClients":
        try:
            for index in range(self.count):
                source = (self.sources[index % len(self.sources)], 0) if self.sources else None
                sock = socket.create_connection((self.host, self.port), CONNECT_TIMEOUT_S, source)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # one byte, one segment
                self.sockets.append(sock)
        except OSError:
            self.__exit__()
            raise
        self._thread = threading.Thread(target=self._trickle, name="slow-clients", daemon=True)
        self._thread.start()
        self._first_round.wait()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        for sock in self.sockets:
            sock.close()

    def _trickle(self) -> None:
        try:
            self._send_rounds()
        finally:
            self._first_round.set()  # never leave __enter__ waiting, whatever happened here

    def _send_rounds(self) -> None:
        while self.rounds < min(self.max_rounds, len(PARTIAL_HEADER)):
            byte = PARTIAL_HEADER[self.rounds : self.rounds + 1]
            for index, sock in enumerate(self.sockets):
                if index not in self.dropped:
                    try:
                        sock.send(byte)
                    except OSError:
                        self.dropped.add(index)
            self.rounds += 1
            self._first_round.set()
            if self._stop.wait(self.interval_s):
                return


@dataclass(frozen=True)
class Step:
    """One request of the normal user: what it was, its status (None: no answer in time), where it
    redirected to, and how long it took."""

    name: str
    status: int | None
    location: str
    seconds: float

    @property
    def as_expected(self) -> bool:
        """The answer a logged-in person gets; a redirect to the login page is not one."""
        return self.status == EXPECTED[self.name] and not self.location.startswith("/login")


EXPECTED = {"login form": 200, "log in": 302, "account page": 200, "regenerate": 302, "channel page": 200}


def normal_user(base_url: str, account: "DemoAccount", channel_path: str, regenerations: int) -> list[Step]:
    """Log in and regenerate a channel's key `regenerations` times, each followed by the page it leads
    to; a request that gets no answer within http_client.TIMEOUT_S is recorded and the user goes on."""
    session, steps = HttpSession(base_url), []

    def step(name: str, call: Callable[[], Answer]) -> Answer | None:
        started = time.perf_counter()
        try:
            answer: Answer | None = call()
        except OSError:  # a timeout, a reset: not answered
            answer = None
        seconds = time.perf_counter() - started
        if answer is None:
            steps.append(Step(name, None, "", seconds))
        else:
            steps.append(Step(name, answer.status, answer.headers.get("Location", ""), seconds))
        return answer

    def take_token(answer: Answer | None) -> None:
        if answer and answer.status == 200:
            session.token = form_token(answer.body)

    take_token(step("login form", lambda: session.get(LOGIN_FORM)))
    step("log in", lambda: session.post_form("/login", {"email": account.email, "password": account.password}))
    take_token(step("account page", lambda: session.get("/")))  # logging in starts a new session
    for _ in range(regenerations):
        step("regenerate", lambda: session.post_form(f"{channel_path}/regenerate", {}))
        step("channel page", lambda: session.get(channel_path))
    return steps
