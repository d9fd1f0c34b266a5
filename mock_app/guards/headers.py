"""Security headers on every answer: a strict content policy, no framing or sniffing, no cached pages.

Each header is set only where the view has not set its own. HSTS is sent only when the session
cookie is HTTPS-only (`SESSION_COOKIE_SECURE`): the site is then to be reached over HTTPS alone.
"""

from flask import Flask, Response, current_app

# No inline script or style anywhere, so the policy can forbid both.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HSTS_MAX_AGE_S = 365 * 24 * 3600


def add_security_headers(response: Response) -> Response:
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


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
