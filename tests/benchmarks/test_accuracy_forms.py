"""The accuracy benchmark's other forms of a document: plain text from a built page, and reports put back onto
the source's lines (made-up documents, no browser)."""

import copy
from typing import Any

from benchmarks.page_text import plain_text
from benchmarks.relining import reline, source_line, words

# A made-up source in our own words; the comments in the tests give its 1-based lines.
SOURCE = """# Star a project

## Method 1: From the header

- Open the project menu.
- Click on **Star** to star the project.

## Method 2: From the tiles

- Open the project menu.

### Star the project

- You will star the project once you click the star on the tile.
"""


def step(line: int, text: str, *kinds: str) -> dict[str, Any]:
    findings = [{"kind": kind, "line": line, "doc": None, "screen": None, "message": "ours"} for kind in kinds]
    return {"line": line, "text": text, "status": "holds", "why": None, "findings": findings}


def built_report() -> dict[str, Any]:
    """A report on the built page of SOURCE: its steps sit on the page's few long lines."""
    return {
        "path": "docs/star.html",
        "methods": [
            {"key": "method-1", "steps": [step(40, "Open the project menu."),
                                          step(40, 'Click on "Star" to star the project.', "name-differs")]},
            {"key": "method-2", "steps": [step(41, "Open the project menu."), step(41, "→"),
                                          step(41, "You will star the project once you click the star on the tile.",
                                               "outcome", "position")]},
        ],
    }  # fmt: skip


def test_words_keep_letters_and_digits_in_lower_case() -> None:
    assert words('- Click on **"Settings..."** (step 2)') == "click on settings step 2"


def test_each_step_and_its_findings_go_to_the_source_line_it_comes_from() -> None:
    report = built_report()
    before = copy.deepcopy(report)

    relined = reline(report, SOURCE)

    steps = [step for method in relined["methods"] for step in method["steps"]]
    # A step repeated in the second method goes to the second method's line (10, not 5); a step without words
    # stays where the step before it went; the heading on 12 lies whole inside the last step, which only 14 holds.
    assert [step["line"] for step in steps] == [5, 6, 10, 10, 14]
    assert [finding["line"] for step in steps for finding in step["findings"]] == [6, 14, 14]
    assert report == before  # the report itself is left as it was


def test_an_equally_good_line_that_holds_only_part_of_the_step_loses() -> None:
    lines = [words(line) for line in SOURCE.splitlines()]

    assert source_line(words("You will star the project once you click the star."), lines, after=11) == 14
    assert source_line(words("Open the project menu."), lines, after=7) == 10
    assert source_line(words("Open the project menu."), lines, after=11) == 5  # none after 11: the first
    assert source_line("", lines) is None


PAGE = """<!doctype html><html><head><title>Star a project | Docs</title></head><body>
<nav class="navbar"><ul><li>Docs</li></ul></nav>
<article><nav class="theme-doc-breadcrumbs"><ul><li>Home</li><li>Projects</li></ul></nav>
<div class="tocCollapsible"><button type="button">On this page</button></div>
<div class="theme-doc-markdown markdown"><h1 id="star">Star a project<a class="hash-link" href="#star">\u200b</a></h1>
<p>Starred projects come first.</p>
<h2 id="m1">Method 1: From the header</h2>
<ul>
<li>Open the   project <strong>menu</strong>.<!-- -->
<img src="/assets/images/menu.png" alt="Project Menu"></li>
<li><p>Click on <code>Star</code>.</p><p>The star fills.</p>
<ol><li>First a nested step.</li><li>Then another.</li></ol></li>
</ul>
<table><tr><th>Name</th><th>Colour</th></tr><tr><td>Starred</td><td>Gold</td></tr></table>
</div><footer><a href="https://example.com/edit">Edit this page</a></footer></article>
<footer>Copyright</footer></body></html>
"""


def test_plain_text_is_the_articles_blocks_a_line_each() -> None:
    assert plain_text(PAGE).splitlines() == [
        "Star a project",
        "Starred projects come first.",
        "Method 1: From the header",
        "• Open the project menu. Project Menu",  # the image's alt text ends its item, as a copy keeps it
        "• Click on Star. The star fills.",
        "1. First a nested step.",
        "2. Then another.",
        "Name\tColour",
        "Starred\tGold",
    ]
