"""The app with some of its templates edited, for the tests that must see a check fail when the screen changes.

`changed_app(seeded, folder, edits)` serves it in a thread on a copy of the seeded database; the edited
templates shadow the app's own of the same name, the rest are the app's.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader

from testkit.serving import ROOT, SeededDatabase, ThreadServer, serve_in_thread


@dataclass(frozen=True)
class TemplateEdit:
    """One template of the app with some text replaced, each exactly once."""

    template: str
    edits: tuple[tuple[str, str], ...]

    def write(self, folder: Path) -> None:
        text = (ROOT / "mock_app" / "templates" / self.template).read_text()
        for old, new in self.edits:
            assert text.count(old) == 1, f"{self.template} no longer contains {old!r}: update the test"
            text = text.replace(old, new)
        (folder / self.template).parent.mkdir(parents=True, exist_ok=True)
        (folder / self.template).write_text(text)


def shadow_templates(overrides: Path) -> Callable[[Flask], None]:
    """Serve the templates in `overrides` in place of the app's own of the same name."""

    def prepare(app: Flask) -> None:
        own = app.jinja_loader
        assert own is not None, "the app has no template folder"
        app.jinja_loader = ChoiceLoader([FileSystemLoader(overrides), own])

    return prepare


@contextmanager
def changed_app(seeded: SeededDatabase, folder: Path, edits: Iterable[TemplateEdit]) -> Iterator["ThreadServer"]:
    """The app on a copy of `seeded` with `edits` made to its templates, served in a thread."""
    (folder / "templates").mkdir(parents=True, exist_ok=True)
    for edit in edits:
        edit.write(folder / "templates")
    with serve_in_thread(seeded, folder, prepare=shadow_templates(folder / "templates")) as server:
        yield server
