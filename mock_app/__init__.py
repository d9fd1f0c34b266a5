"""A faithful mock of the Botanalytics dashboard: accounts, projects, channels and their API keys.

Regenerating a channel's key, what the app is for, goes through a handful of modules:
- settings.py: the Project Settings routes, Regenerate and Verify among them;
- keys.py: issuing, signing and reading API keys;
- db.py and models.py: the SQLite database and the account-scoped reads of it;
- ingest.py: the ingestion API (`POST /v2/messages`), open to a channel's current key only;
- auth.py and dashboard.py: logging in, and the dashboards that lead to Project Settings.
`create_app` puts them together with the configuration (config.py), the instance secrets
(instance.py), the error answers (errors.py) and the guards against abuse (guards/, one a module).
"""

from pathlib import Path
from typing import Any

from flask import Flask, current_app
from flask_wtf.csrf import CSRFProtect

from . import auth, config, dashboard, db, errors, ingest, instance, settings, timefmt
from .guards import body_limit, form_limits, headers, state_db, trusted_hosts, trusted_proxies

csrf = CSRFProtect()


def _version_static_urls(endpoint: str, values: dict[str, Any]) -> None:
    """Add the file's modification time to every static URL (`?v=...`), so browsers can keep CSS,
    script and logo for a year instead of revalidating them on each page, and an edit is a new URL."""
    if endpoint == "static" and "filename" in values and "v" not in values:
        path = Path(current_app.static_folder or "") / values["filename"]
        if path.is_file():
            values["v"] = path.stat().st_mtime_ns


def create_app(test_config: dict[str, Any] | None = None, instance_path: str | None = None) -> Flask:
    """Build the app; `test_config` replaces the FLASK_* environment, `instance_path` the ./instance folder."""
    app = Flask(__name__, instance_relative_config=True, instance_path=instance_path)
    config.load(app, test_config)
    instance.init_app(app)  # before db.init_app: seeding issues keys

    csrf.init_app(app)
    db.init_app(app)

    trusted_hosts.init_app(app)
    state_db.init_app(app)  # sessions and throttle counters, beside the database
    form_limits.init_app(app)
    body_limit.init_app(app)
    trusted_proxies.init_app(app)  # the outermost middleware
    headers.init_app(app)

    app.register_blueprint(auth.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(settings.bp)
    app.register_blueprint(ingest.bp)
    csrf.exempt(ingest.bp)  # the API authenticates with a bearer key, not a cookie
    app.add_template_filter(timefmt.time_ago)
    app.add_template_filter(timefmt.long_date)
    app.url_defaults(_version_static_urls)

    errors.init_app(app)
    return app
