"""Turns on a shared deployment: a test that changes its data runs alone; read-only tests run side by side.

The workers of a run, and runs on this machine, against the same `--base-url` take their turns through a
lock file named after that URL (flock: the kernel lets go of it when a process dies). Runs from another
machine cannot see it: give them accounts of their own (the E2E_* variables) or run them one at a time.
"""

import fcntl
import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def lock_file(base_url: str) -> Path:
    digest = hashlib.sha256(base_url.rstrip("/").encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"botanalytics-e2e-{digest}.lock"


@contextmanager
def turn(base_url: str, alone: bool) -> Iterator[None]:
    """Wait for a turn on the deployment at `base_url`: alone, or beside other read-only tests."""
    with lock_file(base_url).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
