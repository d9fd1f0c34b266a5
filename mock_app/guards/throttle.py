"""Throttling: the `limits` library (Flask-Limiter's engine) on counters that every worker shares.

Logging in is limited per client address and per account, so an attacker slows down without
locking the owner out:
- Every attempt from an address counts against `LOGIN_ADDRESS_LIMIT` (30 per minute) *before*
  its password is checked; past it the answer is 429 with no password hash at all. A flood of
  logins with random emails costs at most that many hashes (about 0.1 s of CPU each) per address.
- Every attempt then counts as a failure against `LOGIN_FAILURE_LIMITS` ("5 per minute; 20 per
  hour") for the pair (account, address), in the same atomic step that checks the limit, and
  before its password is checked; a successful login clears the pair. Counting only after the
  hash let parallel guesses all pass the check first: 40 at once got 15 checked against a
  limit of 5. Once a pair is over, only that address gets 429 for that account, until its
  window ends: guessing slows to 20 per hour per address, while the owner, from any other
  address, is never slowed, whatever the attacker does.
  A per-account limit across addresses would be the lock-out anyone could set off with the
  owner's email; its price is that an attacker with many addresses gets 20 guesses an hour each.
- Someone sharing an address with the attacker (one NAT) shares the address budget. Addresses
  are `request.remote_addr`: behind a reverse proxy, set `TRUSTED_PROXIES` so that it is the client's.

The ingestion API is limited per channel, whatever its key: `INGEST_RATE_LIMIT` requests (50 per
second) and `INGEST_KIB_LIMIT` KiB of bodies (1024 per 10 seconds); past either, 429 with
Retry-After, which the SDKs honour before retrying. Counted per key, each Regenerate gave a fresh
budget: four keys regenerated in turn had 36 MiB/s parsed against 0.4 MiB/s allowed.

The counters live in the sessions file (state_db.py), so every worker process sees the same ones,
each hit is one atomic UPSERT, and none of it waits on the data's write lock. Fixed windows: one
row per counter; a burst at a window's edge can reach twice a limit, which these limits tolerate.
Flask-Limiter's decorators are not used: it keeps its storage and settings on one process-wide
extension object, which the app factory's many apps (one per test) would share, and these limits
need keys only the view knows (the account tried, whether the password was wrong, a valid key).
"""

import functools
import hashlib
import math
import sqlite3
import time
from collections.abc import Callable

from flask import current_app
from limits import RateLimitItem, parse_many
from limits.storage import Storage
from limits.strategies import FixedWindowRateLimiter

from .state_db import get_state_db

PURGE_EVERY_S = 60


class SQLiteCounters(Storage):
    """A `limits` storage on the `throttle_counter` table of this request's sessions file."""

    STORAGE_SCHEME = None  # made directly, never from a URI
    _next_purge = 0.0

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        self._purge(now)
        # One statement, so parallel hits from every worker are counted exactly (SQLite >= 3.35).
        rows = (
            get_state_db()
            .execute(
                "INSERT INTO throttle_counter (key, hits, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                " hits = CASE WHEN expires_at <= ? THEN excluded.hits ELSE hits + excluded.hits END,"
                " expires_at = CASE WHEN expires_at <= ? THEN excluded.expires_at ELSE expires_at END"
                " RETURNING hits",
                (key, amount, now + expiry, now, now),
            )
            .fetchall()
        )  # fetch all: the statement, and its write lock, end here
        return int(rows[0][0])

    def get(self, key: str) -> int:
        row = (
            get_state_db()
            .execute("SELECT hits FROM throttle_counter WHERE key = ? AND expires_at > ?", (key, time.time()))
            .fetchone()
        )
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        row = get_state_db().execute("SELECT expires_at FROM throttle_counter WHERE key = ?", (key,)).fetchone()
        return float(row[0]) if row else time.time()

    def check(self) -> bool:
        return get_state_db().execute("SELECT 1").fetchone() is not None

    def reset(self) -> int | None:
        return get_state_db().execute("DELETE FROM throttle_counter").rowcount

    def clear(self, key: str) -> None:
        get_state_db().execute("DELETE FROM throttle_counter WHERE key = ?", (key,))

    def _purge(self, now: float) -> None:
        """Drop expired counters now and then, so a flood of one-off keys does not pile up."""
        if now >= SQLiteCounters._next_purge:
            SQLiteCounters._next_purge = now + PURGE_EVERY_S
            get_state_db().execute("DELETE FROM throttle_counter WHERE expires_at <= ?", (now,))


limiter = FixedWindowRateLimiter(SQLiteCounters())


@functools.lru_cache(maxsize=32)
def _items(setting: str) -> tuple[RateLimitItem, ...]:
    return tuple(parse_many(setting))


def _limits(name: str) -> tuple[RateLimitItem, ...]:
    return _items(str(current_app.config[name]))


def _wait(item: RateLimitItem, *identifiers: str) -> int:
    """Whole seconds until `item`'s window for `identifiers` ends; at least 1."""
    reset_at = limiter.get_window_stats(item, *identifiers).reset_time
    return max(1, math.ceil(reset_at - time.time()))


def _account(email: str) -> str:
    """A short, fixed-size stand-in for what was typed as the email, however long that was."""
    return hashlib.sha256(email.encode()).hexdigest()[:32]


def _over(items: tuple[RateLimitItem, ...], check: Callable[..., bool], *identifiers: str, cost: int = 1) -> int:
    """Apply `check` (test or hit) to every item; the longest wait among those over, or 0.
    A cost above an item's amount counts as the whole amount, so it can pass once the window is fresh."""
    over = [item for item in items if not check(item, *identifiers, cost=min(cost, item.amount))]
    return max((_wait(item, *identifiers) for item in over), default=0)


def _spend(items: tuple[RateLimitItem, ...], *identifiers: str) -> int:
    """Count one against each item in turn, each an atomic count-and-check, stopping at the first that
    is over (a shorter window's refusals do not fill a longer one); its wait, or 0."""
    for item in items:
        if not limiter.hit(item, *identifiers):
            return _wait(item, *identifiers)
    return 0


def login_wait(email: str, address: str | None) -> int:
    """0 if this login attempt may check its password; else seconds to wait. Either way it is counted,
    against the address and, until it succeeds, as a failure of the pair (account, address)."""
    pair = (address or "unknown", _account(email))
    return _spend(_limits("LOGIN_ADDRESS_LIMIT"), "login-attempts", pair[0]) or _spend(
        _limits("LOGIN_FAILURE_LIMITS"), "login-failures", *pair
    )


def login_succeeded(email: str, address: str | None) -> None:
    for item in _limits("LOGIN_FAILURE_LIMITS"):
        limiter.clear(item, "login-failures", address or "unknown", _account(email))


def ingest_wait(channel_id: int, kib: int) -> int:
    """0 if a request with a valid key of this channel and a body of `kib` whole KiB may go on, and it
    is counted; else seconds to wait. A body under 1 KiB counts as a request only."""
    channel = str(channel_id)
    requests = _over(_limits("INGEST_RATE_LIMIT"), limiter.hit, "ingest-requests", channel)
    volume = _over(_limits("INGEST_KIB_LIMIT"), limiter.hit, "ingest-kib", channel, cost=kib) if kib else 0
    return max(requests, volume)


def describe(name: str, unit: str) -> str:
    """A setting as a person reads it, e.g. '50 requests per second' or '1024 KiB per 10 seconds'."""
    parts = []
    for item in _limits(name):
        window = item.GRANULARITY.name if item.multiples == 1 else f"{item.multiples} {item.GRANULARITY.name}s"
        parts.append(f"{item.amount} {unit} per {window}")
    return " and ".join(parts)
