"""`python -m docs_check PATH... [--base-url URL] [pytest options]`: check how-tos against the app, from any folder.

The documents are the positional arguments (globs are expanded, `**` too); everything else goes to pytest
(`--base-url`, `--headed`, `-n 2`, `--docs-strict`, `--how-to-assets DIR`, ...). Only the documents named are
checked: none of the project's own tests run. Without `--base-url` the project's embedded app is served,
where this runs from the project's checkout.
"""

import glob
import sys
from pathlib import Path

import pytest

CHECK = Path(__file__).resolve().parent / "test_how_tos.py"
USAGE = "usage: python -m docs_check PATH [PATH ...] [--base-url URL] [pytest options]"


def split(argv: list[str]) -> tuple[list[str], list[str]]:
    """The documents named (globs expanded) and the options for pytest."""
    documents, options = [], []
    takes_value = False
    for arg in argv:
        if takes_value or arg.startswith("-"):
            options.append(arg)
            takes_value = arg.startswith("-") and "=" not in arg and arg in VALUED
        elif glob.has_magic(arg):
            matched = sorted(glob.glob(arg, recursive=True))
            if not matched:
                raise SystemExit(f"docs_check: {arg}: no file matches")
            documents += matched
        else:
            documents.append(arg)
    return documents, options


# pytest's options that take a value as the next argument, among those a reviewer passes.
VALUED = {
    "--base-url", "--browser", "--browser-channel", "--slowmo", "--output", "--tracing", "--screenshot",
    "--how-to-assets", "--docs-report", "--figure-tolerance", "-n", "--numprocesses", "-k", "-m", "-p",
    "--junitxml", "--browser-server", "--app-host", "--maxfail", "-c", "--rootdir", "--timeout",
}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE)
        print(__doc__)
        return 0 if argv else 4
    documents, options = split(argv)
    if not documents:
        print(f"docs_check: name at least one how-to\n{USAGE}", file=sys.stderr)
        return 4
    args = [str(CHECK), "-p", "no:cacheprovider", *(f"--how-to={document}" for document in documents), *options]
    return int(pytest.main(args))


if __name__ == "__main__":
    sys.exit(main())
