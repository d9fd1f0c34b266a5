"""An account reaches only its own projects and channels; anything else answers 404."""

import sqlite3

import pytest
from flask.testing import FlaskClient

from mock_app.seed import DEMO_ACCOUNT, OTHER_ACCOUNT
from testkit.forms import AuthActions, csrf_token


def _ids(db: sqlite3.Connection, email: str) -> tuple[int, int]:
    row = db.execute(
        "SELECT project.id AS pid, channel.id AS cid FROM user JOIN project ON project.account_id = user.account_id"
        " JOIN channel ON channel.project_id = project.id WHERE user.email = ? ORDER BY channel.id LIMIT 1",
        (email,),
    ).fetchone()
    return row["pid"], row["cid"]


@pytest.mark.parametrize(
    "path",
    ["/projects/{pid}/settings/", "/projects/{pid}/settings/channels", "/projects/{pid}/settings/channels/{cid}"],
)
def test_another_accounts_pages_answer_404(
    client: FlaskClient, auth: AuthActions, db: sqlite3.Connection, path: str
) -> None:
    pid, cid = _ids(db, OTHER_ACCOUNT.email)
    auth.login()

    assert client.get(path.format(pid=pid, cid=cid)).status_code == 404


def test_another_accounts_channel_cannot_be_regenerated(
    client: FlaskClient, auth: AuthActions, db: sqlite3.Connection
) -> None:
    pid, cid = _ids(db, OTHER_ACCOUNT.email)
    key_before = db.execute("SELECT api_key FROM channel WHERE id = ?", (cid,)).fetchone()[0]
    auth.login()

    response = client.post(
        f"/projects/{pid}/settings/channels/{cid}/regenerate", data={"csrf_token": csrf_token(client, "/")}
    )

    assert response.status_code == 404
    assert db.execute("SELECT api_key FROM channel WHERE id = ?", (cid,)).fetchone()[0] == key_before


def test_a_channel_addressed_through_another_project_answers_404(
    client: FlaskClient, auth: AuthActions, db: sqlite3.Connection
) -> None:
    own_pid, _ = _ids(db, "demo@botanalytics.test")
    _, foreign_cid = _ids(db, OTHER_ACCOUNT.email)
    auth.login()

    assert client.get(f"/projects/{own_pid}/settings/channels/{foreign_cid}").status_code == 404


def test_projects_dashboard_lists_only_the_accounts_projects(client: FlaskClient, auth: AuthActions) -> None:
    auth.login()

    page = client.get("/projects").get_data(as_text=True)

    assert all(project.name in page for project in DEMO_ACCOUNT.projects)
    assert all(project.name not in page for project in OTHER_ACCOUNT.projects)
