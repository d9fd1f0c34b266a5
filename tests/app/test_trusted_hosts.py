"""Trusted hosts: a forged Host gets 400 and is never reflected in a redirect; configured names are answered."""

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from mock_app import create_app
from mock_app.seed import DEMO_ACCOUNT
from testkit.http_client import LOGIN_FORM, form_token
from testkit.serving import SeededDatabase

FORGED = "attacker.example"
# Each of these answers with a redirect whose target is built from the request.
REDIRECTING = ["/projects/1/settings", "/", "/projects/1/settings/channels/1"]


@pytest.mark.parametrize("path", REDIRECTING)
def test_a_forged_host_gets_400_and_is_not_reflected(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers={"Host": FORGED})

    assert response.status_code == 400
    assert FORGED not in response.headers.get("Location", "") + response.get_data(as_text=True)


def test_a_forged_host_cannot_log_in(app: Flask) -> None:
    browser = app.test_client(use_cookies=False)  # sends the cookie whatever the Host, as a forger would
    page = browser.get(LOGIN_FORM)
    cookie = page.headers["Set-Cookie"].split(";", 1)[0]
    form = {
        "email": DEMO_ACCOUNT.email,
        "password": DEMO_ACCOUNT.password,
        "csrf_token": form_token(page.get_data(as_text=True)),
    }

    response = browser.post("/login?next=/projects", data=form, headers={"Host": FORGED, "Cookie": cookie})

    assert response.status_code == 400


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:8000", "localhost:5000"])
def test_the_local_names_are_answered(client: FlaskClient, host: str) -> None:
    response = client.get("/projects/1/settings", headers={"Host": host})

    assert response.status_code == 308
    assert response.headers["Location"] in ("/projects/1/settings/", f"http://{host}/projects/1/settings/")


@pytest.fixture
def deployed(seeded_database: SeededDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Flask:
    database = seeded_database.copy_to(tmp_path / "deployed.sqlite")
    settings = {**seeded_database.env(database), "FLASK_TRUSTED_HOSTS": "dash.example.com, .bots.example"}
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    return create_app()


@pytest.mark.parametrize("host", ["dash.example.com", "eu.bots.example", "localhost"])
def test_hosts_from_the_environment_are_answered_besides_localhost(deployed: Flask, host: str) -> None:
    response = deployed.test_client().get("/login", headers={"Host": host})

    assert response.status_code == 200


def test_a_host_outside_the_configured_ones_is_still_refused(deployed: Flask) -> None:
    response = deployed.test_client().get("/login", headers={"Host": "dash.example.com.attacker.example"})

    assert response.status_code == 400


def test_trusted_hosts_accept_a_json_list(seeded_database: SeededDatabase, tmp_path: Path) -> None:
    database = seeded_database.copy_to(tmp_path / "t.sqlite")
    app = create_app(seeded_database.config(database, TRUSTED_HOSTS=["a.example"]))

    statuses = [app.test_client().get("/login", headers={"Host": host}).status_code for host in ("a.example", FORGED)]

    assert statuses == [200, 400]
