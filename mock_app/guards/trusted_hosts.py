"""Trusted hosts: a request whose Host is not one the app answers to gets a plain 400.

A forged Host is thus never reflected in a redirect or an external URL. `TRUSTED_HOSTS`
(FLASK_TRUSTED_HOSTS) adds the names a deployment is reached by to localhost; Werkzeug refuses
any other with a SecurityError, answered here as text, since no URL can be built for that host.
"""

from typing import Any

from flask import Flask, Response
from werkzeug.exceptions import HTTPException, SecurityError

# Always answered; FLASK_TRUSTED_HOSTS adds the names a deployment is reached by.
DEFAULT_TRUSTED_HOSTS = ("localhost", "127.0.0.1")
UNTRUSTED_HOST = "400 Bad Request: this server does not answer to that host name.\n"


def trusted_hosts(configured: Any) -> list[str]:
    """Localhost plus the configured hosts: a JSON list, or names separated by commas or spaces."""
    if configured is None:
        extra: list[str] = []
    elif isinstance(configured, str):
        extra = configured.replace(",", " ").split()
    else:
        extra = [str(host) for host in configured]
    return list(dict.fromkeys([*DEFAULT_TRUSTED_HOSTS, *extra]))


def is_untrusted_host(error: HTTPException) -> bool:
    return isinstance(error, SecurityError)


def untrusted_host_answer(error: HTTPException) -> Response:
    return Response(UNTRUSTED_HOST, error.code, mimetype="text/plain")


def init_app(app: Flask) -> None:
    """Turn the configured `TRUSTED_HOSTS` into the list Werkzeug checks every request's Host against."""
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config.get("TRUSTED_HOSTS"))
