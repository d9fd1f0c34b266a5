"""Create private files once, even when several processes start at the same moment, whatever the umask.

Everything the app keeps on disk is secret (sessions' and keys' signing secrets, a database of
live API keys), so folders it makes are 0700 and files 0600. Modes are set with chmod after
creation, because the mode given to mkdir/open is only an upper bound that the umask narrows.
"""

import logging
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
log = logging.getLogger(__name__)


def make_private(path: Path, mode: int) -> None:
    """Give an existing file or folder exactly `mode`; say so if it is not ours to change."""
    try:
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except FileNotFoundError:
        pass
    except PermissionError:
        log.warning("%s is not private (mode %o) and cannot be made so", path, path.stat().st_mode & 0o777)


def private_folder(folder: Path) -> None:
    """Create `folder` and any missing parent, each 0700; one that already exists is left as it is."""
    missing = [folder, *folder.parents]
    missing = [path for path in missing if not path.exists()]
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            continue  # another process made it first, with the same mode
        make_private(path, PRIVATE_FOLDER)


def create_private_file(path: Path) -> int:
    """Create `path` (which must not exist) as an empty 0600 file; return its descriptor, open for writing."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.fchmod(fd, PRIVATE_FILE)
    return fd


@contextmanager
def publish_once(target: Path) -> Iterator[Path]:
    """Yield a private draft path; afterwards link it to `target`. Exactly one process's link
    succeeds, so nobody ever reads a half-made file or a second version of it."""
    private_folder(target.parent)
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
