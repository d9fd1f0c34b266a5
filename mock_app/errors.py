"""Error answers: the site's own error page, JSON under the API (/v2), plain text for an untrusted host."""

from typing import Any

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from . import ingest
from .guards import trusted_hosts

ERROR_DETAILS = {
    404: "There is nothing here, or it belongs to another account.",
}


def error_page(error: HTTPException) -> tuple[str, int, dict[str, str]]:
    if isinstance(error, CSRFError):
        detail = "The form's security token is missing or has expired. Reload the page and try again."
    else:
        detail = ERROR_DETAILS.get(error.code or 500, error.description or "")
    # The exception's own headers, such as a 405's Allow, which a rendered page would otherwise drop.
    headers = {name: value for name, value in error.get_headers() if name != "Content-Type"}
    return render_template("errors/error.html", title=error.name, detail=detail), error.code or 500, headers


def http_error(error: HTTPException) -> Any:
    if (error.code or 500) < 400:  # routing redirects travel as exceptions too
        return error
    if request.path == "/v2" or request.path.startswith("/v2/"):
        return ingest.error_from(error)
    if trusted_hosts.is_untrusted_host(error):  # a Host outside TRUSTED_HOSTS: no URL can be built for it
        return trusted_hosts.untrusted_host_answer(error)
    return error_page(error)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, http_error)
