"""The account dashboard (the active project) and the projects dashboard (one tile per project)."""
from typing import Any

from flask import Blueprint, g, render_template

from . import models
from .auth import login_required

bp = Blueprint("dashboard", __name__)


@bp.get("/")
@login_required
def account() -> Any:
    project = models.active_project()
    count = models.project_message_count(project["id"]) if project else 0
    return render_template("dashboard/account.html", project=project, message_count=count)


@bp.get("/projects")
@login_required
def projects() -> Any:
    tiles = [(project, len(models.channels(project["id"]))) for project in models.projects()]
    return render_template("dashboard/projects.html", tiles=tiles)


@bp.app_context_processor
def header_context() -> dict[str, Any]:
    """Every page's header names the active project."""
    return {"active_project": models.active_project() if g.get("user") else None}
