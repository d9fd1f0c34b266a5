"""The session's seeded database and the secrets it was made with: every app a test builds on a copy
of it must use the same ones, or the seeded keys and logins would not be its own."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mock_app.db import copy_database


@dataclass(frozen=True)
class SeededDatabase:
    path: str
    secret: str  # signs sessions
    signing_key: str  # PEM of the Ed25519 key that signs API keys

    def copy_to(self, target: Path) -> str:
        copy_database(self.path, str(target))
        return str(target)

    def config(self, database: str, **extra: Any) -> dict[str, Any]:
        """`create_app`'s mapping for an app on `database` (a copy of this one)."""
        return {"SECRET_KEY": self.secret, "API_KEY_SIGNING_KEY": self.signing_key, "DATABASE": database, **extra}

    def env(self, database: str) -> dict[str, str]:
        """The same as FLASK_* variables, for an app configured from the environment (gunicorn)."""
        return {f"FLASK_{key}": str(value) for key, value in self.config(database).items()}
