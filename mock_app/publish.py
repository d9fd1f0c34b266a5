"""Create a file once, even when several processes (gunicorn workers) start at the same moment."""
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def publish_once(target: Path) -> Iterator[Path]:
    """Yield a private draft path; afterwards link it to `target`. Exactly one process's link
    succeeds, so nobody ever reads a half-made file or a second version of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    draft = target.with_name(f"{target.name}.{os.getpid()}.{secrets.token_hex(4)}.draft")
    try:
        yield draft
        try:
            os.link(draft, target)
        except FileExistsError:
            pass  # another process published first; its file is used
    finally:
        for leftover in (draft, Path(f"{draft}-wal"), Path(f"{draft}-shm")):
            leftover.unlink(missing_ok=True)
