"""The documentation check's drift comparison and its report, without a browser: what they name when off."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from docs_check.figures.book import Drift, compare
from docs_check.report.files import as_json, write_report
from docs_check.report.results import Finding, HowToBroken, MethodResult, StepResult, assert_holds
from docs_check.report.wire import from_wire, to_wire
from docs_check.steps import read

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

    arrived = from_wire(to_wire(result), {result.document.path: result.document})

    assert as_json([arrived], "staging", False) == as_json([result], "staging", False)
