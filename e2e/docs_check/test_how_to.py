"""The documentation check's own test, run in this suite: each method of each how-to (`--how-to PATH`, or the
project's own, docs/regenerate-api-key.md) holds, walked step by step as its text says."""

from docs_check.test_how_tos import test_the_how_to_matches_the_app

__all__ = ["test_the_how_to_matches_the_app"]
