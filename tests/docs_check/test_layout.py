"""The check's stages stay apart: reading and understanding need no browser, and no stage imports one after it."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "docs_check"
# Each stage may import only the stages before it.
ORDER = ("reading", "steps", "figures", "report", "walking")


def _imports_of(stage: str) -> set[str]:
    """The other stages a stage's modules import (relative imports, resolved against docs_check)."""
    found = set()
    for module in (PACKAGE / stage).rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level >= 2 and node.module:
                found.add(node.module.split(".")[0])
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("docs_check."):
                found.add(node.module.split(".")[1])
    return found & set(ORDER) - {stage}


def test_no_stage_imports_a_later_one() -> None:
    later = {stage: _imports_of(stage) & set(ORDER[ORDER.index(stage) + 1 :]) for stage in ORDER}

    assert later == dict.fromkeys(ORDER, set())


def test_reading_and_understanding_a_how_to_load_no_browser() -> None:
    browser = "{'playwright', 'pages'}"
    probe = f"import sys, docs_check.steps; print(sorted({{m.split('.')[0] for m in sys.modules}} & {browser}))"

    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PACKAGE.parent
    )

    assert loaded.stdout.strip() == "[]"
