"""Every form is bounded before it is parsed: `FORM_MAX_BYTES` of body and `FORM_MAX_FIELDS` fields, else 413.

A form is read when something first asks for it, and the CSRF check asks before any view runs,
so an unbounded form was parsed before the token or the login throttle could refuse it: a 1 MB
login form of 250,000 fields cost 0.15 s of CPU even when the answer was 429. Werkzeug bounds a
form only by `MAX_CONTENT_LENGTH` (1 MiB, for the API's batches) and counts the parts of a
multipart form but not the fields of an urlencoded one. Here a form's body is held to its own,
far smaller limit (refused on its stated length, before a byte is read; a chunked one has a
length by then, see body_limit.py), and an urlencoded form's fields are counted, by their
separators, before it is split.
"""

from flask import Flask, Request, current_app
from werkzeug.exceptions import RequestEntityTooLarge

URLENCODED = "application/x-www-form-urlencoded"
FORM_TYPES = frozenset({URLENCODED, "multipart/form-data"})


class BoundedFormRequest(Request):
    """Flask's request, with its form bounded before it is parsed."""

    def _load_form_data(self) -> None:
        if "form" not in self.__dict__ and self.mimetype in FORM_TYPES:
            max_bytes, max_fields = current_app.config["FORM_MAX_BYTES"], current_app.config["FORM_MAX_FIELDS"]
            limit = self.max_content_length
            self.max_content_length = max_bytes if limit is None else min(limit, max_bytes)
            self.max_form_parts = max_fields  # multipart: Werkzeug counts the parts as it reads them
            if self.mimetype == URLENCODED and self.get_data(cache=True).count(b"&") >= max_fields:
                raise RequestEntityTooLarge(f"A form holds at most {max_fields} fields.")
        super()._load_form_data()


def init_app(app: Flask) -> None:
    app.request_class = BoundedFormRequest
