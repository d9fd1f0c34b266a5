"""Waitress's front end with three more rules: connections per address, forms' size, and RFC 9112 framing.

- Waitress caps connections in all (`CONNECTION_LIMIT`) but not per address, so about 1,000 idle
  or trickling sockets from one host filled it and nobody else was answered. Past
  `CONNECTIONS_PER_ADDRESS` open connections from one address, a new one from there is closed
  as soon as it is accepted, before a byte of it is read. Behind a reverse proxy every
  connection comes from the proxy: raise the cap, or set it to 0 (none), and cap per client there.
- A form over `FORM_MAX_BYTES` gets 413 as soon as its header says so (or, chunked, as soon as
  that much has come), and the connection is closed unread: the app refuses it too
  (form_limits.py), but only once waitress had taken in the whole body, up to 1 MiB, which six
  threads posting 1 MB login forms made the server's busiest work.
- A request with both `Content-Length` and `Transfer-Encoding: chunked` is read by its chunks,
  as waitress does, and then the connection is closed (RFC 9112, section 6.3): whatever the
  length said was left over must not be read as a next request.
"""

import socket
from typing import Any

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher
from waitress.utilities import RequestEntityTooLarge

from .form_limits import FORM_TYPES


class Parser(HTTPRequestParser):  # type: ignore[misc]  # waitress has no type hints
    """Waitress's request parser, refusing a form past `form_max_bytes` (0: no bound) before reading it."""

    completed: bool  # waitress's own attributes, which this class sets too
    error: Exception | None

    def __init__(self, adj: Adjustments, form_max_bytes: int) -> None:
        super().__init__(adj)
        self.form_max_bytes = form_max_bytes

    def parse_header(self, header_plus: bytes) -> None:
        super().parse_header(header_plus)
        if self.chunked and "CONTENT_LENGTH" in self.headers:
            self.headers["CONNECTION"] = "close"  # waitress then answers with `Connection: close`, and closes

    def received(self, data: bytes) -> int:
        consumed: int = super().received(data)  # the header first, then pieces of the body
        if self.headers_finished and not self.completed and self._form_too_large():
            self.error = RequestEntityTooLarge(f"A form holds at most {self.form_max_bytes} bytes.")
            self.completed = True  # answered now, and the error closes the connection
            return len(data)  # the rest of this read is body: never to be taken for a next request
        return consumed

    def _form_too_large(self) -> bool:
        mimetype = self.headers.get("CONTENT_TYPE", "").split(";", 1)[0].strip().lower()
        size = max(self.content_length, self.body_bytes_received)  # chunked: what came, framing included
        return bool(self.form_max_bytes) and mimetype in FORM_TYPES and size > self.form_max_bytes


class Channel(HTTPChannel):  # type: ignore[misc]
    def parser_class(self, adj: Adjustments) -> Parser:
        """How waitress makes each request's parser (`self.parser_class(self.adj)`): with the server's bound."""
        return Parser(adj, self.server.form_max_bytes)


class Server(TcpWSGIServer):  # type: ignore[misc]
    """Waitress's TCP server, refusing a connection from an address that has `per_address` open."""

    channel_class = Channel

    def __init__(self, *args: Any, per_address: int, form_max_bytes: int, **kwargs: Any) -> None:
        self.per_address, self.form_max_bytes = per_address, form_max_bytes
        super().__init__(*args, **kwargs)

    def accept(self) -> tuple[socket.socket, Any] | None:
        accepted: tuple[socket.socket, Any] | None = super().accept()
        if accepted is None or not self.per_address:
            return accepted
        conn, address = accepted
        # At most CONNECTION_LIMIT channels to count, and only when one is accepted.
        if sum(channel.addr[0] == address[0] for channel in self.active_channels.values()) >= self.per_address:
            conn.close()
            return None  # what waitress's own accept returns when there was nothing to accept
        return accepted


def create_server(app: Any, listener: socket.socket, per_address: int, form_max_bytes: int, **settings: Any) -> Server:
    """`Server` on the bound socket `listener`, made as waitress.create_server makes its server for one;
    `settings` are waitress's own."""
    adjustments = Adjustments(sockets=[listener], **settings)
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adjustments.threads)
    where = (listener.family, listener.type, listener.proto, listener.getsockname())
    return Server(
        app, {}, _sock=listener, dispatcher=dispatcher, adj=adjustments, bind_socket=False, sockinfo=where,
        per_address=per_address, form_max_bytes=form_max_bytes,
    )  # fmt: skip
