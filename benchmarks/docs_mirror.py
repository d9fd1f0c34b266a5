"""Reading the git mirror of the product's docs: a document as it was at a commit, and its built page.

The mirror's `gh-pages` branch holds the built site; each deploy is a commit titled "Deploy website - based on
<source sha>", in which the page of `docs/X/Y.mdx` (or `.md`) of that source commit is `docs/X/Y.html`.
"""

import re
import subprocess
from pathlib import Path, PurePosixPath

BUILT_BRANCH = "gh-pages"
DEPLOY = re.compile(r"^Deploy website - based on (?P<source>[0-9a-f]{40})\s*$")


def show(repo: Path, commit: str, path: str) -> str:
    return _git(repo, "show", f"{commit}:{path}")


def builds(repo: Path) -> dict[str, str]:
    """Each source commit that was deployed, and the newest deploy of it on the built branch."""
    found: dict[str, str] = {}
    for entry in _git(repo, "log", BUILT_BRANCH, "--format=%H %s").splitlines():
        deploy, _, subject = entry.partition(" ")
        based = DEPLOY.match(subject)
        if based:
            found.setdefault(based.group("source"), deploy)  # the log lists the newest first
    return found


def built_path(path: str) -> str:
    return str(PurePosixPath(path).with_suffix(".html"))


def built_page(repo: Path, deploys: dict[str, str], commit: str, path: str) -> str | None:
    """The built page of the document at `path` as of source `commit`, or None when that commit was not built."""
    deploy = deploys.get(commit)
    if deploy is None:
        return None
    page = f"{deploy}:{built_path(path)}"
    if subprocess.run(["git", "-C", str(repo), "cat-file", "-e", page], capture_output=True).returncode != 0:
        return None
    return _git(repo, "show", page)


def _git(repo: Path, *command: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *command], capture_output=True, text=True, check=True).stdout
