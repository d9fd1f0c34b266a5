"""Find a Chromium for Playwright, and install one: `python -m testkit.browser install`.

Playwright's own Chromium is preferred. Where it cannot be downloaded, a system
Chromium works through `executable_path`. Set CHROMIUM_PATH to choose one.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ENV_VAR = "CHROMIUM_PATH"
SYSTEM_CANDIDATES = (
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium",
    "chromium-browser",
    "chromium",
    "google-chrome",
)
INSTALL_HELP = (
    "No Chromium found for the browser tests. Install one with\n"
    "  python -m playwright install chromium\n"
    "or, on Debian or Ubuntu,\n"
    "  sudo apt-get install -y chromium\n"
    f"or point {ENV_VAR} at a Chromium or Chrome executable."
)


def playwright_chromium() -> Path | None:
    """Playwright's own Chromium, if it has been downloaded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = Path(playwright.chromium.executable_path)
    return path if path.exists() else None


def system_chromium() -> Path | None:
    for candidate in SYSTEM_CANDIDATES:
        found = shutil.which(candidate) if "/" not in candidate else candidate
        if found and os.access(found, os.X_OK):
            return Path(found)
    return None


def executable_path(playwright_default: str) -> str | None:
    """What to pass as `executable_path`: None means Playwright's own browser."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        if not os.access(chosen, os.X_OK):
            raise FileNotFoundError(f"{ENV_VAR}={chosen} is not an executable file.")
        return chosen
    if Path(playwright_default).exists():
        return None
    system = system_chromium()
    if system is None:
        raise FileNotFoundError(INSTALL_HELP)
    return str(system)


def _run(command: list[str], timeout: float) -> bool:
    print("$", " ".join(command), flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        return subprocess.run(command, timeout=timeout, env=env).returncode == 0
    except (OSError, subprocess.TimeoutExpired) as error:
        print(f"  gave up: {error}", flush=True)
        return False


def _launches(path: Path | str | None) -> bool:
    """Start the browser once, headless, so a missing library shows up here and not in the tests."""
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as playwright:
            playwright.chromium.launch(executable_path=path).close()
    except Error as error:
        print(f"  {path or 'Playwright Chromium'} does not start: {str(error).splitlines()[0]}", flush=True)
        return False
    return True


def _can_apt() -> bool:
    return bool(shutil.which("apt-get")) and os.geteuid() == 0


def install() -> int:
    """Get a Chromium that starts: Playwright's download first, then the system package manager."""
    if os.environ.get(ENV_VAR):
        print(f"Using {ENV_VAR}={os.environ[ENV_VAR]}.")
        return 0 if _launches(os.environ[ENV_VAR]) else 1
    if _run([sys.executable, "-m", "playwright", "install", "chromium"], timeout=600):
        if not _launches(None) and _can_apt():
            _run([sys.executable, "-m", "playwright", "install-deps", "chromium"], timeout=1200)
        if _launches(None):
            print(f"Using Playwright's Chromium: {playwright_chromium()}")
            return 0
    print("Playwright's Chromium is not usable here; looking for a system Chromium.", flush=True)
    if system_chromium() is None and _can_apt():
        _run(["apt-get", "update", "-qq"], timeout=600)
        _run(["apt-get", "install", "-y", "-qq", "chromium"], timeout=1200)
    system = system_chromium()
    if system is None or not _launches(system):
        print(INSTALL_HELP, file=sys.stderr)
        return 1
    print(f"Using the system Chromium: {system}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["install"]:
        sys.exit(f"usage: {sys.executable} -m testkit.browser install")
    sys.exit(install())
