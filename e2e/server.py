"""Serve the mock app in-process on a free port, on a seeded database that resets in milliseconds."""

import secrets
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from werkzeug.serving import make_server

from mock_app import create_app
from mock_app.db import copy_database
from mock_app.keys import new_private_pem


@dataclass(frozen=True)
class MockServer:
    """The embedded app: its URL, its live database and the seeded copy it is reset from."""

    url: str
    database: str
    seeded: str

    def reset(self) -> None:
        copy_database(self.seeded, self.database)


@contextmanager
def serve_mock_app(folder: Path, extra_config: Mapping[str, Any] | None = None) -> Iterator[MockServer]:
    """`extra_config` goes to `create_app` as is, e.g. a test-only template override."""
    config = {
        "SECRET_KEY": secrets.token_hex(32),
        "API_KEY_SIGNING_KEY": new_private_pem(),  # both apps below must accept the keys seeded by the first
        "DATABASE": str(folder / "seeded.sqlite"),
        **(extra_config or {}),
    }
    create_app(config)  # creates and seeds the missing database: passwords are hashed once
    live = str(folder / "live.sqlite")
    copy_database(config["DATABASE"], live)
    server = make_server("127.0.0.1", 0, create_app({**config, "DATABASE": live}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="mock-app", daemon=True)
    thread.start()
    try:
        yield MockServer(f"http://127.0.0.1:{server.port}", live, config["DATABASE"])
    finally:
        server.shutdown()
        thread.join()
