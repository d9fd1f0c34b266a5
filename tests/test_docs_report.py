"""The documentation check's drift comparison and CI report, without a browser: what they name when something is off."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from docs_check.figures import Drift, compare
from docs_check.method import step_label
from docs_check.report import as_json, write_report
from docs_check.results import ClaimResult, MethodResult, StepResult
from docs_check.steps import METHOD_2
from docs_check.wire import from_wire, to_wire

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


def _method_2_with_a_failed_menu_claim() -> MethodResult:
    steps = []
    for number, step in METHOD_2.numbered():
        label = step_label(METHOD_2, number)
        claims = [ClaimResult(claim, f"{label}: {claim.broken}", "passed") for claim in step.claims]
        steps.append(StepResult(number, step, claims))
    menu_claim = steps[2].claims[-1]
    menu_claim.status, menu_claim.detail = "failed", "Locator expected to be visible"
    return MethodResult(METHOD_2, steps)


def test_the_report_names_the_failed_claim_in_the_how_tos_terms(tmp_path: Path) -> None:
    result = _method_2_with_a_failed_menu_claim()

    json_path, xml_path = write_report([result], tmp_path / "docs-report", "staging")

    report = json.loads(json_path.read_text())
    assert report["failures"] == ["Method 2, step 3: the project tile's menu has no 'Settings...' item"]
    assert report["passed"] is False and report["base_url"] == "staging"
    assert [gap.split(":")[0] for gap in report["gaps"]] == [
        "Method 2, step 2",
        "Method 2, step 3",
        "Method 2, step 4",
        "Method 2, step 6",
    ]
    junit = ET.parse(xml_path).getroot()
    assert [failure.get("message") for failure in junit.iter("failure")] == report["failures"]
    gaps = [skip.get("message") for skip in junit.iter("skipped") if skip.get("message", "").startswith("gap")]
    assert gaps == [f"gap in the how-to: {gap.split(': ', 1)[1]}" for gap in report["gaps"]]


def test_results_from_an_xdist_worker_make_the_same_report_as_results_found_here() -> None:
    result = _method_2_with_a_failed_menu_claim()
    result.steps[0].figure = "test-results/docs-figures/method-2/01-click-logo.png"
    result.steps[0].drift = Drift("docs/figures/method-2/01-click-logo.png", "new.png", 0.02, 0.005, diff="d.png")
    stuck = result.steps[3]  # a walk that could not act adds a claim of its own to the step
    stuck.claims.append(ClaimResult(stuck.claims[0].claim, "Method 2, step 4: could not choose Settings...", "failed"))

    arrived = from_wire(to_wire(result))

    assert as_json([arrived], "staging") == as_json([result], "staging")
