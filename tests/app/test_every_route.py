"""Rules over the whole URL map, so a route added later is covered too: form tokens and account walls."""

import sqlite3
import tempfile

import pytest
from flask.testing import FlaskClient
from werkzeug.routing import Rule

from mock_app import create_app
from mock_app.seed import OTHER_ACCOUNT
from testkit.forms import AuthActions, csrf_token
from testkit.rows import State, dump_state

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
BEARER_ONLY = ("ingest.",)  # the API authenticates with a key in a header, never with a cookie


def _rules() -> list[Rule]:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {"TESTING": True, "SECRET_KEY": "x" * 32, "DATABASE": f"{folder}/rules.sqlite"},
            instance_path=f"{folder}/instance",
        )
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"]


RULES = _rules()


def _path(rule: Rule, db: sqlite3.Connection, email: str) -> str:
    """The rule's URL for the first channel of the account that owns `email`."""
    row = db.execute(
        "SELECT project.id, channel.id FROM user JOIN project ON project.account_id = user.account_id"
        " JOIN channel ON channel.project_id = project.id WHERE user.email = ? ORDER BY channel.id LIMIT 1",
        (email,),
    ).fetchone()
    values = {"project_id": row[0], "channel_id": row[1]}
    return rule.rule.replace("<id:project_id>", str(values["project_id"])).replace(
        "<id:channel_id>", str(values["channel_id"])
    )


def _methods(rule: Rule) -> set[str]:
    assert rule.methods is not None, f"{rule.rule} answers no methods"
    return rule.methods


@pytest.fixture
def before(auth: AuthActions, db: sqlite3.Connection) -> State:
    """Logged in as the demo account; every table as it was before the request."""
    auth.login()
    return dump_state(db)


FORMS = [
    (rule, method)
    for rule in RULES
    if not rule.endpoint.startswith(BEARER_ONLY)
    for method in sorted(_methods(rule) & STATE_CHANGING)
]


@pytest.mark.parametrize(("rule", "method"), FORMS, ids=[f"{m} {r.rule}" for r, m in FORMS])
def test_every_state_change_without_a_form_token_is_refused(
    client: FlaskClient, db: sqlite3.Connection, before: State, rule: Rule, method: str
) -> None:

    response = client.open(_path(rule, db, "demo@botanalytics.test"), method=method, data={"email": "x"})

    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    assert dump_state(db) == before


WALLED = [
    (rule, method)
    for rule in RULES
    if "project_id" in rule.arguments
    for method in sorted(_methods(rule) - {"HEAD", "OPTIONS"})
]


@pytest.mark.parametrize(("rule", "method"), WALLED, ids=[f"{m} {r.rule}" for r, m in WALLED])
def test_every_route_answers_404_for_another_accounts_ids(
    client: FlaskClient, db: sqlite3.Connection, before: State, rule: Rule, method: str
) -> None:

    response = client.open(
        _path(rule, db, OTHER_ACCOUNT.email), method=method, data={"csrf_token": csrf_token(client, "/")}
    )

    assert response.status_code == 404
    assert dump_state(db) == before


def test_the_map_has_routes_behind_the_account_wall() -> None:
    """Guards the two tests above against passing on an empty list."""
    assert len(WALLED) >= 4 and any(method == "POST" for _, method in WALLED) and FORMS
