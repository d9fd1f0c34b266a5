"""A string that never ends costs the depth check one pass over it: a key holder's body cannot freeze the server."""

import sqlite3

from flask import Flask
from flask.testing import FlaskClient

from mock_app.guards import json_body
from testkit.answers import json_object
from testkit.attacks import abuse
from testkit.rows import api_key

UNLIMITED = {"INGEST_KIB_LIMIT": "1000000 per second"}  # one 1 MiB body is over the default 1024 KiB per 10 s


def test_brackets_in_a_string_that_never_ends_are_not_structure() -> None:
    """The old check tried a string pattern again from every quote of it (`\\"` holds one), found no
    string, and counted the brackets: quadratic, and wrong, since the parser reads them as text."""
    never_ends = '"' + '\\"[' * 40

    assert json_body.depth(never_ends) == 0
    assert json_body.depth("[[" + never_ends) == 2


def test_the_issues_body_at_1_mib_is_refused_for_its_depth(
    app: Flask, client: FlaskClient, db: sqlite3.Connection
) -> None:
    """33 `[` then a string that never ends: 62.5 KiB of it held the interpreter for 10 s, and 1 MiB
    would have taken about 46 minutes, before the answer this gets at once."""
    app.config.update(UNLIMITED)
    body = abuse.worst_case_json(app.config["MAX_CONTENT_LENGTH"])

    response = client.post(
        "/v2/messages",
        data=body,
        headers={"Authorization": f"Bearer {api_key(db, 1)}", "Content-Type": "application/json"},
    )

    assert response.status_code == 400
    assert "levels deep" in json_object(response)["errors"][0]
