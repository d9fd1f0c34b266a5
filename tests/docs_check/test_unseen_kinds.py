"""How-tos written in ways the check was not built on are read whole: every step becomes a step, and what
asks for no step (a note, a tip, one case of a condition) becomes none. The walks are in e2e/docs_check."""

from pathlib import Path

import pytest

from docs_check.reading import Format, UnreadableDocument
from docs_check.steps import read, read_text
from docs_check.steps.instructions import understand

KINDS = Path(__file__).resolve().parents[2] / "e2e" / "docs_check" / "how-tos" / "kinds"


def _steps(name: str) -> list[tuple[int, str]]:
    return [(step.line, step.instruction.kind) for step in read(KINDS / name).methods[0].steps]


def test_steps_in_a_table_an_over_indented_item_a_collapsed_block_and_a_joined_sentence_are_each_read() -> None:
    assert [line for line, _ in _steps("dropped-steps.md")] == [7, 8, 11, 15, 18, 18, 19]


def test_a_step_that_names_only_what_its_figure_shows_is_reported_as_unread() -> None:
    assert _steps("dropped-steps.md")[-1] == (19, "unclear")


def test_methods_headed_with_other_punctuation_in_plain_text_stay_two() -> None:
    document = read(KINDS / "two-methods.txt")

    assert [(method.key, len(method.steps)) for method in document.methods] == [("method-1", 3), ("method-2", 4)]


def test_notes_tips_and_one_case_of_a_condition_are_no_steps() -> None:
    assert [line for line, _ in _steps("notes.md")] == [5, 6, 7, 8, 16, 18, 24]


def test_a_quoted_message_is_read_whole_as_words_the_screen_should_show() -> None:
    step = read(KINDS / "notes.md").methods[0].steps[4]

    assert [(name.mark, name.text.split()[:3]) for name in step.instruction.names] == [
        ("message", ["Please", "follow", "the"])
    ]


def test_typing_sending_and_an_action_the_check_cannot_take_are_steps_of_their_own() -> None:
    kinds = dict(_steps("actions.md"))

    assert (kinds[5], kinds[6], kinds[7], kinds[19], kinds[22]) == ("act", "type", "type", "send", "cannot")


def test_a_how_to_in_another_language_is_refused_saying_only_english_is_read() -> None:
    source = (
        "# Clé API\n\n- Cliquez sur le nom de votre projet actif dans l'en-tête de la page.\n"
        "- Choisissez « Paramètres du projet » dans le menu qui s'ouvre alors.\n"
        "- Ouvrez l'onglet des canaux et cliquez sur le canal dont vous voulez changer la clé.\n"
        "- Cliquez sur le bouton pour la régénérer, puis confirmez dans la fenêtre.\n"
    )

    with pytest.raises(UnreadableDocument, match="reads English only"):
        read_text(source, "fr.md", "markdown")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Your channel will now be shown with its new name.", "unclear"),
        ("The project will immediately be renamed.", "unclear"),
        ("Once unstarred, the project will no longer be listed first on the dashboard.", "unclear"),
        ('Stay on the settings page and navigate to the "Channels" tab.', "act"),
    ],
)
def test_outcomes_said_otherwise_are_steps_and_what_stops_being_so_is_not_compared(sentence: str, kind: str) -> None:
    instruction = understand(sentence)

    assert instruction is not None and instruction.kind == kind


@pytest.mark.parametrize(
    ("source", "form", "line"),
    [
        ('# See the colour\n\n1. On the General tab:\n   Stay on the settings page and open the "General" tab.\n',
         "markdown", 4),
        ('See the colour\n\n1. On the General tab: Stay on the settings page and open the "General" tab.\n', "text", 3),
    ],
)  # fmt: skip
def test_a_step_under_a_caption_ending_in_a_colon_is_read(source: str, form: Format, line: int) -> None:
    steps = read_text(source, f"caption.{form}", form).methods[0].steps

    assert [(step.line, step.instruction.kind) for step in steps] == [(line, "act")]


def test_a_note_with_a_colon_stays_a_note() -> None:
    source = '# Keys\n\n- Click on "Channels".\n- Note: Click Regenerate only when the old key leaked.\n'

    assert [step.line for step in read_text(source, "note.md", "markdown").methods[0].steps] == [3]
