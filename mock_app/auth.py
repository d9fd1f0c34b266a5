"""Logging in and out, and the `login_required` guard for every other page."""
import functools
import secrets
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, current_app, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

from .db import get_db, write_transaction

bp = Blueprint("auth", __name__)


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    def wrapped_view(**kwargs: Any) -> Any:
        if g.user is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(**kwargs)

    return wrapped_view


@bp.before_app_request
def load_logged_in_user() -> None:
    user_id = session.get("user_id")
    g.user = None
    if user_id is not None:
        g.user = get_db().execute("SELECT * FROM user WHERE id = ?", (user_id,)).fetchone()


def safe_next(target: str | None, default: str | None = None) -> str:
    """Only follow a `next` that stays on this site, so no form is an open redirect."""
    fallback = default or url_for("dashboard.account")
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target


def _admit_attempt(email: str) -> bool:
    """Count this attempt against the email, unless it is over the limit; one transaction, so
    attempts sent in parallel cannot all slip under it. A successful login clears the count."""
    now = time.time()
    with write_transaction() as db:
        db.execute("DELETE FROM login_failure WHERE created_at <= ?", (now - current_app.config["LOGIN_THROTTLE_WINDOW"],))
        recent = db.execute("SELECT COUNT(*) FROM login_failure WHERE email = ?", (email,)).fetchone()[0]
        if recent >= current_app.config["LOGIN_THROTTLE_LIMIT"]:
            return False
        db.execute("INSERT INTO login_failure (email, created_at) VALUES (?, ?)", (email, now))
    return True


@functools.cache
def _stand_in_hash() -> str:
    """Checked when the email is unknown, so the answer takes as long as for a wrong password."""
    return generate_password_hash(secrets.token_hex(16))


@bp.route("/login", methods=("GET", "POST"))
def login() -> Any:
    next_url = request.values.get("next")
    if request.method == "GET":
        return render_template("auth/login.html", next_url=next_url)

    email = request.form.get("email", "").strip().lower()
    password = request.form.get("password", "")
    if not _admit_attempt(email):
        error = "Too many failed attempts. Wait a few minutes, then try again."
        return render_template("auth/login.html", next_url=next_url, error=error, email=email), 429

    user = get_db().execute("SELECT * FROM user WHERE email = ?", (email,)).fetchone()
    password_hash = user["password_hash"] if user else _stand_in_hash()
    if not check_password_hash(password_hash, password) or user is None:
        error = "The email or password is not right."
        return render_template("auth/login.html", next_url=next_url, error=error, email=email), 401

    with write_transaction() as db:
        db.execute("DELETE FROM login_failure WHERE email = ?", (email,))
    session.clear()
    session["user_id"] = user["id"]
    return redirect(safe_next(next_url))


@bp.post("/logout")
def logout() -> Any:
    session.clear()
    return redirect(url_for("auth.login"))
