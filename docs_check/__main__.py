"""`docs-check PATH... [--base-url URL] [pytest options]`: check how-tos against the app, from any folder.

`python -m docs_check` is the same command. The documents are the positional arguments (globs are expanded,
`**` too); everything else goes to pytest (`--base-url`, `--headed`, `-n 2`, `--docs-strict`,
`--how-to-assets DIR`, ...). Only the documents named are checked: none of the project's own tests run.
Without `--base-url` the project's embedded app is served, which needs the project's checkout (an install
made with `pip install --editable`); an install of the package alone checks a deployment named by `--base-url`.
"""

import glob
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent
CHECK = PACKAGE / "test_how_tos.py"
# The project's conftest.py, beside the package in a checkout: it loads the plugin and serves the embedded app.
CHECKOUT_CONFTEST = PACKAGE.parent / "conftest.py"


def usage() -> str:
    """The usage line, naming the command as it was called."""
    called = "docs-check" if Path(sys.argv[0]).name.startswith("docs-check") else "python -m docs_check"
    return f"usage: {called} PATH [PATH ...] [--base-url URL] [pytest options]"


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
    "--junitxml", "--browser-server", "--app-host", "--maxfail", "-c", "--rootdir", "--timeout", "-o",
    "--override-ini",
}  # fmt: skip


def names_app(options: list[str]) -> bool:
    """Whether the options name the app's address (`--base-url URL`, `--base-url=URL`, `-o base_url=URL`)."""
    return any(option.startswith("--base-url") or "base_url=" in option for option in options)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(usage(), file=sys.stderr)
        return 4
    if argv[0] in ("-h", "--help"):
        print(usage())
        print(__doc__)
        return 0
    documents, options = split(argv)
    if not documents:
        print(f"docs_check: name at least one how-to\n{usage()}", file=sys.stderr)
        return 4
    plugin: list[str] = []
    if not CHECKOUT_CONFTEST.is_file():  # the package alone, installed without the project's checkout
        if not names_app(options):
            print(
                "docs_check: needs --base-url URL, the address of the app to check: the embedded app is served "
                f"only from the project's checkout (`make setup` there), and this install runs from {PACKAGE}",
                file=sys.stderr,
            )
            return 4
        plugin = ["-p", "docs_check.plugin"]  # which the checkout's conftest.py loads otherwise
    args = [*plugin, str(CHECK), "-p", "no:cacheprovider", *(f"--how-to={document}" for document in documents)]
    return int(pytest.main([*args, *options]))


if __name__ == "__main__":
    sys.exit(main())
