"""Trusted proxies: X-Forwarded-For and X-Forwarded-Proto are believed only from `TRUSTED_PROXIES` proxies.

By default (0) nothing forwarded is believed, so a client cannot pick the address the throttles
count by sending a header. Behind N reverse proxies, the client's address and scheme become the
ones the nearest of them saw (Werkzeug's ProxyFix).
"""

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def init_app(app: Flask) -> None:
    """Wrap `app.wsgi_app` in ProxyFix when proxies are trusted; call it after the other middleware."""
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
