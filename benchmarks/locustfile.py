"""Locust users for the `server` benchmark: one regenerates keys through the dashboard, one sends batches.

    BENCH_CHANNELS='[{"page": "/projects/1/settings/channels/1", "key": "..."}]' BENCH_SESSION=... \\
        locust -f benchmarks/locustfile.py --headless -u 8 -r 8 -t 8s -H http://127.0.0.1:5000 RegenerateUser

`benchmarks.server` runs it. Each user takes the next of the demo account's channels in turn.
The harness logs in once, over HTTP through the login form, and every RegenerateUser starts from
that session cookie, as tabs of one browser would: a log-in per user would spend the run hashing
passwords instead of regenerating keys.
"""

import itertools
import json
import os
from urllib.parse import urlsplit

from locust import FastHttpUser, constant, task
from requests.cookies import create_cookie

from pages.ingestion_api import channel_type_of, sample_batch
from testkit.http_client import form_token

CHANNELS: list[dict[str, str]] = json.loads(os.environ.get("BENCH_CHANNELS", "[]"))
SESSION = os.environ.get("BENCH_SESSION", "")
_turn = itertools.count()


def _next_channel() -> dict[str, str]:
    if not CHANNELS:
        raise RuntimeError("set BENCH_CHANNELS to the channels' pages and keys")
    return CHANNELS[next(_turn) % len(CHANNELS)]


class RegenerateUser(FastHttpUser):
    """A logged-in person pressing Regenerate and confirming: the POST, then the page it redirects to."""

    wait_time = constant(0)  # a closed loop: the next action as soon as the last one is answered

    def on_start(self) -> None:
        channel = _next_channel()
        self.client.cookiejar.set_cookie(create_cookie("session", SESSION, domain=urlsplit(self.host or "").hostname))
        page = self.client.get(channel["page"], name="open channel").text
        self.action, self.token = f"{channel['page']}/regenerate", form_token(page or "")

    @task
    def regenerate(self) -> None:
        # Following the redirect shows the flash message, as the browser does; it also keeps the
        # session cookie from filling up with unread flashes.
        self.client.post(self.action, data={"csrf_token": self.token}, name="regenerate")


class IngestUser(FastHttpUser):
    """A bot sending one message per request to `POST /v2/messages` with its channel's key."""

    wait_time = constant(0)

    def on_start(self) -> None:
        key = _next_channel()["key"]
        self.headers = {"Authorization": f"Bearer {key}"}
        self.batch = sample_batch(channel_type_of(key))  # one message, as the key's channel sends it

    @task
    def send(self) -> None:
        self.client.post("/v2/messages", json=self.batch, headers=self.headers, name="/v2/messages")
