"""Login throttling backs off the address that keeps failing and never locks the owner out:
failures count per (account, address), every attempt per address, and a 429 costs no password hash."""

import secrets
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.security import check_password_hash

from mock_app import auth as auth_module
from mock_app import create_app
from mock_app.guards import throttle
from mock_app.seed import DEMO_ACCOUNT, OTHER_ACCOUNT
from testkit.forms import AuthActions, csrf_token
from testkit.serving import SeededDatabase

ATTACKER, OWNER = "203.0.113.66", "198.51.100.7"  # documentation addresses: two clients, two places
FAILURES_PER_MINUTE = 5  # the default LOGIN_FAILURE_LIMITS' first tier


def _client_at(app: Flask, address: str) -> FlaskClient:
    """A browser at `address`."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def _from(app: Flask, address: str) -> AuthActions:
    return AuthActions(_client_at(app, address))


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every password check the app makes (each costs about 0.1 s of CPU)."""
    checked: list[str] = []

    def counting_check(pwhash: str, password: str) -> bool:
        checked.append("hash")
        return check_password_hash(pwhash, password)

    monkeypatch.setattr(auth_module, "check_password_hash", counting_check)
    return checked


def _guess(browser: AuthActions, times: int, email: str = DEMO_ACCOUNT.email) -> list[int]:
    return [browser.login(email, f"guess-{n}").status_code for n in range(times)]


def test_repeated_failures_from_one_address_get_429_without_hashing(app: Flask, hashes: list[str]) -> None:
    statuses = _guess(_from(app, ATTACKER), FAILURES_PER_MINUTE + 3)

    assert statuses == [401] * FAILURES_PER_MINUTE + [429] * 3
    assert len(hashes) == FAILURES_PER_MINUTE


def test_the_owner_gets_in_from_another_address_while_the_attacker_is_throttled(app: Flask) -> None:
    attacker, owner = _from(app, ATTACKER), _from(app, OWNER)
    _guess(attacker, FAILURES_PER_MINUTE + 1)

    assert owner.login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password).status_code == 302
    assert _guess(attacker, 1) == [429]  # the owner's success does not clear the attacker's count


def test_the_owner_gets_in_between_every_guess_of_an_attacker_who_keeps_going(app: Flask) -> None:
    attacker = _from(app, ATTACKER)

    owner_statuses = []
    for _ in range(FAILURES_PER_MINUTE + 3):
        _guess(attacker, 1)
        owner_statuses.append(_from(app, OWNER).login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password).status_code)

    assert owner_statuses == [302] * (FAILURES_PER_MINUTE + 3)


def test_the_throttled_address_may_still_log_in_to_other_accounts(app: Flask) -> None:
    attacker = _from(app, ATTACKER)
    _guess(attacker, FAILURES_PER_MINUTE + 1)

    assert attacker.login(OTHER_ACCOUNT.email, OTHER_ACCOUNT.password).status_code == 302


def test_a_429_is_the_login_page_saying_how_long_to_wait(app: Flask) -> None:
    attacker = _from(app, ATTACKER)
    _guess(attacker, FAILURES_PER_MINUTE)

    response = attacker.login(DEMO_ACCOUNT.email, "one more")

    assert response.status_code == 429 and 1 <= int(response.headers["Retry-After"]) <= 60
    page = response.get_data(as_text=True)
    assert f"Wait {response.headers['Retry-After']} seconds" in page and 'role="alert"' in page


def test_a_successful_login_clears_that_addresses_failures(app: Flask) -> None:
    owner = _from(app, OWNER)
    _guess(owner, FAILURES_PER_MINUTE - 1)
    owner.login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)

    assert _guess(owner, FAILURES_PER_MINUTE) == [401] * FAILURES_PER_MINUTE


def test_random_emails_cost_no_more_hashes_than_the_address_budget(app: Flask, hashes: list[str]) -> None:
    app.config["LOGIN_ADDRESS_LIMIT"] = "6 per minute"  # each hash is about 0.1 s: six make the point
    flooder = _from(app, ATTACKER)

    statuses = [flooder.login(f"{secrets.token_hex(6)}@example.test", "x").status_code for _ in range(10)]

    assert statuses == [401] * 6 + [429] * 4
    assert len(hashes) == 6
    assert (
        _from(app, OWNER).login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password).status_code == 302
    )  # another address has its own budget


@pytest.fixture
def second_worker(seeded_database: SeededDatabase, app: Flask) -> Flask:
    """Another app on the same files, as another server process would be."""
    return create_app(seeded_database.config(app.config["DATABASE"], TESTING=True))


def test_workers_share_the_counts(app: Flask, second_worker: Flask) -> None:
    first, second = _from(app, ATTACKER), _from(second_worker, ATTACKER)

    workers = [first if n % 2 else second for n in range(FAILURES_PER_MINUTE + 1)]
    statuses = [worker.login(DEMO_ACCOUNT.email, "wrong").status_code for worker in workers]

    assert statuses == [401] * FAILURES_PER_MINUTE + [429]


@pytest.fixture
def in_parallel() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(8) as pool:
        yield pool


def test_hits_counted_in_parallel_are_counted_exactly(app: Flask, in_parallel: ThreadPoolExecutor) -> None:
    """Each hit is one atomic statement, so parallel attempts cannot all slip under a limit."""
    item = throttle._items("10 per minute")[0]

    def hit(_: int) -> bool:
        with app.app_context():
            return throttle.limiter.hit(item, "parallel", ATTACKER)

    allowed = list(in_parallel.map(hit, range(40)))

    assert allowed.count(True) == 10


def test_parallel_guesses_get_no_more_checks_than_the_limit(app: Flask, hashes: list[str]) -> None:
    """Checked before the hash and counted after it, 40 guesses at once got 15 checked against 5."""
    guessers = [_client_at(app, ATTACKER) for _ in range(40)]
    forms = [{"csrf_token": csrf_token(guesser), "email": DEMO_ACCOUNT.email} for guesser in guessers]
    together = threading.Barrier(len(guessers))

    def guess(n: int) -> int:
        together.wait()  # all 40 sent at once
        return guessers[n].post("/login", data={**forms[n], "password": f"guess-{n}"}).status_code

    with ThreadPoolExecutor(len(guessers)) as pool:
        statuses = list(pool.map(guess, range(len(guessers))))

    assert sorted(statuses) == [401] * FAILURES_PER_MINUTE + [429] * (len(guessers) - FAILURES_PER_MINUTE)
    assert len(hashes) == FAILURES_PER_MINUTE
