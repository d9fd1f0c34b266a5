"""Behind `TRUSTED_PROXIES` reverse proxies each client has its own address; by default none is believed."""

from pathlib import Path

from flask import Flask

from mock_app.seed import DEMO_ACCOUNT
from testkit.forms import AuthActions
from testkit.serving import SeededDatabase

PROXY, ATTACKER, OWNER = "10.0.0.2", "203.0.113.66", "198.51.100.7"
FAILURES_PER_MINUTE = 5  # the default LOGIN_FAILURE_LIMITS' first tier


def _through(app: Flask, forwarded_for: str) -> AuthActions:
    """A browser whose requests reach the app through the proxy, which says who sent them."""
    client = app.test_client()
    client.environ_base.update(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)
    return AuthActions(client)


def _guesses(browser: AuthActions, times: int) -> list[int]:
    return [browser.login(DEMO_ACCOUNT.email, f"guess-{n}").status_code for n in range(times)]


def test_behind_a_trusted_proxy_an_attacker_does_not_spend_the_owners_budget(
    seeded_database: SeededDatabase, tmp_path: Path
) -> None:
    """Without the setting every client behind a proxy shared one address, and one login budget."""
    app = seeded_database.app(tmp_path, TESTING=True, TRUSTED_PROXIES=1)
    attacker = _through(app, ATTACKER)

    assert _guesses(attacker, FAILURES_PER_MINUTE + 1)[-1] == 429
    assert _through(app, OWNER).login().status_code == 302


def test_only_the_address_the_trusted_proxy_saw_counts(seeded_database: SeededDatabase, tmp_path: Path) -> None:
    app = seeded_database.app(tmp_path, TESTING=True, TRUSTED_PROXIES=1)

    statuses = [_through(app, f"192.0.2.{n}, {ATTACKER}").login(password="wrong").status_code for n in range(6)]

    assert statuses == [401] * FAILURES_PER_MINUTE + [429]  # what the client itself wrote in front is not believed


def test_by_default_no_forwarded_address_is_believed(app: Flask) -> None:
    statuses = [_through(app, f"192.0.2.{n}").login(password="wrong").status_code for n in range(6)]

    assert statuses == [401] * FAILURES_PER_MINUTE + [429]
