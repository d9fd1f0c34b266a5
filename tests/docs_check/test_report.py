"""The documentation check's drift comparison and its report, without a browser: what they name when off, and
the check's own limits kept apart from the document's errors."""

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from docs_check.figures.book import Drift, compare
from docs_check.figures.naming import figure_folder
from docs_check.plugin import RESULTS, SUMMARY, case_id, pytest_terminal_summary
from docs_check.report.files import as_json, write_report
from docs_check.report.results import Finding, HowToBroken, MethodResult, StepResult, assert_holds
from docs_check.report.summary import summarise
from docs_check.report.wire import from_wire, to_wire
from docs_check.steps import Document, read

DEFAULT_HOW_TO = Path(__file__).resolve().parents[2] / "docs" / "regenerate-api-key.md"  # the project's own

pytestmark = pytest.mark.docs


def _figure(path: Path, size: tuple[int, int] = (100, 100), changed: int = 0) -> Path:
    """A white figure with a black square of `changed` pixels a side in its corner."""
    image = Image.new("RGB", size, "white")
    if changed:
        ImageDraw.Draw(image).rectangle((0, 0, changed - 1, changed - 1), fill="black")
    image.save(path)
    return path


def test_an_unchanged_figure_has_not_drifted(tmp_path: Path) -> None:
    drift = compare(_figure(tmp_path / "old.png"), _figure(tmp_path / "new.png"), 0.005, tmp_path / "diff.png")

    assert drift.passed and drift.changed == 0
    assert not (tmp_path / "diff.png").exists()


def test_a_change_beyond_the_tolerance_names_the_figure_and_its_size(tmp_path: Path) -> None:
    old = _figure(tmp_path / "01-click-logo.png")

    drift = compare(old, _figure(tmp_path / "new.png", changed=10), 0.005, tmp_path / "diff.png")

    assert not drift.passed
    assert drift.changed == pytest.approx(0.01)
    assert "01-click-logo.png: 1.00% of pixels differ (tolerance 0.50%)" in drift.describe()
    assert (tmp_path / "diff.png").exists()


def test_a_scattered_change_within_the_tolerance_passes(tmp_path: Path) -> None:
    new = Image.new("RGB", (100, 100), "white")
    for step in range(6):  # a 2x2 dot every 16 px along the diagonal: nowhere crowded
        corner = 4 + 16 * step
        ImageDraw.Draw(new).rectangle((corner, corner, corner + 1, corner + 1), fill="black")
    new.save(tmp_path / "new.png")

    drift = compare(_figure(tmp_path / "old.png"), tmp_path / "new.png", 0.005, tmp_path / "d.png")

    assert drift.passed and drift.changed == pytest.approx(0.0024)


def test_a_resized_or_missing_figure_is_reported_not_compared(tmp_path: Path) -> None:
    new = _figure(tmp_path / "new.png")

    resized = compare(_figure(tmp_path / "old.png", size=(100, 90)), new, 0.005, tmp_path / "d.png")
    missing = compare(tmp_path / "absent.png", new, 0.005, tmp_path / "d.png")

    assert not resized.passed and "size changed from (100, 90) to (100, 100)" in resized.describe()
    assert not missing.passed and "make docs" in missing.describe()


def _walked(*findings: tuple[int, Finding], stuck_at: int | None = None) -> MethodResult:
    """Method 2 of the project's how-to as a walk might have found it: findings on the given steps, and the
    steps from `stuck_at` on not reached."""
    document = read(DEFAULT_HOW_TO)
    method = document.methods[1]
    steps = [StepResult(step) for step in method.steps]
    for number, finding in findings:
        steps[number - 1].findings.append(finding)
    for step in steps[: (stuck_at - 1) if stuck_at else len(steps)]:
        step.settle()
    return MethodResult(document, method, steps, reached_end=stuck_at is None)


def _finding(kind: str, number: int, doc: str = "word", screen: str | None = None) -> tuple[int, Finding]:
    line = read(DEFAULT_HOW_TO).methods[1].steps[number - 1].line
    return number, Finding(kind, line, doc, screen, f"{kind} here")  # type: ignore[arg-type]


def test_each_step_has_its_line_text_status_and_findings_in_the_report(tmp_path: Path) -> None:
    result = _walked(_finding("name-differs", 4, "Settings", "Settings..."), _finding("position", 3), stuck_at=5)

    json_path, _ = write_report([result], tmp_path / "docs-report", "staging")

    report = json.loads(json_path.read_text())
    (document,) = report["documents"]
    assert (document["path"], document["format"]) == (str(DEFAULT_HOW_TO), "markdown")
    (method,) = document["methods"]
    assert (method["name"], method["reached_end"]) == ("Method 2", False)
    steps = method["steps"]
    assert [step["status"] for step in steps[:6]] == ["holds", "holds", "broken", "gap", "not reached", "not reached"]
    assert steps[3]["findings"] == [
        {
            "kind": "name-differs",
            "line": steps[3]["line"],
            "doc": "Settings",
            "screen": "Settings...",
            "message": "name-differs here",
        }
    ]
    assert {"number", "line", "text", "status", "findings"} <= set(steps[0])
    assert report["passed"] is False and report["base_url"] == "staging"
    assert report["findings"]["position"] == 1 and report["steps"]["not reached"] == len(steps) - 4


def test_gaps_are_reported_without_failing_unless_strict() -> None:
    result = _walked(_finding("name-differs", 4), _finding("missing-step", 5))

    assert_holds(result)
    with pytest.raises(HowToBroken, match=r"regenerate-api-key.md:\d+: missing-step: missing-step here"):
        assert_holds(result, strict=True)


def test_the_junit_file_names_path_and_line_of_every_failing_step(tmp_path: Path) -> None:
    result = _walked(_finding("outcome", 8), _finding("name-differs", 4))

    _, xml_path = write_report([result], tmp_path / "docs-report", "staging")

    failures = [failure.get("message") for failure in ET.parse(xml_path).getroot().iter("failure")]
    line = result.steps[7].step.line
    assert failures == [f"{DEFAULT_HOW_TO}:{line}: outcome: outcome here"]


def test_results_from_an_xdist_worker_make_the_same_report_as_results_found_here() -> None:
    result = _walked(_finding("not-on-screen", 6, "Connections"), stuck_at=7)
    result.steps[0].figure = "test-results/docs-figures/method-2/01-logo.png"
    result.steps[0].drift = Drift("docs/figures/method-2/01-logo.png", "new.png", 0.02, 0.005, diff="d.png")
    result.steps[6].why = "step 6 is broken"
    result.notes.append("walked on project Demo Project")

    arrived = from_wire(to_wire(result), {result.document.path: result.document})

    assert (arrived.notes, arrived.steps[6].why) == (["walked on project Demo Project"], "step 6 is broken")
    assert as_json([arrived], "staging", False) == as_json([result], "staging", False)


def _limited() -> MethodResult:
    """A gap at step 4, a failure at 3, the check's own limit at 2, and a stop before 6, with a note and a why."""
    result = _walked(_finding("outside-app", 2), _finding("position", 3), _finding("name-differs", 4), stuck_at=6)
    result.notes.append("starred the project first, as the how-to assumes")
    for step in result.steps[5:]:
        step.why = "step 5 could not be found"
    return result


def test_the_json_carries_each_steps_why_each_methods_notes_and_the_limits_apart(tmp_path: Path) -> None:
    json_path, _ = write_report([_limited()], tmp_path / "docs-report", "staging")

    report = json.loads(json_path.read_text())

    (method,) = report["documents"][0]["methods"]
    assert method["notes"] == ["starred the project first, as the how-to assumes"]
    assert [step["why"] for step in method["steps"][4:7]] == [None] + ["step 5 could not be found"] * 2
    assert method["steps"][1]["status"] == "outside app"
    assert [line.split(": ", 1)[1] for line in report["limits"]] == ["outside-app: outside-app here"]
    assert [line.split(": ", 1)[1] for line in report["gaps"]] == ["name-differs: name-differs here"]
    assert [line.split(": ", 1)[1] for line in report["failures"]] == ["position: position here"]


def test_the_junit_file_skips_a_step_the_check_could_not_do_and_says_why_one_was_not_reached(tmp_path: Path) -> None:
    result = _limited()

    _, xml_path = write_report([result], tmp_path / "docs-report", "staging")

    skipped = [element.get("message") for element in ET.parse(xml_path).getroot().iter("skipped")]
    failures = [element.get("message") for element in ET.parse(xml_path).getroot().iter("failure")]
    where = f"{DEFAULT_HOW_TO}:{result.steps[1].step.line}"
    assert skipped[0] == f"{where}: outside app: outside-app here"
    assert skipped[1:] == [
        f"{DEFAULT_HOW_TO}:{step.step.line}: not reached: step 5 could not be found" for step in result.steps[5:]
    ]
    assert len(failures) == 1 and "outside" not in str(failures[0])


def test_the_summary_keeps_limits_apart_from_failures_and_gaps_and_counts_every_status() -> None:
    result = _limited()

    summary = summarise([result])

    assert summary.passed is False and len(summary.failures) == len(summary.gaps) == len(summary.limits) == 1
    assert summary.limits[0].endswith("outside-app: outside-app here") and summary.limited == 1
    assert summary.steps["outside app"] == 1 and summary.steps["cannot do"] == 0
    assert sum(summary.steps.values()) == len(result.steps)


def test_a_limit_alone_fails_nothing() -> None:
    result = _walked(_finding("cannot-do", 2), _finding("unclear", 3))

    assert_holds(result, strict=True)
    assert summarise([result], strict=True).passed


class _Terminal:
    """What the terminal summary wrote, with its colours."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, dict[str, Any]]] = []

    def section(self, title: str) -> None:
        self.lines.append((f"== {title}", {}))

    def write_line(self, line: str, **markup: Any) -> None:
        self.lines.append((line, markup))


class _Config:
    def __init__(self) -> None:
        self.stash = pytest.Stash()

    def getoption(self, name: str) -> None:
        return None


def test_the_terminal_summary_prints_the_checks_limits_apart_and_in_a_plain_colour() -> None:
    result, terminal, config = _limited(), _Terminal(), _Config()
    config.stash[RESULTS], config.stash[SUMMARY] = [result], summarise([result])

    pytest_terminal_summary(terminal, config)  # type: ignore[arg-type]

    lines = [line for line, _ in terminal.lines]
    header = lines.index("the check's own limits (not the document's errors):")
    failure, gap, limit = (next(i for i, line in enumerate(lines) if said in line) for said in (
        "position here", "name-differs here", "outside-app here"
    ))  # fmt: skip
    assert failure < gap < header < limit
    assert terminal.lines[failure][1] == {"red": True} and terminal.lines[gap][1] == {"yellow": True}
    assert terminal.lines[limit][1] == {} and terminal.lines[header][1] == {}


def _named(path: str) -> Document:
    return replace(read(DEFAULT_HOW_TO), path=path)


def test_two_documents_of_one_name_in_different_folders_get_their_own_folder_and_test_ids() -> None:
    channels, integration = _named("channels/add.mdx"), _named("integration-channels/add.mdx")

    folders = figure_folder(channels), figure_folder(integration)
    ids = case_id(channels, channels.methods[0]), case_id(integration, integration.methods[0])

    assert folders == ("channels-add-mdx", "integration-channels-add-mdx")
    assert ids == ("channels/add.mdx-method-1", "integration-channels/add.mdx-method-1")


def test_a_long_path_gets_a_short_stable_folder_that_keeps_the_files_name() -> None:
    deep = "docs/get-started/how-tos/integrations/channels/messaging/whatsapp/business/add.mdx"

    folder = figure_folder(_named(deep))

    assert len(folder) <= 60 and "business-add-mdx" in folder and folder == figure_folder(_named(deep))
    assert folder.split("-")[0] in re.split(r"\W+", deep)  # it starts with a whole word of the path
    assert folder != figure_folder(_named(deep.replace("get-started", "get-going")))
