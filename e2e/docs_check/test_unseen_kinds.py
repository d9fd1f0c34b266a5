"""How-tos written in the ways the check was not built on, walked: each kind of trouble gets its own status or
finding, and the walk goes on where the rest of the document can still be checked."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from docs_check.report.results import DIFFERENCES, MethodResult
from docs_check.steps import read
from docs_check.walking import walk_method
from pages.screen import Screen
from testkit.timeout import TIMEOUT_MS

pytestmark = pytest.mark.docs
KINDS = Path(__file__).parent / "how-tos" / "kinds"
CLAIM_TIMEOUT_MS = TIMEOUT_MS / 4


def walk(screen: Screen, name: str, account: tuple[str, str] = ("", "")) -> MethodResult:
    document = read(KINDS / name)
    return walk_method(screen, document, document.methods[0], timeout=CLAIM_TIMEOUT_MS, account=account)


def statuses(result: MethodResult) -> dict[int, str]:
    return {step.step.line: step.status for step in result.steps}


def test_a_control_outside_the_app_is_its_own_status_and_the_walk_goes_on(screen: Screen) -> None:
    result = walk(screen, "outside-app.md")

    assert statuses(result) == {
        5: "holds", 6: "holds", 7: "holds", 11: "outside app", 12: "outside app", 13: "outside app", 17: "holds"
    }  # fmt: skip
    assert result.failures() == [] and result.reached_end


def test_a_control_outside_the_app_is_never_clicked_so_it_costs_no_timeout(screen: Screen) -> None:
    result = walk(screen, "outside-app.md")

    assert not [finding for finding in result.findings if "Timeout" in finding.message]


def test_a_quoted_message_is_compared_with_the_screen_word_for_word(screen: Screen) -> None:
    result = walk(screen, "notes.md")

    assert [(finding.kind, finding.line) for finding in result.findings] == [("wording", 18)]


def test_the_walk_types_into_the_fields_and_sends_the_channel_a_message(screen: Screen) -> None:
    result = walk(screen, "actions.md", ("demo@botanalytics.test", "botanalytics-demo"))

    assert {line: status for line, status in statuses(result).items() if line != 22} == dict.fromkeys(
        (5, 6, 7, 8, 12, 13, 14, 15, 19, 20, 21), "holds"
    )
    assert "started logged out, on the login page, where the steps begin" in result.notes


def test_an_action_the_check_cannot_take_is_its_own_status_not_the_documents_error(screen: Screen) -> None:
    result = walk(screen, "actions.md", ("demo@botanalytics.test", "botanalytics-demo"))

    assert statuses(result)[22] == "cannot do" and result.failures() == []


def test_a_step_on_a_tile_that_names_no_project_uses_the_walks_project(screen: Screen) -> None:
    screen.projects.open()
    expect(screen.projects.tiles.first).not_to_have_accessible_name(screen.project)  # else this proves nothing

    result = walk(screen, "object.md")

    assert [finding.message for finding in result.findings] == [
        '"Settings..." is not on this screen; the text leaves out: open the tile\'s ⋮ menu'
    ]
    assert f"walked on the project {screen.project!r} and its channel {screen.channel_name!r}" in result.notes


def test_a_how_to_that_unstars_has_its_project_starred_first(screen: Screen) -> None:
    result = walk(screen, "unstar.md")

    assert statuses(result) == {3: "holds", 4: "holds", 5: "holds"}
    assert f"arranged first, as the how-to assumes a project that is starred: starred {screen.project}" in result.notes


def test_a_claim_of_order_is_compared_on_the_screen_it_names(screen: Screen) -> None:
    result = walk(screen, "enable.md")

    assert [(finding.kind, finding.line) for finding in result.findings] == [("position", 4)]
    assert any(note.startswith("arranged first") and "disabled" in note for note in result.notes)


def test_a_walk_puts_back_what_it_changed_of_the_projects(screen: Screen) -> None:
    result = walk(screen, "star.md")

    assert f"put back afterwards: unstarred {screen.project}" in result.notes
    screen.projects.open()
    expect(screen.tile.star).to_have_attribute("aria-pressed", "false")


def test_a_way_in_the_app_does_not_offer_is_outside_it_though_its_name_is_still_compared(screen: Screen) -> None:
    result = walk(screen, "login-choice.md")

    assert set(statuses(result).values()) == {"outside app"}
    assert [(finding.kind, finding.line) for finding in result.findings if finding.kind in DIFFERENCES] == [
        ("name-differs", 3)
    ]
    assert "started logged out, on the login page, where the steps begin" in result.notes


def test_a_walk_that_started_logged_out_ends_logged_in_as_before(screen: Screen) -> None:
    walk(screen, "login-choice.md")

    expect(screen.dashboard.open().heading).to_be_visible()


@pytest.mark.parametrize("name", ["after-sign-up.md", "sign-up.md"])
def test_a_how_to_that_needs_signing_up_says_the_app_has_no_signing_up(screen: Screen, name: str) -> None:
    result = walk(screen, name)

    assert statuses(result) == {3: "outside app", 4: "outside app"}
    assert all("Signing up is not part of this mock" in finding.message for finding in result.findings)


def test_steps_after_a_thing_to_click_that_is_nowhere_are_not_reached_and_say_why(screen: Screen) -> None:
    result = walk(screen, "lost.md")

    assert statuses(result) == {3: "holds", 4: "broken", 5: "not reached", 6: "not reached"}
    assert {step.why for step in result.steps[2:]} == {"follows line 4, whose thing to click is not on screen"}


def test_a_plain_word_on_a_screen_the_app_has_not_is_not_taken_for_a_control_of_the_app(screen: Screen) -> None:
    result = walk(screen, "reset-password.md")

    assert statuses(result) == {3: "holds", 4: "outside app", 5: "outside app", 6: "outside app"}
    assert result.failures(strict=True) == []  # gaps too
