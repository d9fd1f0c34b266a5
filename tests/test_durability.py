"""A key shown after confirming survives SIGKILL of the whole server and a restart on the same database."""
from pathlib import Path

from mock_app.db import copy_database
from tests.conftest import DEMO
from tests.http_client import HttpSession
from tests.live_server import LiveServer

CHANNEL = "/projects/1/settings/channels/1"


def test_shown_key_survives_sigkill_and_restart(seeded_database: tuple[str, str], tmp_path: Path) -> None:
    seeded, secret = seeded_database
    database = str(tmp_path / "live.sqlite")
    copy_database(seeded, database)
    server = LiveServer(database, secret, tmp_path / "server.log").start()
    try:
        person = HttpSession(server.url)
        person.log_in(*DEMO)
        old_key = person.shown_key(CHANNEL)
        assert person.post_form(f"{CHANNEL}/regenerate", {}).status == 302
        shown = person.shown_key(CHANNEL)

        server.kill()
        server.start()

        assert person.shown_key(CHANNEL) == shown
        assert person.send_messages(shown).status == 200
        assert person.send_messages(old_key).status == 401
    finally:
        server.close()
