"""The accuracy benchmark's scoring and mutation operators, on small made-up documents and reports (no browser)."""

import random
from typing import Any

from benchmarks.accuracy_scoring import Score, is_injected, is_real, matches, score, total
from benchmarks.docs_accuracy import site_path
from benchmarks.mutations import change_case, change_outcome, delete_step, mutations, swap_place, unknown_name

# A made-up how-to in our own words: line numbers below are its 1-based lines.
HOW_TO = """# Rotate a key

## Method 1: From the menu

- Open the project menu.
- Click on "Channels" to list them.
- Click the key button on the right side.
- A prompt shows "Cancel" and "Regenerate".

## Method 2: From the tiles

- Click the logo in the top left corner.
- Click on "Settings..." in the tile menu.
"""
STEPS = [5, 6, 7, 8, 12, 13]


def labels(*differences: dict[str, Any], **more: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": "docs/rotate.mdx", "commit": "0" * 40, "steps": list(STEPS), "not_steps": [],
                             "differences": list(differences), "outside_app": [], "cannot_do": [],
                             "doable_actions": [], "preconditions": []}  # fmt: skip
    return entry | more


def difference(line: int, kind: str, confidence: str = "high", **more: Any) -> dict[str, Any]:
    return {"line": line, "kind": kind, "note": "ours", "confidence": confidence} | more


def report(*steps: dict[str, Any]) -> dict[str, Any]:
    return {"path": "docs/rotate.mdx", "methods": [{"key": "method-1", "steps": list(steps)}]}


def step(line: int, status: str = "holds", *findings: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"line": line, "status": status, "findings": list(findings)} | more


def finding(line: int, kind: str, message: str = "the check's words") -> dict[str, Any]:
    return {"kind": kind, "line": line, "doc": None, "screen": None, "message": message}


def test_a_finding_matches_a_label_one_line_away_with_a_compatible_kind() -> None:
    label = difference(6, "name-differs")

    assert matches(label, finding(7, "not-on-screen"))
    assert not matches(label, finding(8, "name-differs"))
    assert not matches(label, finding(6, "position"))


def test_only_high_and_medium_undisputed_labels_are_real() -> None:
    assert is_real(difference(6, "outcome", "medium"))
    assert not is_real(difference(6, "outcome", "low"))
    assert not is_real(difference(6, "outcome", "high", disputed="the screen does say so"))


def test_found_missed_and_false_are_counted_per_document() -> None:
    labelled = labels(difference(6, "name-differs"), difference(8, "outcome"), difference(12, "position", "low"))
    reported = report(
        step(6, "gap", finding(6, "name-differs")),
        step(8, "broken", finding(8, "position")),  # incompatible with the outcome label: missed and false
        step(12, "broken", finding(12, "position")),  # a low label: not counted, and not false either
        step(13, "gap", finding(13, "missing-step"), finding(13, "missing-step")),  # reported twice, false once
    )

    result = score("docs/rotate.mdx", labelled, reported, is_real)

    assert (result.real, result.found, result.false) == (2, 1, 2)
    assert result.missed == ["docs/rotate.mdx:8 outcome: ours"]
    assert result.false_findings == [
        "docs/rotate.mdx:8 position: the check's words",
        "docs/rotate.mdx:13 missing-step: the check's words",
    ]


def test_the_checks_own_limits_are_not_findings() -> None:
    reported = report(step(5, "cannot do", finding(5, "cannot-do")), step(6, "unclear", finding(6, "unclear")))

    result = score("docs/rotate.mdx", labels(), reported, is_real)

    assert result.false == 0


def test_a_step_is_covered_when_reached_or_left_with_a_reason() -> None:
    reported = report(
        step(5), step(7, "outside app"), step(8, "not reached", why="an earlier step was outside the app"),
        step(12, "not reached"), step(13, "not reached", why=""),
    )  # fmt: skip

    result = score("docs/rotate.mdx", labels(), reported, is_real)

    assert (result.covered, result.steps, result.walked) == (4, 6, 2)  # 5, 6 (a line from 5 and 7), 7, 8
    assert result.uncovered == [
        "docs/rotate.mdx:12 (not reached: no reason given)",
        "docs/rotate.mdx:13 (not reached: no reason given)",
    ]


def test_an_uncovered_step_without_a_report_step_near_it_says_so() -> None:
    reported = report(step(5, "not reached", why=""), step(6, "not reached"))

    result = score("docs/rotate.mdx", labels(), reported, is_real)

    assert result.uncovered[:2] == [
        "docs/rotate.mdx:5 (not reached: no reason given)",
        "docs/rotate.mdx:6 (not reached: no reason given)",
    ]
    assert result.uncovered[2:] == [
        "docs/rotate.mdx:7 (not reached: no reason given)",  # no step of its own: the one on 6 speaks for it
        "docs/rotate.mdx:8 (no step on this line)",
        "docs/rotate.mdx:12 (no step on this line)",
        "docs/rotate.mdx:13 (no step on this line)",
    ]


def test_a_neighbour_does_not_cover_a_step_the_report_has_on_its_own_line() -> None:
    reported = report(step(7), step(8, "not reached"))

    result = score("docs/rotate.mdx", labels(), reported, is_real)

    assert result.covered == 2  # 6 (no step of its own; 7 is a line away) and 7, not 8


def test_a_document_missing_from_the_report_misses_everything() -> None:
    result = score("docs/rotate.mdx", labels(difference(6, "name-differs")), None, is_real)

    assert (result.found, result.covered, result.absent) == (0, 0, ["docs/rotate.mdx"])


def test_totals_add_up_the_documents() -> None:
    first = Score("a", real=2, found=1, false=3, uncovered=["a:5 (no step on this line)"])
    second = Score("b", real=1, found=1, steps=4, covered=2, uncovered=["b:6 (not reached: no reason given)"])
    summed = total("all", [first, second])

    assert (summed.documents, summed.real, summed.found, summed.false, summed.covered) == (2, 3, 2, 3, 2)
    assert summed.uncovered == ["a:5 (no step on this line)", "b:6 (not reached: no reason given)"]
    assert summed.row()[4:7] == ["67%", "3", "15.0"]


def test_an_older_revision_of_a_path_gets_its_commit_in_its_name() -> None:
    taken: set[str] = set()

    first = site_path(labels(commit="a" * 40), taken)
    second = site_path(labels(commit="b" * 40), taken)

    assert (first, second) == ("docs/rotate.mdx", "docs/rotate@bbbbbbb.mdx")


def test_change_case_flips_a_name_the_app_shows_and_labels_it() -> None:
    found = list(change_case(HOW_TO.splitlines(), labels(), random.Random(0)))

    channels = next(mutation for mutation in found if mutation.line == 6)
    assert channels.text.splitlines()[5] == '- Click on "channels" to list them.'
    assert channels.labels["differences"][-1] | {"note": ""} == difference(6, "name-differs", note="", injected=True)
    assert {mutation.line for mutation in found} == {6, 8, 13}  # "Channels", "Cancel"/"Regenerate", "Settings..."


def test_an_operator_leaves_lines_already_labelled_alone() -> None:
    found = list(change_case(HOW_TO.splitlines(), labels(difference(6, "wording", "low")), random.Random(0)))

    assert 6 not in {mutation.line for mutation in found}


def test_unknown_name_replaces_a_name_in_a_click_step_only() -> None:
    found = list(unknown_name(HOW_TO.splitlines(), labels(), random.Random(0)))

    assert {(mutation.line, mutation.kind) for mutation in found} == {(6, "not-on-screen"), (13, "not-on-screen")}
    assert '"Channels"' not in found[0].text.splitlines()[5]


def test_swap_place_swaps_the_side_of_a_corner() -> None:
    found = {mutation.line: mutation for mutation in swap_place(HOW_TO.splitlines(), labels(), random.Random(0))}

    assert found[12].text.splitlines()[11] == "- Click the logo in the top right corner."
    assert found[7].text.splitlines()[6] == "- Click the key button on the left side."
    assert found[12].kind == "position"


def test_change_outcome_replaces_a_name_the_reader_is_told_to_expect() -> None:
    found = list(change_outcome(HOW_TO.splitlines(), labels(), random.Random(0)))

    assert {(mutation.line, mutation.kind) for mutation in found} == {(8, "outcome")}


def test_delete_step_labels_the_next_step_and_shifts_the_lines_after() -> None:
    base = labels(difference(13, "name-differs"), preconditions=[{"line": 12, "state": "signed in"}])

    found = list(delete_step(HOW_TO.splitlines(), base, random.Random(0)))

    # Only line 6 may go: 7 is followed by what the reader sees, not a click; 12 starts its method.
    assert [mutation.line for mutation in found] == [6]
    deleted = found[0]
    assert "Channels" not in deleted.text
    assert deleted.labels["steps"] == [5, 6, 7, 11, 12]
    assert deleted.labels["preconditions"] == [{"line": 11, "state": "signed in"}]
    assert deleted.labels["differences"] == [
        difference(12, "name-differs"),
        difference(6, "missing-step", note=deleted.what, injected=True),
    ]


def test_the_same_seed_chooses_the_same_mutations_and_different_operators_first() -> None:
    first = mutations(HOW_TO, labels(), 3, "7/docs/rotate.mdx")
    again = mutations(HOW_TO, labels(), 3, "7/docs/rotate.mdx")

    assert [(m.op, m.line, m.text) for m in first] == [(m.op, m.line, m.text) for m in again]
    assert len({mutation.op for mutation in first}) == 3
    assert all(is_injected(mutation.labels["differences"][-1]) for mutation in first)


def test_operators_used_least_so_far_are_chosen_first() -> None:
    chosen = mutations(HOW_TO, labels(), 1, "7/docs/rotate.mdx", {"case": 3, "position": 3, "unknown-name": 3})

    assert chosen[0].op in {"delete-step", "outcome"}
