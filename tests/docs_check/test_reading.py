"""Reading a how-to, without a browser: the four forms give the same steps, each with its line and figures."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docs_check.reading import UnreadableDocument, detect_format
from docs_check.steps import read, read_text
from docs_check.steps.instructions import understand

DEFAULT_HOW_TO = Path(__file__).resolve().parents[2] / "docs" / "regenerate-api-key.md"  # the project's own

pytestmark = pytest.mark.docs

HOW_TOS = Path(__file__).resolve().parents[2] / "e2e" / "docs_check" / "how-tos"
FORMS = {"tile-route.md": "markdown", "tile-route.mdx": "mdx", "tile-route.html": "html", "tile-route.txt": "text"}


@pytest.mark.parametrize(("fixture", "form"), FORMS.items())
def test_each_form_reads_to_the_same_steps(fixture: str, form: str) -> None:
    document, markdown = read(HOW_TOS / fixture), read(HOW_TOS / "tile-route.md")

    assert document.format == form
    assert document.title == "A new key from the Projects dashboard"
    assert [step.text for step in document.methods[0].steps] == [step.text for step in markdown.methods[0].steps]
    assert [step.instruction for step in document.methods[0].steps] == [
        step.instruction for step in markdown.methods[0].steps
    ]


@pytest.mark.parametrize("fixture", FORMS)
def test_each_step_keeps_the_line_it_starts_on(fixture: str) -> None:
    path = HOW_TOS / fixture
    lines = path.read_text().splitlines()

    for step in read(path).methods[0].steps:
        first_words = " ".join(step.text.split()[:3]).replace('"', "&quot;" if fixture.endswith(".html") else '"')
        assert first_words in lines[step.line - 1], (step.line, step.text)


def test_figures_keep_their_caption_and_where_they_point_in_each_form() -> None:
    def figures(fixture: str) -> list[tuple[str, str | None]]:
        steps = read(HOW_TOS / fixture).methods[0].steps
        return [(figure.caption, figure.src) for step in steps for figure in step.figures]

    assert figures("tile-route.md")[0] == ("Logo", "/img/tile-route/logo.png")
    assert figures("tile-route.mdx")[0] == ("Logo", "@site/static/img/tile-route/logo.png")
    assert figures("tile-route.html")[0] == ("Logo", "/assets/images/tile-route/logo.png")
    assert figures("tile-route.txt") == [("Logo", None), ("Tile menu", None), ("Channel row", None), ("New key", None)]


def test_a_figure_goes_with_the_action_it_shows() -> None:
    steps = read(HOW_TOS / "tile-route.md").methods[0].steps
    shown = {step.text: [figure.caption for figure in step.figures] for step in steps if step.figures}

    assert shown["Click on the Integration channel whose key you want to replace."] == ["Channel row"]
    assert shown["The field now shows a new API key."] == ["New key"]


def test_methods_are_the_sections_headed_method_n() -> None:
    document = read(DEFAULT_HOW_TO)

    assert [(method.key, method.name) for method in document.methods] == [
        ("method-1", "Method 1"),
        ("method-2", "Method 2"),
    ]
    assert [method.title for method in document.methods] == [
        "Through the active project's menu",
        "Through the Projects dashboard",
    ]


def test_a_how_to_without_methods_is_one_method() -> None:
    (method,) = read(HOW_TOS / "tile-route.md").methods

    assert method.key == "method-1" and method.name == "A new key from the Projects dashboard"


def test_the_site_around_a_copied_page_is_not_read() -> None:
    steps = read(HOW_TOS / "tile-route.txt").methods[0].steps

    assert not any("Skip to main content" in step.text for step in steps)


@pytest.mark.parametrize(
    ("source", "form"),
    [
        ("<!DOCTYPE html><html><body><h1>T</h1></body></html>", "html"),
        ("import A from '@site/static/a.png';\n# T\n", "mdx"),
        ("# T\n\n- Click on **X**.\n", "markdown"),
        ("T\n  • Click on X.\n", "text"),
    ],
)
def test_a_file_without_a_known_suffix_is_read_by_its_content(tmp_path: Path, source: str, form: str) -> None:
    assert detect_format(tmp_path / "how-to", source) == form


def test_a_document_that_asks_nothing_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nThe product is a dashboard.\n")

    with pytest.raises(UnreadableDocument, match="notes.md: no sentence asks the reader to act or look"):
        read(path)


@pytest.mark.parametrize(
    ("sentence", "kind", "names", "nouns"),
    [
        ("On the dropdown menu click on Project settings to take you there.", "act", ["Project settings"], []),
        ('Click on "Settings."', "act", ["Settings"], []),
        ("Click on **Channels** to see them.", "act", ["Channels"], []),
        ("Click on the ellipsis icon (three dots) in the top right corner of the tile.", "act", [], ["tile-options"]),
        ("In the Projects dashboard, locate the project you want.", "look", [], ["tile"]),
        ('You will see two tabs, "General" and "Channels."', "look", ["General", "Channels"], []),
        ("A drop-down menu will appear.", "expect", [], []),
        ("Scroll down to the bottom.", None, [], []),
        ("Scroll down to the **Danger Zone**.", "look", ["Danger Zone"], []),
        ("Make sure to re-enable the project when you need it.", None, [], []),
        ("If successful, the status shows 'Integrated'.", None, [], []),
        ("If you want to keep it, click on **Cancel**.", "act", ["Cancel"], []),
        ("Enter your email address in the **Email** field.", "type", ["Email"], []),
        ("Type your password.", "type", ["password"], []),
        ("Send a message to your agent.", "send", [], []),
        ("Hover over the tile.", "cannot", [], []),
        ("The product is a dashboard.", None, [], []),
    ],
)  # fmt: skip
def test_a_sentence_says_what_to_do_and_on_what(
    sentence: str, kind: str | None, names: list[str], nouns: list[str]
) -> None:
    said = understand(sentence)

    assert (said.kind if said else None) == kind
    if said:
        assert [name.text for name in said.names] == names
        assert list(said.nouns) == nouns


def test_where_a_sentence_puts_a_thing_is_read_with_its_container() -> None:
    said = understand("Click on the ellipsis icon in the top right corner of the project tile.")

    assert said and said.place and (said.place.area, said.place.within) == ("top-right corner", "tile")


def test_what_a_sentence_says_will_happen_is_read() -> None:
    prompt = understand("A prompt will appear, asking you to confirm if you want to regenerate the API key.")
    key = understand("After confirming, a new unique API key will be generated.")

    assert prompt and prompt.outcome and prompt.outcome.nouns == ("prompt",)
    assert prompt.outcome.asks == "regenerate the API key"
    assert key and key.outcome and key.outcome.new_key and key.outcome.unique_key


@given(st.text(max_size=400))
def test_any_sentence_is_read_or_left_without_error(sentence: str) -> None:
    understand(sentence)


@given(st.sampled_from(["mdx", "markdown", "html", "text"]), st.text(max_size=600))
def test_any_text_is_read_as_a_document_or_refused_with_a_reason(form: str, source: str) -> None:
    try:
        read_text(source, "generated", form)  # type: ignore[arg-type]
    except UnreadableDocument as error:
        assert str(error).startswith("generated: ")
