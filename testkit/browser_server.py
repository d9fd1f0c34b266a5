"""Run Playwright's browser server here: `python -m testkit.browser_server [--port 3000] [--host 127.0.0.1]`.

The suite then drives its browsers through it: `make e2e BROWSER_SERVER=ws://127.0.0.1:3000/`.

A browser server launches the browser it was asked for from its own browsers folder and ignores a
client's `executable_path`. Where Playwright's Chromium cannot be downloaded, this points the server
at a folder of links with the names Playwright looks for, all leading to the Chromium that
`testkit.browser` finds (the system one here, or CHROMIUM_PATH).
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from testkit.browser import executable_path

ROOT = Path(__file__).resolve().parents[1]
LINKS = ROOT / ".venv" / "browser-server"  # one folder of links per server process, so servers never share one
LISTENING = re.compile(r"Listening on (ws://\S+)")
STOP_TIMEOUT_S = 30
# The headless shell Playwright launches for headless Chromium, beside the full browser's folder.
HEADLESS_SHELL = ("chromium_headless_shell-{revision}", "chrome-headless-shell-linux64", "chrome-headless-shell")


def _playwright_chromium() -> Path:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path)


def browsers_folder(own_chromium: Path, chromium: str, links: Path) -> Path:
    """A folder where Playwright finds `chromium` under the names of its own full browser and headless shell."""
    parts = own_chromium.parts
    start = next(i for i, part in enumerate(parts) if re.fullmatch(r"chromium-\d+", part))
    revision = parts[start].split("-", 1)[1]
    for relative in (Path(*parts[start:]), Path(*HEADLESS_SHELL)):
        link = links / str(relative).format(revision=revision)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.unlink(missing_ok=True)
        link.symlink_to(chromium)
    return links


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--port", type=int, default=3000)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0: every interface)")
    args = parser.parse_args(argv)
    own = _playwright_chromium()
    env = dict(os.environ)
    try:
        chromium = executable_path(str(own))
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    if chromium:
        env["PLAYWRIGHT_BROWSERS_PATH"] = str(browsers_folder(own, chromium, LINKS / str(os.getpid())))
        print(f"Browsers launched by the server: {chromium}", flush=True)
    command = [sys.executable, "-m", "playwright", "run-server", "--port", str(args.port), "--host", args.host]
    os.execvpe(command[0], command, env)


class RunningServer(NamedTuple):
    address: str  # its websocket address, as it printed it once listening
    pid: int  # the process whose tree holds the server and the browsers it launched


@contextmanager
def running_browser_server() -> Iterator[RunningServer]:
    """This module's server in a process of its own, on a port it picks."""
    server = subprocess.Popen(
        [sys.executable, "-m", "testkit.browser_server", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: stopping it stops the browsers it launched
    )
    assert server.stdout is not None
    # Once it listens, what it prints is read and dropped, so a full pipe never stalls it.
    drain = threading.Thread(target=server.stdout.read, name="browser-server-output", daemon=True)
    try:
        printed = []
        for line in server.stdout:
            printed.append(line)
            if found := LISTENING.search(line):
                break
        else:
            raise RuntimeError(f"the browser server did not start:\n{''.join(printed)}")
        drain.start()
        yield RunningServer(found.group(1), server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=STOP_TIMEOUT_S)
        if drain.is_alive():
            drain.join(timeout=STOP_TIMEOUT_S)  # the pipe ends with the process group
        server.stdout.close()


if __name__ == "__main__":
    sys.exit(main())
