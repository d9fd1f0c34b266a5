"""The documentation check's HTML report, read without a browser: each step with its line, text, status,
findings and two figures, the check's own limits apart, the summary, the images beside the page, and nothing
fetched from elsewhere."""

from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup, Tag

from docs_check.report.html import MARKS, write_html_reports
from docs_check.report.results import STATUSES, StepResult
from testkit.walked_results import FIGURE_SIZE, LIMIT_MESSAGE, NOTE, STALE_MESSAGE, WHY, Walked, walked

pytestmark = pytest.mark.docs


def _page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _step(page: BeautifulSoup, name: str) -> Tag:
    """The <section> a step's heading names, as a screen reader finds it."""
    heading = page.find("h3", string=name)
    assert isinstance(heading, Tag), f"no step named {name!r}"
    section = heading.find_parent("section")
    assert isinstance(section, Tag) and section.get("aria-labelledby") == heading.get("id")
    return section


def _name(step: StepResult) -> str:
    return f"Step {step.step.number} · line {step.step.line}"


def _text(tag: Tag | None) -> str:
    assert tag is not None
    return " ".join(tag.get_text(" ").split())


@pytest.fixture
def walk(tmp_path: Path) -> Walked:
    return walked(tmp_path / "run")


@pytest.fixture
def written(walk: Walked, tmp_path: Path) -> Path:
    (page,) = write_html_reports([walk.result], tmp_path / "docs-report", strict=False)
    return page


def test_each_step_is_a_named_section_in_order_with_its_line_text_and_status(walk: Walked, written: Path) -> None:
    page = _page(written)

    headings = [_text(h) for h in page.select("section.step h3")]

    assert headings == [_name(step) for step in walk.result.steps]
    for step in walk.result.steps:
        section = _step(page, _name(step))
        assert _text(section.select_one(".text")) == " ".join(step.step.text.split())
        assert _text(section.select_one(".status")).endswith(step.status)


def test_a_steps_findings_are_inside_it_and_say_gap_or_fails_in_words(walk: Walked, written: Path) -> None:
    page = _page(written)

    gap = _step(page, _name(walk.result.steps[3])).select("li.finding")
    failing = _step(page, _name(walk.result.steps[4])).select("li.finding")

    assert [_text(item.select_one(".tag")) for item in gap] == ["△ gap"]
    assert "name-differs" in _text(gap[0]) and "gap" in (gap[0].get("class") or [])
    assert [_text(item.select_one(".tag")) for item in failing] == ["✗ fails"]
    assert "position" in _text(failing[0]) and "fails" in (failing[0].get("class") or [])


def test_under_strict_gaps_are_shown_as_failing(walk: Walked, tmp_path: Path) -> None:
    (written,) = write_html_reports([walk.result], tmp_path / "strict", strict=True)

    items = _step(_page(written), _name(walk.result.steps[3])).select("li.finding")

    assert [_text(item.select_one(".tag")) for item in items] == ["✗ fails"]


def test_both_figures_are_copied_beside_the_page_with_captions_and_alt_texts(walk: Walked, written: Path) -> None:
    page = _page(written)

    for step in walk.shown:
        figures = _step(page, _name(step)).select(".figures figure")
        assert [_text(figure.figcaption) for figure in figures] == ["The document's figure", "The screen now"]
        for figure in figures:
            image = figure.img
            assert image is not None and image.get("alt")
            source = unquote(str(image["src"]))
            assert not Path(source).is_absolute() and (written.parent / source).is_file()
            assert (image.get("width"), image.get("height")) == tuple(str(side) for side in FIGURE_SIZE)


def test_a_stale_figures_finding_is_shown_with_the_figures(walk: Walked, written: Path) -> None:
    figures = _step(_page(written), _name(walk.stale)).select_one(".figures")

    assert figures is not None
    (finding,) = figures.select("li.finding")
    assert "figure-stale" in _text(finding) and STALE_MESSAGE in _text(finding)


def test_a_figure_the_document_lacks_shows_its_caption_instead(walk: Walked, written: Path) -> None:
    section = _step(_page(written), _name(walk.unfound))

    document_figure, screen = section.select(".figures figure")

    assert document_figure.img is None
    assert _text(document_figure.select_one(".absent")) == "figure not found: Channel row"
    assert screen.img is not None


def test_steps_not_reached_are_marked_and_the_method_says_where_it_stopped(walk: Walked, written: Path) -> None:
    page = _page(written)

    unreached = _step(page, _name(walk.unreached))

    assert "status-not-reached" in (unreached.get("class") or [])
    document_figure, screen = (_text(absent) for absent in unreached.select(".figures .absent"))
    assert (document_figure, screen) == (
        "figure not looked for: New key",
        "not taken: the walk stopped before this step",
    )
    ninth = walk.result.steps[8].step
    assert f"the steps from step {ninth.number} on were not reached" in _text(page.select_one("section.method .end"))


def test_the_summary_counts_steps_findings_and_figures(written: Path) -> None:
    summary = _page(written).select_one("section.summary")
    assert summary is not None

    rows = {_text(row.th): _text(row.td) for row in summary.select(".counts tr")}

    assert rows["✓ holds"] == "3" and rows["△ gap"] == "2" and rows["✗ broken"] == "2"
    assert rows["⊝ cannot do"] == "1" and rows["⊘ outside app"] == "0" and rows["– not reached"] == "3"
    assert rows["figure-stale gap"] == "1" and rows["position fails"] == "1" and rows["outcome fails"] == "0"
    assert (rows["stale"], rows["current"], rows["not judged"]) == ("1", "1", "2")
    assert "Fails: 2 finding(s) fail; 2 gap(s)" in _text(summary.select_one(".verdict"))


def test_the_summary_counts_the_checks_own_limits_apart_from_the_documents_errors(written: Path) -> None:
    summary = _page(written).select_one("section.summary")
    assert summary is not None

    tables = {_text(table.caption): table for table in summary.select(".counts table")}

    limits = {_text(row.th): _text(row.td) for row in tables["The check's own limits"].select("tr")}
    errors = [_text(row.th) for row in tables["The document's errors"].select("tr")]
    assert limits == {"⊘ outside-app": "0", "⊝ cannot-do": "1", "⊙ precondition-unmet": "0", "? unclear": "0"}
    assert not [row for row in errors if "cannot-do" in row or "unclear" in row]
    assert "The check's own limits: 1 finding(s) on 1 step(s)" in _text(summary.select_one(".verdict.limit"))


def test_each_status_has_its_own_mark_and_says_its_name(walk: Walked, written: Path) -> None:
    status = _step(_page(written), _name(walk.limited)).select_one(".status")

    assert set(MARKS) == set(STATUSES) and len(set(MARKS.values())) == len(MARKS)
    assert _text(status) == "⊝ cannot do"
    assert status is not None and _text(status.select_one("[aria-hidden=true]")) == "⊝"


def test_a_limit_of_the_check_is_listed_apart_from_the_documents_errors(walk: Walked, written: Path) -> None:
    page = _page(written)
    section = _step(page, _name(walk.limited))

    (limit,) = section.select(".limits li.finding")

    assert LIMIT_MESSAGE in _text(limit) and "limit" in (limit.get("class") or [])
    assert _text(limit.select_one(".tag")) == "⊝ check's limit"
    assert not section.select('ul[aria-label^="The document\'s errors"]')
    errors, limits = page.select("section.summary ol.jump")
    assert LIMIT_MESSAGE not in _text(errors) and LIMIT_MESSAGE in _text(limits)


def test_steps_that_hold_are_folded_to_their_line_and_text_and_the_rest_are_open(walk: Walked, written: Path) -> None:
    page = _page(written)

    folded = {step.step.number: _step(page, _name(step)).details for step in walk.result.steps}

    for step in walk.result.steps:
        details = folded[step.step.number]
        assert details is not None and details.summary is not None
        assert _text(details.summary.select_one(".text")) == " ".join(step.step.text.split())
        assert details.summary.h3 is not None
        assert details.has_attr("open") == (step.status != "holds"), step.status
    assert [number for number, details in folded.items() if details and not details.has_attr("open")] == [1, 6, 7]


def test_the_methods_notes_are_shown_under_its_heading(written: Path) -> None:
    method = _page(written).select_one("section.method")
    assert method is not None and method.h2 is not None

    notes = method.h2.find_next_sibling()

    assert notes is not None and notes.name == "ul" and [_text(li) for li in notes.select("li")] == [NOTE]


def test_a_step_not_reached_says_why(walk: Walked, written: Path) -> None:
    page = _page(written)

    said = _text(_step(page, _name(walk.unreached)).select_one(".why"))

    assert said == f"Not reached: {WHY}"
    assert WHY in _text(page.select_one("section.summary ul.methods"))


def test_without_the_documents_figures_the_page_says_once_how_to_get_them(walk: Walked, tmp_path: Path) -> None:
    for step in walk.result.steps:
        step.document_figure = step.judged = None

    (written,) = write_html_reports([walk.result], tmp_path / "no-assets", strict=False)

    page = _page(written)
    hints = [_text(hint) for hint in page.select("[role=note]")]
    assert len(hints) == 1 and "--how-to-assets DIR, the docs site's root" in hints[0]
    assert written.read_text().count("--how-to-assets") == 1
    for step in (walk.current, walk.unfound, walk.unreached):
        figures = _step(page, _name(step)).select(".figures figure")
        assert [_text(figure.figcaption) for figure in figures] == ["The screen now"]
    assert "figure not found" not in page.get_text() and "figure not looked for" not in page.get_text()


def test_with_the_documents_figures_the_page_gives_no_hint(written: Path) -> None:
    assert not _page(written).select("[role=note]")


def test_the_page_fetches_nothing_and_runs_no_script(written: Path) -> None:
    page = _page(written)

    addresses = [str(tag.get("src") or tag.get("href")) for tag in page.select("[src], [href]")]

    assert not page.select("script, link[rel=stylesheet]")
    assert addresses and not [address for address in addresses if ":" in address.split("/")[0]]
    assert "url(" not in written.read_text() and "@import" not in written.read_text()


def test_the_documents_words_are_shown_as_text_not_markup(walk: Walked, written: Path) -> None:
    section = _step(_page(written), _name(walk.result.steps[7]))

    assert not section.select("b")
    assert "<b>Regenerate</b>" in _text(section.select_one(".message"))


def test_several_documents_get_an_index_that_links_each_page(walk: Walked, tmp_path: Path) -> None:
    other = walked(tmp_path / "other", "tile-route.txt")
    walk.result.document = replace(walk.result.document, path="how-tos/tile-route.md")
    other.result.document = replace(other.result.document, path="how-tos/tile-route.txt")

    index, *pages = write_html_reports([walk.result, other.result], tmp_path / "docs-report", strict=False)

    names = [page.name for page in pages]
    assert index.name == "index.html" and names == ["how-tos-tile-route-md.html", "how-tos-tile-route-txt.html"]
    links = [str(a["href"]) for a in _page(index).select("table.documents a")]
    assert links == [page.name for page in pages]
    assert all(_page(page).select_one("a[href='index.html']") for page in pages)


def test_a_second_run_leaves_no_image_of_the_first(walk: Walked, written: Path, tmp_path: Path) -> None:
    walk.stale.figure = walk.stale.document_figure = None

    (again,) = write_html_reports([walk.result], written.parent, strict=False)

    images = {path.name for path in again.with_suffix("").rglob("*.png")}
    assert images == {"01-document.png", "01-screen.png", "06-screen.png"}


def test_two_documents_of_one_name_in_different_folders_get_a_page_each(walk: Walked, tmp_path: Path) -> None:
    other = walked(tmp_path / "other")
    walk.result.document = replace(walk.result.document, path="channels/add.mdx")
    other.result.document = replace(other.result.document, path="integration-channels/add.mdx")

    index, *pages = write_html_reports([walk.result, other.result], tmp_path / "docs-report", strict=False)

    assert len(set(pages)) == 2 and all(page.is_file() for page in pages)
    assert [_text(_page(page).select_one("header code")) for page in pages] == [
        "channels/add.mdx",
        "integration-channels/add.mdx",
    ]
    assert all(page.with_suffix("").is_dir() for page in pages)
