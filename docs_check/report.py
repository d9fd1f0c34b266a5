"""The documentation check's report for CI: JSON and JUnit XML, one entry per claim, figure and gap in the how-to."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from .method import gaps, step_key, step_label
from .results import MethodResult, StepResult, claim_counts

TITLE = "How-to: regenerate an Integration channel's API key"


def _step(step: StepResult) -> dict[str, Any]:
    drift = step.drift
    return {
        "number": step.number,
        "id": step.step.id,
        "title": step.step.title,
        "how_to_figure": step.step.figure,
        "in_how_to": step.step.in_how_to,
        "gap": step.step.gap,
        "figure": step.figure,
        "drift": drift
        and {
            "figure": drift.figure,
            "new": drift.new,
            "changed": drift.changed,
            "tolerance": drift.tolerance,
            "passed": drift.passed,
            "message": drift.describe(),
        },
        "claims": [
            {
                "claim": claim.claim.says,
                "status": claim.status,
                "failure": claim.failure if claim.status == "failed" else None,
                "detail": claim.detail or None,
            }
            for claim in step.claims
        ],
    }


def as_json(results: list[MethodResult], base_url: str) -> dict[str, Any]:
    return {
        "how_to": TITLE,
        "base_url": base_url,
        "passed": not any(result.failures or result.drifted for result in results),
        "claims": claim_counts(results),
        "failures": [claim.failure for result in results for claim in result.failures],
        "drifted_figures": [drift.describe() for result in results for drift in result.drifted],
        "gaps": gaps(result.method for result in results),
        "methods": [
            {
                "method": result.method.name,
                "key": result.method.key,
                "title": result.method.title,
                "steps": [_step(step) for step in result.steps],
            }
            for result in results
        ],
    }


def _case(suite: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname=classname, name=name, time="0")


def _step_cases(suite: ET.Element, classname: str, label: str, step: StepResult) -> None:
    for claim in step.claims:
        case = _case(suite, classname, f"{label}: {claim.claim.says}")
        if claim.status == "failed":
            ET.SubElement(case, "failure", message=claim.failure).text = claim.detail
        elif claim.status == "not checked":
            ET.SubElement(case, "skipped", message="not checked: the walk stopped at an earlier step")
    if step.drift:
        case = _case(suite, classname, f"{label}: figure matches {step.drift.figure}")
        if not step.drift.passed:
            ET.SubElement(case, "failure", message=step.drift.describe())
    if step.step.gap:
        case = _case(suite, classname, f"{label}: the how-to covers this step")
        ET.SubElement(case, "skipped", message=f"gap in the how-to: {step.step.gap}")


def as_junit(results: list[MethodResult]) -> ET.Element:
    root = ET.Element("testsuites", name=TITLE)
    for result in results:
        method = result.method
        suite = ET.SubElement(root, "testsuite", name=f"{method.name}: {method.title}")
        for step in result.steps:
            classname = f"docs.{method.key}.step-{step_key(step.number, step.step)}"
            _step_cases(suite, classname, step_label(method, step.number), step)
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(case.find("failure") is not None for case in cases)))
        suite.set("skipped", str(sum(case.find("skipped") is not None for case in cases)))
        suite.set("errors", "0")
    return root


def write_report(results: list[MethodResult], prefix: Path, base_url: str) -> list[Path]:
    """Write `<prefix>.json` and `<prefix>.xml`."""
    prefix.parent.mkdir(parents=True, exist_ok=True)
    json_path, xml_path = prefix.with_name(prefix.name + ".json"), prefix.with_name(prefix.name + ".xml")
    json_path.write_text(json.dumps(as_json(results, base_url), indent=2) + "\n")
    tree = ET.ElementTree(as_junit(results))
    ET.indent(tree)
    tree.write(xml_path, encoding="utf-8", xml_declaration=True)
    return [json_path, xml_path]
