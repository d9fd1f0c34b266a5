"""The documentation check reads what a writer wrote: a clean how-to in any form yields no finding, and each
kind of mistake a writer makes yields the right finding at the right line."""

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from docs_check.figures.book import FigureBook
from docs_check.report.results import FindingKind
from docs_check.steps import read
from docs_check.walking import walk_method
from pages.screen import Screen
from testkit.timeout import TIMEOUT_MS

pytestmark = pytest.mark.docs

HOW_TOS = Path(__file__).parent / "how-tos"
FIGURES = Path(__file__).resolve().parents[2] / "docs" / "figures"  # the project's own how-to's
FORMS = ("tile-route.md", "tile-route.mdx", "tile-route.html", "tile-route.txt")
# A finding that is expected waits in vain for what the text promised; the rest of the walk is quick either way.
CLAIM_TIMEOUT_MS = TIMEOUT_MS / 4


@dataclass(frozen=True)
class Mistake:
    """An edit of one fixture, and the first finding it must cause: its kind, on the line holding `at`."""

    fixture: str
    old: str
    new: str
    kind: FindingKind | None  # None: the edit must change nothing
    at: str = ""

    def write(self, folder: Path) -> Path:
        text = (HOW_TOS / self.fixture).read_text()
        assert text.count(self.old) == 1, f"{self.fixture} no longer holds {self.old!r}: update this test"
        changed = folder / self.fixture
        changed.write_text(text.replace(self.old, self.new))
        return changed

    def line(self, path: Path) -> int:
        lines = path.read_text().splitlines()
        return next(number for number, line in enumerate(lines, start=1) if self.at in line)


TILE_MENU = "Click on the ⋮ icon in the top right corner of the tile to open its menu."
CHOOSE_SETTINGS = 'In the menu, choose "Settings..." to open the Project Settings page.'
MISTAKES = {
    "renamed-tab": Mistake("tile-route.mdx", '"Channels" tab', '"Connections" tab', "not-on-screen", "Connections"),
    "wrong-side": Mistake("tile-route.md", "on the right side", "on the left side", "position", "left side"),
    "confirm-renamed": Mistake(
        "tile-route.html", "&quot;Regenerate&quot; to confirm", "&quot;Confirm&quot; to confirm", "not-on-screen",
        "&quot;Confirm&quot;",
    ),
    "confirm-left-out": Mistake(
        "tile-route.txt", '  • Click on "Regenerate" to confirm.\n', "", "missing-step", "to open a prompt"
    ),
    "steps-swapped": Mistake(
        "tile-route.md", f"- {TILE_MENU}\n  ![Tile menu](/img/tile-route/tile-menu.png)\n- {CHOOSE_SETTINGS}",
        f"- {CHOOSE_SETTINGS}\n- {TILE_MENU}\n  ![Tile menu](/img/tile-route/tile-menu.png)", "missing-step",
        CHOOSE_SETTINGS,
    ),
    "logo-elsewhere": Mistake("tile-route.mdx", "top left corner", "top right corner", "position", "top right corner"),
    "no-such-control": Mistake(
        "tile-route.html", "Click on it to open a prompt.", "Click on &quot;Rotate&quot; to open a prompt.",
        "not-on-screen", "Rotate",
    ),
    "bold-for-quotes": Mistake("tile-route.md", '"Channels" tab', "**Channels** tab", None),
    "wrong-outcome": Mistake(
        "tile-route.txt", "Its row opens in place and shows", "The Projects dashboard opens. Its row shows",
        "outcome", "The Projects dashboard opens",
    ),
    "case-differs": Mistake(
        "tile-route.html", "&quot;Settings...&quot;", "&quot;settings&quot;", "name-differs", "&quot;settings&quot;"
    ),
    "unclear-step": Mistake(
        "tile-route.mdx", "- Find your project's tile", "- Then click.\n- Find your project's tile", "unclear",
        "Then click",
    ),
}  # fmt: skip


@pytest.mark.parametrize("fixture", FORMS)
def test_a_clean_how_to_yields_no_finding_in_any_form(screen: Screen, fixture: str) -> None:
    document = read(HOW_TOS / fixture)

    results = [walk_method(screen, document, method, timeout=CLAIM_TIMEOUT_MS) for method in document.methods]

    assert [result.describe(finding) for result in results for finding in result.findings] == []
    assert all(result.reached_end for result in results)


@pytest.mark.parametrize("mistake", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_writers_mistake_yields_its_finding_at_its_line(screen: Screen, mistake: Mistake, tmp_path: Path) -> None:
    path = mistake.write(tmp_path)
    document = read(path)

    result = walk_method(screen, document, document.methods[0], timeout=CLAIM_TIMEOUT_MS)

    found = [(finding.kind, finding.line) for finding in result.findings]
    if mistake.kind is None:
        assert found == []
    else:
        assert found[:1] == [(mistake.kind, mistake.line(path))], [result.describe(f) for f in result.findings]


def test_without_an_ocr_engine_figures_are_found_and_shown_but_not_judged(
    screen: Screen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    for name in ("logo", "tile-menu", "channel-row", "new-key"):
        (site / "static" / "img" / "tile-route").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIGURES / "method-2" / "01-logo.png", site / "static" / "img" / "tile-route" / f"{name}.png")
    monkeypatch.setattr("docs_check.figures.step.engine", lambda: None)
    document = read(HOW_TOS / "tile-route.md")
    book = FigureBook(output=tmp_path / "figures", compare=False, tolerance=0)

    result = walk_method(screen, document, document.methods[0], book, CLAIM_TIMEOUT_MS, assets=site)

    with_figures = [step for step in result.steps if step.step.figures]
    assert [Path(step.document_figure or "").stem for step in with_figures] == [
        "logo",
        "tile-menu",
        "channel-row",
        "new-key",
    ]
    assert all(step.figure and step.judged is None for step in with_figures)
    assert result.findings == []
