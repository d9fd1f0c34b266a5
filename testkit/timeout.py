"""The browser suite's one timeout setting: how long an action or an expectation may wait (ms)."""

import os

TIMEOUT_MS = float(os.environ.get("E2E_TIMEOUT_MS", "10000"))
