"""Against `make serve`'s server on freshly seeded data, the browser suite passes twice, the second time over two
workers, and the documentation check's walk passes, each leaving the accounts, projects and channels as it found
them: only the key of the channel the tests regenerate may differ. A test that needs the embedded app is skipped."""

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mock_app.seed import DEMO_ACCOUNT
from testkit.serving import ROOT, ProcessServer, SeededDatabase, ThreadServer, read, serve_in_process

RUN_TIMEOUT_S = 1200
HERE = str(Path(__file__).relative_to(ROOT))
# Of the browser suite (the documentation check aside): every test that changes data, and the read-only tests
# that would see what one left behind, or changed mid-way on the other worker: the channels' statuses, the projects.
SUITE = ("e2e", "-m", "not docs", "-k", "not read_only or test_channel_rows or test_prompts", "--deselect", HERE)
DOCS_CHECK = ("e2e/docs_check/test_how_to.py", "-m", "docs")  # `make docs-check`: the project's own how-to
# The names the suite works on: the nested runs use the demo data's, whatever this run's E2E_* variables say.
NAMES = ("E2E_DEMO_", "E2E_OTHER_", "E2E_PROJECT", "E2E_CHANNEL", "E2E_SECOND_PROJECT", "E2E_FOREIGN_PROJECT")
REGENERATED = (DEMO_ACCOUNT.account, DEMO_ACCOUNT.active_project, DEMO_ACCOUNT.integration_channel)

DATA = {
    "accounts": "SELECT id, name FROM account ORDER BY id",
    "users": "SELECT id, account_id, email, full_name, password_hash, active_project_id FROM user ORDER BY id",
    "projects": "SELECT id, account_id, name, color, starred, disabled FROM project ORDER BY id",
    "channels": "SELECT id, project_id, name, type, connected_at, integrated FROM channel ORDER BY id",
}
KEYS = (
    "SELECT account.name, project.name, channel.name, api_key FROM channel"
    " JOIN project ON project.id = project_id JOIN account ON account.id = account_id"
)


@pytest.fixture
def deployment(pytestconfig: pytest.Config, seeded_database: SeededDatabase, tmp_path: Path) -> Iterator[ProcessServer]:
    if pytestconfig.getoption("base_url"):
        pytest.skip("serves a deployment of its own to run the suite against: run it without --base-url")
    with serve_in_process(seeded_database, tmp_path) as server:
        yield server


def _data(database: str) -> dict[str, list[tuple[Any, ...]]]:
    return {name: [tuple(row) for row in read(database, sql)] for name, sql in DATA.items()}


def _keys(database: str) -> dict[tuple[str, str, str], str]:
    return {(account, project, channel): key for account, project, channel, key in read(database, KEYS)}


def _changed_keys(before: dict[tuple[str, str, str], str], after: dict[tuple[str, str, str], str]) -> set[Any]:
    return {channel for channel in before if before[channel] != after[channel]}


def _pytest(server: ProcessServer, output: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The suite as a QA engineer runs it against a deployment, with the demo accounts and names."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(NAMES)}
    command = [sys.executable, "-m", "pytest", *args, "--base-url", server.url, "-p", "no:cacheprovider", "-rs"]
    options = ["--tracing=off", "--output", str(output)]
    return subprocess.run(
        [*command, *options], cwd=ROOT, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
    )


def _passed(run: subprocess.CompletedProcess[str]) -> bool:
    return run.returncode == 0 and re.search(r"\b\d+ passed\b", run.stdout) is not None


def _tail(run: subprocess.CompletedProcess[str]) -> str:
    return run.stdout[-4000:] + run.stderr[-2000:]


def test_the_suite_passes_twice_the_second_time_over_two_workers_and_leaves_the_data_as_found(
    deployment: ProcessServer, tmp_path: Path
) -> None:
    data, keys = _data(deployment.database), _keys(deployment.database)

    first = _pytest(deployment, tmp_path / "first", *SUITE)
    after_first = _data(deployment.database)
    second = _pytest(deployment, tmp_path / "second", *SUITE, "-n", "2")

    assert _passed(first), _tail(first)
    assert after_first == data
    assert _passed(second), _tail(second)
    assert _data(deployment.database) == data
    assert _changed_keys(keys, _keys(deployment.database)) <= {REGENERATED}


def test_the_documentation_checks_walk_leaves_the_data_as_found(deployment: ProcessServer, tmp_path: Path) -> None:
    data, keys = _data(deployment.database), _keys(deployment.database)

    walk = _pytest(deployment, tmp_path / "walk", *DOCS_CHECK)

    assert _passed(walk), _tail(walk)
    assert _data(deployment.database) == data
    assert _changed_keys(keys, _keys(deployment.database)) == {REGENERATED}


def test_each_test_on_the_embedded_app_starts_on_the_seeded_data(mock_server: ThreadServer) -> None:
    """It reads the embedded app's database: against a deployment, it is the test skipped below."""
    assert _data(mock_server.database) == _data(mock_server.seeded.path)
    assert _keys(mock_server.database) == _keys(mock_server.seeded.path)


def test_a_test_that_needs_the_embedded_app_is_skipped_saying_why(deployment: ProcessServer, tmp_path: Path) -> None:
    embedded = f"{HERE}::{test_each_test_on_the_embedded_app_starts_on_the_seeded_data.__name__}"

    run = _pytest(deployment, tmp_path / "embedded", embedded)

    assert run.returncode == 0, _tail(run)
    assert re.search(r"\b1 skipped\b", run.stdout), _tail(run)
    assert "needs the embedded app" in run.stdout, _tail(run)
