"""Both prompts read as the product's: the question alone, then Cancel in green left of the red button that confirms."""

from collections.abc import Callable
from typing import NamedTuple

import pytest
from playwright.sync_api import Page, expect

from pages import ProjectsDashboard, Prompt, labels
from pages.how_to import via_active_project_menu
from testkit.demo import CHANNEL, OTHER_PROJECT, PROJECT

pytestmark = pytest.mark.read_only  # they change no data

# On the dimmer, Semantic UI's inverted basic colours: the product has a green Cancel, then a red Regenerate.
GREEN = "rgb(46, 204, 64)"
RED = "rgb(255, 105, 94)"


class Case(NamedTuple):
    open_prompt: Callable[[Page], Prompt]
    question: str
    confirm: str


CASES = {
    "regenerate": Case(
        lambda page: via_active_project_menu(page, PROJECT).open_channel(CHANNEL).regenerate(),
        labels.REGENERATE_QUESTION,
        labels.REGENERATE,
    ),
    "disable": Case(
        lambda page: ProjectsDashboard(page).open().tile(OTHER_PROJECT).disable(),
        labels.DISABLE_QUESTION,
        labels.DISABLE_PROJECT,
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_prompt_asks_its_question_over_cancel_in_green_left_of_its_red_confirm_button(page: Page, case: Case) -> None:
    prompt = case.open_prompt(page)

    expect(prompt.dialog).to_match_aria_snapshot(
        f"""
        - dialog "{case.question}":
          - /children: equal
          - paragraph: {case.question}
          - button "{labels.CANCEL}"
          - button "{case.confirm}"
        """
    )
    expect(prompt.cancel_button).to_have_css("color", GREEN)
    expect(prompt.confirm_button).to_have_css("color", RED)
    cancel, confirm = prompt.cancel_button.bounding_box(), prompt.confirm_button.bounding_box()
    assert cancel and confirm, "a button of the prompt has no box on screen"
    assert cancel["x"] + cancel["width"] <= confirm["x"], "Cancel is not to the left of the confirm button"
    assert cancel["y"] == confirm["y"], "the two buttons are not side by side"
