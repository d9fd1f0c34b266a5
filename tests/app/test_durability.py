"""A key shown after confirming survives SIGKILL of the whole server and a restart on the same database."""

from pathlib import Path

from mock_app.seed import DEMO_ACCOUNT
from testkit.http_client import HttpSession
from testkit.serving import SeededDatabase, serve_in_process

CHANNEL = "/projects/2/settings/channels/5"  # Rasa of Botanalytics Chatbot: the HTTP client sends Rasa batches


def test_shown_key_survives_sigkill_and_restart(seeded_database: SeededDatabase, tmp_path: Path) -> None:
    with serve_in_process(seeded_database, tmp_path) as server:
        person = HttpSession(server.url)
        person.log_in(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)
        old_key = person.shown_key(CHANNEL)
        assert person.post_form(f"{CHANNEL}/regenerate", {}).status == 302
        shown = person.shown_key(CHANNEL)

        server.kill()
        server.start()

        assert person.shown_key(CHANNEL) == shown
        assert person.send_messages(shown).status == 200
        assert person.send_messages(old_key).status == 401
