"""Each regeneration leaves a record of who, when and which keys (by fingerprint); the keys themselves never."""

import sqlite3

from flask.testing import FlaskClient

from mock_app.keys import fingerprint
from mock_app.seed import DEMO_ACCOUNT
from testkit.forms import AuthActions, csrf_token

CHANNEL = "/projects/1/settings/channels/1"


def _key(db: sqlite3.Connection) -> str:
    key: str = db.execute("SELECT api_key FROM channel WHERE id = 1").fetchone()[0]
    return key


def _regenerate(client: FlaskClient) -> str:
    return client.post(
        f"{CHANNEL}/regenerate", data={"csrf_token": csrf_token(client, "/")}, follow_redirects=True
    ).get_data(as_text=True)


def test_each_record_names_the_replaced_and_the_new_key_by_fingerprint(
    client: FlaskClient, auth: AuthActions, db: sqlite3.Connection
) -> None:
    auth.login()
    keys = [_key(db)]
    for _ in range(2):
        _regenerate(client)
        keys.append(_key(db))

    events = db.execute("SELECT * FROM key_event WHERE channel_id = 1 ORDER BY id").fetchall()

    assert [(e["old_fingerprint"], e["new_fingerprint"]) for e in events] == [
        (fingerprint(keys[0]), fingerprint(keys[1])),
        (fingerprint(keys[1]), fingerprint(keys[2])),
    ]
    user = db.execute("SELECT id, account_id FROM user WHERE email = ?", (DEMO_ACCOUNT.email,)).fetchone()
    assert {(e["user_id"], e["account_id"]) for e in events} == {(user["id"], user["account_id"])}
