"""The secrets the app keeps in its instance folder: the session secret and the key that signs API keys.

Each is made once, the first time the app starts, and kept, so sessions and issued keys survive
a restart; a setting (`SECRET_KEY`, `API_KEY_SIGNING_KEY`) given instead is used as it is.
"""

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from flask import Flask

from . import keys
from .guards.private_files import PRIVATE_FILE, PRIVATE_FOLDER, create_private_file, make_private, publish_once


def instance_file(instance_path: str, name: str, make: Callable[[], str]) -> str:
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


def secret_key(instance_path: str) -> str:
    """A secret made once and kept, so sessions survive a restart."""
    return instance_file(instance_path, "secret_key", lambda: secrets.token_hex(32)).strip()


def api_key_signing_key(app: Flask) -> keys.SigningKey:
    """The Ed25519 key that signs API keys, parsed once per app; the session secret never signs them.

    Taken from `API_KEY_SIGNING_KEY` (PEM; FLASK_API_KEY_SIGNING_KEY in the environment) when set,
    else made once in the instance folder.
    """
    pem = app.config.get("API_KEY_SIGNING_KEY")
    if not pem:
        pem = instance_file(app.instance_path, "api_key_signing_key.pem", keys.new_private_pem)
    return keys.load_signing_key(pem)


def init_app(app: Flask) -> None:
    """`SECRET_KEY`, unless one is configured, and the API key signing key, on the app's extensions."""
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key(app.instance_path)
    app.extensions[keys.EXTENSION] = api_key_signing_key(app)
