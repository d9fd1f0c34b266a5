"""A chunked request body over `MAX_CONTENT_LENGTH` gets 413, like one that states its length.

Werkzeug refuses a `Content-Length` over the limit at once, but a chunked body (no length; the
server marks the stream `wsgi.input_terminated`, as gunicorn and werkzeug's own server do) is
only *cut* at the limit: the app then parsed the first MiB, and a JSON batch got 400 for its
"unterminated string", a form its first fields. This middleware reads such a body up to one byte
past the limit and hands the app a stream of what it read, with that length: werkzeug then
answers 413 through the app's own error pages (JSON under /v2) if it is over, and the app reads
the body as usual if not.
"""

import io
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def _read_at_most(stream: Any, size: int) -> bytes:
    parts, left = [], size
    while left > 0:
        part = stream.read(min(left, 64 * 1024))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


class LimitChunkedBodies:
    """WSGI middleware: wrap `app.wsgi_app`; `limit` is read from `config` on every request."""

    def __init__(self, app: WsgiApp, config: dict[str, Any]) -> None:
        self.app = app
        self.config = config

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        limit = self.config.get("MAX_CONTENT_LENGTH")
        # Chunked (werkzeug then ignores any length), in a stream the server ends for us.
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if limit is not None and chunked and environ.get("wsgi.input_terminated"):
            body = _read_at_most(environ["wsgi.input"], limit + 1)
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            environ.pop("HTTP_TRANSFER_ENCODING", None)  # no longer chunked: read whole, with its length
        return self.app(environ, start_response)


def init_app(app: Flask) -> None:
    app.wsgi_app = LimitChunkedBodies(app.wsgi_app, app.config)  # type: ignore[method-assign]
