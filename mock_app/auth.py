"""Logging in and out, changing a password, and the `login_required` guard for every other page."""

import functools
import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import click
from flask import Blueprint, current_app, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

from .db import get_db, write_transaction
from .guards import sessions, throttle

bp = Blueprint("auth", __name__, cli_group=None)  # `flask set-password`, not `flask auth set-password`


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    def wrapped_view(**kwargs: Any) -> Any:
        if g.user is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(**kwargs)

    return wrapped_view


@bp.before_app_request
def load_logged_in_user() -> None:
    """The user of the live server-side session the cookie names; a dead one is forgotten."""
    token = session.get("sid")
    g.user = sessions.user_for(token) if isinstance(token, str) else None
    if g.user is None and "sid" in session:
        session.pop("sid")


def safe_next(target: str | None, default: str | None = None) -> str:
    """Only follow a `next` that stays on this site, so no form is an open redirect.

    Refused too: a backslash (browsers read `/\\evil.example` as `//evil.example`) and control
    characters (a CR or LF cannot go in a Location header: it was a 500)."""
    fallback = default or url_for("dashboard.account")
    if not target or any(char == "\\" or ord(char) < 0x20 or ord(char) == 0x7F for char in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target


@functools.cache
def _stand_in_hash() -> str:
    """Checked when the email is unknown, so the answer takes as long as for a wrong password."""
    return generate_password_hash(secrets.token_hex(16))


def _login_page(status: int, **context: Any) -> tuple[str, int]:
    """The email form; a refused login comes back to it."""
    return render_template("auth/login.html", next_url=request.values.get("next"), **context), status


@bp.get("/login/email")
def login_email() -> Any:
    return _login_page(200)


@bp.route("/login", methods=("GET", "POST"))
def login() -> Any:
    if request.method == "GET":  # the choice of ways in; the page to come back to goes along to the email form
        return render_template("auth/choose.html", next_url=request.values.get("next"))

    email = request.form.get("email", "").strip().lower()
    password = request.form.get("password", "")
    wait = throttle.login_wait(email, request.remote_addr)  # counted as a failure until it succeeds
    if wait:  # answered before any password hash: a flood costs no hashing beyond the budget
        error = f"Too many attempts. Wait {wait} seconds, then try again."
        page, status = _login_page(429, error=error, email=email)
        return page, status, {"Retry-After": str(wait)}

    user = get_db().execute("SELECT * FROM user WHERE email = ?", (email,)).fetchone()
    password_hash = user["password_hash"] if user else _stand_in_hash()
    if not check_password_hash(password_hash, password) or user is None:
        return _login_page(401, error="The email or password is not right.", email=email)

    throttle.login_succeeded(email, request.remote_addr)
    session.clear()  # a fresh form token too: nothing from before the login carries over
    session["sid"] = sessions.start(user)
    return redirect(safe_next(request.values.get("next")))


@bp.post("/logout")
def logout() -> Any:
    token = session.get("sid")
    if isinstance(token, str):
        sessions.end(token)  # a copy of the cookie dies with it
    session.clear()
    return redirect(url_for("auth.login"))


class PasswordRefused(ValueError):
    """A new password the policy refuses; the message says why, for the person who chose it."""


def password_problem(password: str) -> str | None:
    """Why `password` may not be set, or None. Length is the rule (NIST SP 800-63B's advice: no
    rules of composition); `PASSWORD_MIN_LENGTH` characters at least, 12 by default."""
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(password) < minimum:
        return f"The password must be at least {minimum} characters long; this one has {len(password)}."
    return None


def change_password(user_id: int, new_password: str) -> None:
    """Set the user's password and end all their sessions, the current one included; PasswordRefused
    if the policy refuses it, and then nothing changes.

    Sessions are honoured only under the password hash they were opened with (guards/sessions.py),
    so they all end when this commits; the rows are deleted afterwards to tidy up."""
    problem = password_problem(new_password)
    if problem:
        raise PasswordRefused(problem)
    with write_transaction() as db:
        db.execute("UPDATE user SET password_hash = ? WHERE id = ?", (generate_password_hash(new_password), user_id))
    sessions.end_all(user_id)


@bp.cli.command("set-password")
@click.argument("email")
@click.password_option(help="The new password; asked for (twice, hidden) when not given.")
def set_password_command(email: str, password: str) -> None:
    """Set the password of the user with EMAIL and log them out everywhere."""
    user = get_db().execute("SELECT id FROM user WHERE email = ?", (email.strip().lower(),)).fetchone()
    if user is None:
        raise click.ClickException(f"No user has the email {email}.")
    try:
        change_password(user["id"], password)
    except PasswordRefused as refused:
        raise click.ClickException(str(refused)) from None
    click.echo(f"Password changed for {email}; all of its sessions have ended.")
