"""A virtualenv of its own for the official Python SDK (`botanalytics` 3.0.0), and scripts run in it.

The SDK cannot share the project's environment: it declares Python < 3.10 (it runs on newer ones,
hence `--ignore-requires-python`) and its requests-toolbelt 0.9 breaks with urllib3 2.
"""

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SDK_VENV = ROOT / ".venv" / "sdk"  # built once, reused by later runs
BUILD_LOCK = ROOT / ".venv" / "sdk.lock"  # one builder at a time: xdist workers may all ask at once
REQUIREMENTS = (
    "botanalytics==3.0.0",
    "urllib3<2",
    "setuptools<82",  # the SDK imports pkg_resources, which setuptools 82 removed
)
PIP_TIMEOUT_S = 900
SCRIPT_TIMEOUT_S = 60
# Words pip prints when PyPI cannot be reached at all, as opposed to a package that will not install.
NETWORK_SIGNS = (
    "NewConnectionError",
    "ConnectTimeoutError",
    "ReadTimeoutError",
    "ProxyError",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "No route to host",
    "Connection refused",
)


class SdkUnreachable(Exception):
    """pip could not reach the package index; any other install failure is an error, not this."""


def sdk_python() -> Path:
    """The SDK environment's interpreter, building the environment first if it is missing or half-made.

    Another process building it at the same time is waited for, then its environment is used."""
    BUILD_LOCK.parent.mkdir(parents=True, exist_ok=True)
    with BUILD_LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        return _built()


def _built() -> Path:
    python = SDK_VENV / "bin" / "python"
    ready = SDK_VENV / "installed.txt"  # written last, so an interrupted build is never taken as done
    wanted = "\n".join(REQUIREMENTS)
    if ready.is_file() and ready.read_text() == wanted and python.exists():
        return python
    shutil.rmtree(SDK_VENV, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "venv", str(SDK_VENV)], check=True, capture_output=True, timeout=PIP_TIMEOUT_S
    )
    pip = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--no-input",
            "--ignore-requires-python",
            *REQUIREMENTS,
        ],
        capture_output=True,
        text=True,
        timeout=PIP_TIMEOUT_S,
    )
    if pip.returncode != 0:
        output = pip.stdout + pip.stderr
        unreachable = [line for line in output.splitlines() if any(sign in line for sign in NETWORK_SIGNS)]
        if unreachable:
            raise SdkUnreachable("\n".join(unreachable[:3]))
        raise RuntimeError(f"pip install {' '.join(REQUIREMENTS)} failed:\n{output}")
    ready.write_text(wanted)
    return python


def run_in_sdk(
    python: Path, script: str, argument: str, environment: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run `script` with one argument in the SDK environment, with only PATH and `environment` set, so
    nothing of the test process (the signing key variable among it) reaches the SDK."""
    return subprocess.run(
        [str(python), "-c", script, argument],
        # The SDK reads ./pyproject.toml when imported to learn its version; the project's has no
        # poetry table, so it falls back to the installed package's metadata.
        cwd=ROOT,
        env={"PATH": os.environ.get("PATH", ""), **environment},
        capture_output=True,
        text=True,
        timeout=SCRIPT_TIMEOUT_S,
    )
