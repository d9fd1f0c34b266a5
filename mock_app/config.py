"""The app's settings: their defaults, and FLASK_* variables over them.

`DEFAULTS` are the settings the app starts with, most with a word on what they do. `load` puts
them on an app, with the database in its instance folder, and then either a test's own settings
or the FLASK_* environment (booleans parsed as booleans) over them.
"""

import os
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from flask import Config, Flask

DEFAULTS: Mapping[str, Any] = MappingProxyType({
    "DB_BUSY_TIMEOUT": 30.0,
    "SESSION_IDLE_SECONDS": 2 * 3600,  # server-side sessions (guards/sessions.py) end after this long unused,
    "SESSION_MAX_SECONDS": 12 * 3600,  # and this long after login, whatever
    "LOGIN_ADDRESS_LIMIT": "30 per minute",  # attempts (password hashes) per client address; guards/throttle.py
    "LOGIN_FAILURE_LIMITS": "5 per minute; 20 per hour",  # failures per (account, address)
    "PASSWORD_MIN_LENGTH": 12,  # characters of a new password (`flask set-password`); auth.py
    "INGEST_RATE_LIMIT": "50 per second",  # requests per channel, whichever of its keys
    "INGEST_KIB_LIMIT": "1024 per 10 seconds",  # KiB of request bodies per channel
    "INGEST_MAX_MESSAGES": 100,  # per batch; more is a 413
    "INGEST_CHANNEL_QUOTA_BYTES": 16 * 1024 * 1024,  # stored message bodies per channel; more is a 413
    "JSON_MAX_DEPTH": 32,  # nesting of arrays and objects in an API body
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    "TRUSTED_PROXIES": 0,  # reverse proxies in front whose X-Forwarded-For and -Proto are believed
    "CONNECTION_LIMIT": 1000,  # `make serve`'s open connections in all (serve.py),
    "CONNECTIONS_PER_ADDRESS": 100,  # and from one client address (guards/front_end.py; 0: no cap)
    "FORM_MAX_BYTES": 16 * 1024,  # a form's body, and its fields, before it is parsed; guards/form_limits.py
    "FORM_MAX_FIELDS": 32,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "WTF_CSRF_TIME_LIMIT": None,
    "SEND_FILE_MAX_AGE_DEFAULT": 365 * 24 * 3600,  # safe: static URLs carry their file's version
})  # fmt: skip

# Flask reads FLASK_* values with json.loads, so `true` becomes True but `False` or `no` stays a
# non-empty string, which Flask and its extensions then take as true.
BOOLEAN_SETTINGS = frozenset({
    "DEBUG", "TESTING", "PROPAGATE_EXCEPTIONS", "TRAP_HTTP_EXCEPTIONS", "TRAP_BAD_REQUEST_ERRORS",
    "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_PARTITIONED",
    "SESSION_REFRESH_EACH_REQUEST", "TEMPLATES_AUTO_RELOAD", "EXPLAIN_TEMPLATE_LOADING",
    "WTF_CSRF_ENABLED", "WTF_CSRF_SSL_STRICT", "WTF_CSRF_CHECK_DEFAULT", "RATELIMIT_ENABLED",
})  # fmt: skip
TRUE_WORDS = frozenset({"true", "1", "yes", "on"})
FALSE_WORDS = frozenset({"false", "0", "no", "off", ""})


def as_boolean(name: str, value: Any) -> bool:
    """`value` of setting `name` as a boolean; anything that is not clearly one stops the app."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"FLASK_{name} must be true or false, not {value!r}")


def parse_booleans(config: Config, also: Iterable[str] = ()) -> None:
    """Turn every known boolean setting (and those in `also`) that is set into a real boolean."""
    for name in BOOLEAN_SETTINGS.union(also):
        if name in config and config[name] is not None:
            config[name] = as_boolean(name, config[name])


def load_from_environment(config: Config) -> None:
    """FLASK_* variables over the defaults, with booleans parsed as booleans."""
    defaults_that_are_boolean = [name for name, value in config.items() if isinstance(value, bool)]
    config.from_prefixed_env()
    parse_booleans(config, defaults_that_are_boolean)


def load(app: Flask, test_config: Mapping[str, Any] | None) -> None:
    """`DEFAULTS`, then `test_config` over them if given, else the FLASK_* environment."""
    app.config["DATABASE"] = os.path.join(app.instance_path, "botanalytics.sqlite")
    app.config.from_mapping(DEFAULTS)
    if test_config is None:
        load_from_environment(app.config)
    else:
        app.config.from_mapping(test_config)
