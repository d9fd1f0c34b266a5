"""Every 405, on a page or the API, says in `Allow` which methods the address does take."""

import re

from flask import Flask
from flask.testing import FlaskClient

METHODS_TO_TRY = ("DELETE", "PUT", "PATCH", "POST")


def test_every_405_names_the_allowed_methods(app: Flask, client: FlaskClient) -> None:
    wrong = []
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<[^>]+>", "1", rule.rule)
        method = next(method for method in METHODS_TO_TRY if method not in (rule.methods or ()))

        response = client.open(path, method=method)

        allowed = {name.strip() for name in response.headers.get("Allow", "").split(",") if name.strip()}
        if response.status_code != 405 or allowed != rule.methods:
            wrong.append((method, path, response.status_code, response.headers.get("Allow")))

    assert wrong == []


def test_a_405_page_is_still_the_site_s_error_page(client: FlaskClient) -> None:
    response = client.delete("/login")

    assert response.status_code == 405 and response.mimetype == "text/html"
    assert "Method Not Allowed" in response.get_data(as_text=True)
