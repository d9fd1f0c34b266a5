"""Choosing the Chromium that the browser suite launches."""

from pathlib import Path

import pytest

from testkit import browser


@pytest.fixture
def no_system_chromium(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(browser.ENV_VAR, raising=False)
    monkeypatch.setattr(browser, "SYSTEM_CANDIDATES", ("/nonexistent/chromium", "no-such-browser-binary"))


def test_playwrights_own_chromium_comes_first(no_system_chromium: None, tmp_path: Path) -> None:
    own = tmp_path / "chrome"
    own.touch()

    assert browser.executable_path(str(own)) is None


def test_a_system_chromium_is_used_when_playwrights_is_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    system = tmp_path / "chromium"
    system.touch(mode=0o755)
    monkeypatch.delenv(browser.ENV_VAR, raising=False)
    monkeypatch.setattr(browser, "SYSTEM_CANDIDATES", (str(system),))

    assert browser.executable_path("/nonexistent/playwright/chrome") == str(system)


def test_the_environment_variable_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    chosen = tmp_path / "my-chrome"
    chosen.touch(mode=0o755)
    monkeypatch.setenv(browser.ENV_VAR, str(chosen))

    assert browser.executable_path("/nonexistent/playwright/chrome") == str(chosen)


def test_a_wrong_environment_variable_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(browser.ENV_VAR, str(tmp_path / "missing"))

    with pytest.raises(FileNotFoundError, match=browser.ENV_VAR):
        browser.executable_path("/nonexistent/playwright/chrome")


def test_no_browser_at_all_names_the_install_commands(no_system_chromium: None) -> None:
    with pytest.raises(FileNotFoundError) as error:
        browser.executable_path("/nonexistent/playwright/chrome")

    assert "python -m playwright install chromium" in str(error.value)
    assert "apt-get install -y chromium" in str(error.value)
