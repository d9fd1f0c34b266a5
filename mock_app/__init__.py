"""A small, faithful mock of the Botanalytics dashboard: projects, channels and their API keys."""

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException, SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix

from . import keys
from .config import load_from_environment, trusted_hosts
from .guards import form_limits
from .guards.private_files import PRIVATE_FILE, PRIVATE_FOLDER, create_private_file, make_private, publish_once

csrf = CSRFProtect()

# No inline script or style anywhere, so the policy can forbid both.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HSTS_MAX_AGE_S = 365 * 24 * 3600
UNTRUSTED_HOST = "400 Bad Request: this server does not answer to that host name.\n"


def _instance_file(instance_path: str, name: str, make: Callable[[], str]) -> str:
    """A private file (mode 0600, in a 0700 folder) made once and kept; workers starting together all
    read the same one. One an older version left readable is closed up."""
    path = Path(instance_path) / name
    if not path.exists():
        with publish_once(path) as draft:
            with os.fdopen(create_private_file(draft), "w") as file:
                file.write(make())
    make_private(path.parent, PRIVATE_FOLDER)
    make_private(path, PRIVATE_FILE)
    return path.read_text()


def _instance_secret(instance_path: str) -> str:
    """A secret made once and kept, so sessions survive a restart."""
    return _instance_file(instance_path, "secret_key", lambda: secrets.token_hex(32)).strip()


def _api_key_signing_key(app: Flask) -> keys.SigningKey:
    """The Ed25519 key that signs API keys, parsed once per app; the session secret never signs them.

    Taken from `API_KEY_SIGNING_KEY` (PEM; FLASK_API_KEY_SIGNING_KEY in the environment) when set,
    else made once in the instance folder.
    """
    pem = app.config.get("API_KEY_SIGNING_KEY")
    if not pem:
        pem = _instance_file(app.instance_path, "api_key_signing_key.pem", keys.new_private_pem)
    return keys.load_signing_key(pem)


def _add_security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        # Pages show API keys: keep them out of shared caches and the back button after logout.
        response.headers.setdefault("Cache-Control", "no-store")
    if current_app.config["SESSION_COOKIE_SECURE"]:
        # Cookies only over HTTPS, so the browser is to use nothing else: no first plain request.
        response.headers.setdefault("Strict-Transport-Security", f"max-age={HSTS_MAX_AGE_S}")
    return response


def _version_static_urls(endpoint: str, values: dict[str, Any]) -> None:
    """Add the file's modification time to every static URL (`?v=...`), so browsers can keep CSS,
    script and logo for a year instead of revalidating them on each page, and an edit is a new URL."""
    if endpoint == "static" and "filename" in values and "v" not in values:
        path = Path(current_app.static_folder or "") / values["filename"]
        if path.is_file():
            values["v"] = path.stat().st_mtime_ns


ERROR_DETAILS = {
    404: "There is nothing here, or it belongs to another account.",
}


def _error_page(error: HTTPException) -> tuple[str, int, dict[str, str]]:
    if isinstance(error, CSRFError):
        detail = "The form's security token is missing or has expired. Reload the page and try again."
    else:
        detail = ERROR_DETAILS.get(error.code or 500, error.description or "")
    # The exception's own headers, such as a 405's Allow, which a rendered page would otherwise drop.
    headers = {name: value for name, value in error.get_headers() if name != "Content-Type"}
    return render_template("errors/error.html", title=error.name, detail=detail), error.code or 500, headers


def create_app(test_config: dict[str, Any] | None = None, instance_path: str | None = None) -> Flask:
    """Build the app; `test_config` replaces the FLASK_* environment, `instance_path` the ./instance folder."""
    app = Flask(__name__, instance_relative_config=True, instance_path=instance_path)
    app.request_class = form_limits.BoundedFormRequest
    app.config.from_mapping(
        DATABASE=os.path.join(app.instance_path, "botanalytics.sqlite"),
        DB_BUSY_TIMEOUT=30.0,
        SESSION_IDLE_SECONDS=2 * 3600,  # server-side sessions (sessions.py) end after this long unused,
        SESSION_MAX_SECONDS=12 * 3600,  # and this long after login, whatever
        LOGIN_ADDRESS_LIMIT="30 per minute",  # attempts (password hashes) per client address; throttle.py
        LOGIN_FAILURE_LIMITS="5 per minute; 20 per hour",  # failures per (account, address)
        PASSWORD_MIN_LENGTH=12,  # characters of a new password (`flask set-password`); auth.py
        INGEST_RATE_LIMIT="50 per second",  # requests per API key
        INGEST_KIB_LIMIT="1024 per 10 seconds",  # KiB of request bodies per API key
        INGEST_MAX_MESSAGES=100,  # per batch; more is a 413
        INGEST_CHANNEL_QUOTA_BYTES=16 * 1024 * 1024,  # stored message bodies per channel; more is a 413
        JSON_MAX_DEPTH=32,  # nesting of arrays and objects in an API body
        MAX_CONTENT_LENGTH=1024 * 1024,
        TRUSTED_PROXIES=0,  # reverse proxies in front whose X-Forwarded-For and -Proto are believed
        CONNECTION_LIMIT=1000,  # `make serve`'s open connections in all (serve.py),
        CONNECTIONS_PER_ADDRESS=100,  # and from one client address (front_end.py; 0: no cap)
        FORM_MAX_BYTES=16 * 1024,  # a form's body, and its fields, before it is parsed; form_limits.py
        FORM_MAX_FIELDS=32,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,
        SEND_FILE_MAX_AGE_DEFAULT=365 * 24 * 3600,  # safe: static URLs carry their file's version
    )
    if test_config is None:
        load_from_environment(app.config)
    else:
        app.config.from_mapping(test_config)
    # A forged Host is answered 400, never reflected in a redirect or an external URL.
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config.get("TRUSTED_HOSTS"))
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(app.instance_path)
    app.extensions[keys.EXTENSION] = _api_key_signing_key(app)  # before db.init_app: seeding issues keys

    csrf.init_app(app)
    from . import auth, dashboard, db, ingest, settings, timefmt
    from .guards import body_limit, state_db

    db.init_app(app)
    state_db.init_app(app)  # sessions and throttle counters, beside the database
    app.wsgi_app = body_limit.LimitChunkedBodies(app.wsgi_app, app.config)  # type: ignore[method-assign]
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies:  # the client's address, which the throttles count, is then the one the nearest proxy saw
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
    app.register_blueprint(auth.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(settings.bp)
    app.register_blueprint(ingest.bp)
    csrf.exempt(ingest.bp)  # the API authenticates with a bearer key, not a cookie

    app.add_template_filter(timefmt.time_ago)
    app.add_template_filter(timefmt.long_date)
    app.after_request(_add_security_headers)
    app.url_defaults(_version_static_urls)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Any:
        if (error.code or 500) < 400:  # routing redirects travel as exceptions too
            return error
        if request.path == "/v2" or request.path.startswith("/v2/"):
            return ingest.error_from(error)
        if isinstance(error, SecurityError):  # a Host outside TRUSTED_HOSTS: no URL can be built for it
            return Response(UNTRUSTED_HOST, error.code, mimetype="text/plain")
        return _error_page(error)

    return app
