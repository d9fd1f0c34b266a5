"""Project Settings: the General and Channels tabs, a channel opened in place, Regenerate and Verify."""

import logging
from datetime import datetime, timezone
from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for

from . import models
from .auth import login_required
from .db import write_transaction
from .keys import fingerprint, issue_key

bp = Blueprint("settings", __name__, url_prefix="/projects/<id:project_id>/settings")
log = logging.getLogger(__name__)


@bp.get("/")
@login_required
def general(project_id: int) -> Any:
    return render_template("settings/general.html", project=models.project_or_404(project_id))


@bp.get("/channels")
@login_required
def channels(project_id: int) -> Any:
    project = models.project_or_404(project_id)
    return render_template("settings/channels.html", project=project, channels=models.channels(project_id))


@bp.get("/channels/<id:channel_id>")
@login_required
def channel(project_id: int, channel_id: int) -> Any:
    """The Channels tab with one channel opened, so a reload or a link keeps it open."""
    project = models.project_or_404(project_id)
    selected = models.channel_or_404(project_id, channel_id)
    return render_template(
        "settings/channels.html", project=project, channels=models.channels(project_id), selected=selected
    )


def _channel_url(project_id: int, channel_id: int) -> str:
    return url_for("settings.channel", project_id=project_id, channel_id=channel_id)


@bp.post("/channels/<id:channel_id>/regenerate")
@login_required
def regenerate(project_id: int, channel_id: int) -> Any:
    """Swap the key and record it in one short transaction: the old key is dead once this commits."""
    selected = models.channel_or_404(project_id, channel_id)
    new_key = issue_key(channel_id, selected["type"])
    with write_transaction() as db:
        row = db.execute("SELECT api_key FROM channel WHERE id = ?", (channel_id,)).fetchone()
        if row is None:
            abort(404)
        # A new key has sent nothing yet, so the channel is no longer verified.
        db.execute("UPDATE channel SET api_key = ?, integrated = 0 WHERE id = ?", (new_key, channel_id))
        db.execute(
            "INSERT INTO key_event (channel_id, account_id, user_id, created_at, old_fingerprint,"
            " new_fingerprint) VALUES (?, ?, ?, ?, ?, ?)",
            (
                channel_id,
                g.user["account_id"],
                g.user["id"],
                datetime.now(timezone.utc).isoformat(timespec="seconds"),
                fingerprint(row["api_key"]),
                fingerprint(new_key),
            ),
        )
    log.info("API key of channel %s regenerated (new fingerprint %s)", channel_id, fingerprint(new_key))
    return redirect(_channel_url(project_id, channel_id))


@bp.post("/channels/<id:channel_id>/verify")
@login_required
def verify(project_id: int, channel_id: int) -> Any:
    """Integrated once a message has arrived with the channel's current key.

    Decided under the write lock Regenerate takes: the key read before it was taken could be
    replaced meanwhile, and a new key that had sent nothing was marked Integrated."""
    models.channel_or_404(project_id, channel_id)
    with write_transaction() as db:
        key = db.execute("SELECT api_key FROM channel WHERE id = ?", (channel_id,)).fetchone()["api_key"]
        received = models.has_message_with_current_key(channel_id, fingerprint(key))
        db.execute("UPDATE channel SET integrated = ? WHERE id = ?", (int(received), channel_id))
    if not received:
        flash("No message has arrived with this key yet. Send one from your bot, then Verify again.", "verify")
    return redirect(_channel_url(project_id, channel_id))
