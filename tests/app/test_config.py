"""Configuration: a secret made once and kept, and settings from FLASK_* variables, booleans as booleans."""

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.test import TestResponse

from mock_app import create_app
from testkit.forms import AuthActions
from testkit.serving import SeededDatabase


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


def _cookie_attributes(response: TestResponse) -> list[str]:
    """The names of the session cookie's attributes; a browser takes `Secure=False` as Secure too."""
    return [part.split("=", 1)[0].strip().lower() for part in response.headers["Set-Cookie"].split(";")[1:]]


@pytest.fixture
def from_environment(
    seeded_database: SeededDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Flask]:
    """An app configured as a deployment is, through FLASK_* variables, plus the ones given."""

    def make(**settings: str) -> Flask:
        database = seeded_database.copy_to(tmp_path / "env.sqlite")
        for name, value in {**seeded_database.env(database), **settings}.items():
            monkeypatch.setenv(name, value)
        return create_app(instance_path=str(tmp_path / "instance"))

    return make


@pytest.mark.parametrize("value", ["False", "false", "0", "no", "off", "FALSE"])
def test_a_false_word_in_the_environment_gives_a_cookie_without_secure(
    from_environment: Callable[..., Flask], value: str
) -> None:
    app = from_environment(FLASK_SESSION_COOKIE_SECURE=value)

    response = AuthActions(app.test_client()).login()

    assert "secure" not in _cookie_attributes(response)


@pytest.mark.parametrize("value", ["True", "true", "1", "yes", "on"])
def test_a_true_word_in_the_environment_gives_a_secure_cookie(
    from_environment: Callable[..., Flask], value: str
) -> None:
    app = from_environment(FLASK_SESSION_COOKIE_SECURE=value)

    response = AuthActions(app.test_client()).login()

    assert "secure" in _cookie_attributes(response)


def test_a_boolean_setting_that_is_not_a_boolean_stops_the_app(from_environment: Callable[..., Flask]) -> None:
    with pytest.raises(ValueError, match="FLASK_SESSION_COOKIE_SECURE"):
        from_environment(FLASK_SESSION_COOKIE_SECURE="maybe")


@pytest.mark.parametrize("setting", ["FLASK_TESTING", "FLASK_SESSION_COOKIE_HTTPONLY", "FLASK_WTF_CSRF_ENABLED"])
def test_other_boolean_settings_are_parsed_too(from_environment: Callable[..., Flask], setting: str) -> None:
    app = from_environment(**{setting: "False"})

    assert app.config[setting.removeprefix("FLASK_")] is False
