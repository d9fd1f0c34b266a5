"""Waitress's front end with two more rules: connections per client address, and RFC 9112's on framing.

- Waitress caps connections in all (`CONNECTION_LIMIT`) but not per address, so about 1,000 idle
  or trickling sockets from one host filled it and nobody else was answered. Past
  `CONNECTIONS_PER_ADDRESS` open connections from one address, a new one from there is closed
  as soon as it is accepted, before a byte of it is read. Behind a reverse proxy every
  connection comes from the proxy: raise the cap, or set it to 0 (none), and cap per client there.
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


class OneFramingParser(HTTPRequestParser):  # type: ignore[misc]  # waitress has no type hints
    def parse_header(self, header_plus: bytes) -> None:
        super().parse_header(header_plus)
        if self.chunked and "CONTENT_LENGTH" in self.headers:
            self.headers["CONNECTION"] = "close"  # waitress then answers with `Connection: close`, and closes


class Channel(HTTPChannel):  # type: ignore[misc]
    parser_class = OneFramingParser


class Server(TcpWSGIServer):  # type: ignore[misc]
    """Waitress's TCP server, refusing a connection from an address that has `per_address` open."""

    channel_class = Channel

    def __init__(self, *args: Any, per_address: int, **kwargs: Any) -> None:
        self.per_address = per_address
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


def create_server(app: Any, listener: socket.socket, per_address: int, **settings: Any) -> Server:
    """`Server` on the bound socket `listener`, made as waitress.create_server makes its server for one."""
    adjustments = Adjustments(sockets=[listener], **settings)
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adjustments.threads)
    where = (listener.family, listener.type, listener.proto, listener.getsockname())
    return Server(
        app, {}, _sock=listener, dispatcher=dispatcher, adj=adjustments, bind_socket=False, sockinfo=where,
        per_address=per_address,
    )  # fmt: skip
