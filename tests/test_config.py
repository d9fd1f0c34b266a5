"""Configuration: a secret made once and kept, and settings from FLASK_* variables."""
from pathlib import Path

import pytest

from mock_app import create_app


def test_secret_is_generated_once_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    monkeypatch.setenv("FLASK_DATABASE", str(tmp_path / "db.sqlite"))
    instance = str(tmp_path / "instance")

    first = create_app(instance_path=instance).config["SECRET_KEY"]
    second = create_app(instance_path=instance).config["SECRET_KEY"]

    assert first == second and len(first) >= 64
    assert (tmp_path / "instance" / "secret_key").stat().st_mode & 0o777 == 0o600


def test_settings_come_from_prefixed_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-the-environment-" + "x" * 20)
    monkeypatch.setenv("FLASK_DATABASE", str(tmp_path / "env.sqlite"))

    app = create_app(instance_path=str(tmp_path / "instance"))

    assert app.config["SECRET_KEY"].startswith("from-the-environment-")
    assert (tmp_path / "env.sqlite").exists()
