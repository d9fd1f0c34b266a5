"""The account dashboard (the active project's Overview) and the Projects dashboard, with the
project actions their menus offer: switch, star, disable and enable."""

from typing import Any

from flask import Blueprint, g, redirect, render_template, request, url_for

from . import models
from .auth import login_required, safe_next
from .db import write_transaction

bp = Blueprint("dashboard", __name__)


@bp.get("/")
@login_required
def account() -> Any:
    project = models.active_project()
    if project is None:
        return redirect(url_for("dashboard.projects"))
    channels = models.channels(project["id"])
    selected = request.args.get("channel", type=int)
    shown = [channel for channel in channels if selected in (None, channel["id"])]
    days = models.last_week()
    per_channel, per_day = models.message_volume([channel["id"] for channel in shown], days)
    return render_template(
        "dashboard/account.html",
        project=project,
        channels=channels,
        shown=shown,
        selected_channel=next((c for c in channels if c["id"] == selected), None),
        days=days,
        per_channel=per_channel,
        per_day=per_day,
    )


@bp.get("/projects")
@login_required
def projects() -> Any:
    tiles = [(project, models.channels(project["id"])) for project in models.projects()]
    return render_template("dashboard/projects.html", tiles=tiles, week=models.last_week())


def _update_project(project_id: int, sql: str) -> None:
    models.project_or_404(project_id)
    with write_transaction() as db:
        db.execute(sql, (project_id,))


@bp.post("/projects/<id:project_id>/activate")
@login_required
def activate(project_id: int) -> Any:
    """Make the project the active one, whose Overview the account dashboard shows."""
    models.project_or_404(project_id)
    with write_transaction() as db:
        db.execute("UPDATE user SET active_project_id = ? WHERE id = ?", (project_id, g.user["id"]))
    return redirect(url_for("dashboard.account"))


@bp.post("/projects/<id:project_id>/star")
@login_required
def star(project_id: int) -> Any:
    _update_project(project_id, "UPDATE project SET starred = 1 - starred WHERE id = ?")
    return redirect(url_for("dashboard.projects"))


@bp.post("/projects/<id:project_id>/disable")
@login_required
def disable(project_id: int) -> Any:
    """A disabled project accepts no new data: the ingestion API refuses its channels' keys."""
    _update_project(project_id, "UPDATE project SET disabled = 1 WHERE id = ?")
    return redirect(safe_next(request.form.get("next"), url_for("dashboard.projects")))


@bp.post("/projects/<id:project_id>/enable")
@login_required
def enable(project_id: int) -> Any:
    _update_project(project_id, "UPDATE project SET disabled = 0 WHERE id = ?")
    return redirect(safe_next(request.form.get("next"), url_for("dashboard.projects")))


@bp.app_context_processor
def header_context() -> dict[str, Any]:
    """Every page's header names the active project and lists the account's projects."""
    if not g.get("user"):
        return {}
    return {
        "active_project": models.active_project(),
        "all_projects": models.projects(),
        "project_channels": models.channels,
    }
