"""Settings read from FLASK_* variables: booleans parsed as booleans, and the hosts the app answers to."""

from collections.abc import Iterable
from typing import Any

from flask import Config

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
# Always answered; FLASK_TRUSTED_HOSTS adds the names a deployment is reached by.
DEFAULT_TRUSTED_HOSTS = ("localhost", "127.0.0.1")


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


def trusted_hosts(configured: Any) -> list[str]:
    """Localhost plus the configured hosts: a JSON list, or names separated by commas or spaces."""
    if configured is None:
        extra: list[str] = []
    elif isinstance(configured, str):
        extra = configured.replace(",", " ").split()
    else:
        extra = [str(host) for host in configured]
    return list(dict.fromkeys([*DEFAULT_TRUSTED_HOSTS, *extra]))


def load_from_environment(config: Config) -> None:
    """FLASK_* variables over the defaults, with booleans parsed as booleans."""
    defaults_that_are_boolean = [name for name, value in config.items() if isinstance(value, bool)]
    config.from_prefixed_env()
    parse_booleans(config, defaults_that_are_boolean)
