"""The documentation check's report for CI and reviewers: JSON with every document, method, step and finding,
and JUnit XML with one case per step, failing ones named `path:line`; a step the check's own limits kept it from
checking, or did not reach, is skipped, saying why."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ..steps import Document
from .results import LIMITS, MethodResult, StepResult
from .summary import Summary, summarise


def _step(step: StepResult) -> dict[str, Any]:
    drift = step.drift
    return {
        "number": step.step.number,
        "line": step.step.line,
        "text": step.step.text,
        "section": step.step.section,
        "status": step.status,
        "why": step.why,
        "findings": [
            {"kind": f.kind, "line": f.line, "doc": f.doc, "screen": f.screen, "message": f.message}
            for f in step.findings
        ],
        "figures": [
            {"caption": figure.caption, "src": figure.src, "line": figure.line} for figure in step.step.figures
        ],
        "screenshot": step.figure,
        "document_figure": step.document_figure,
        "figure": step.judged,
        "drift": drift and {"changed": drift.changed, "passed": drift.passed, "message": drift.describe()},
    }


def _documents(results: list[MethodResult]) -> list[dict[str, Any]]:
    documents: dict[str, tuple[Document, list[MethodResult]]] = {}
    for result in results:
        documents.setdefault(result.document.path, (result.document, []))[1].append(result)
    return [
        {
            "path": document.path,
            "format": document.format,
            "title": document.title,
            "methods": [
                {
                    "name": result.method.name,
                    "key": result.method.key,
                    "title": result.method.title,
                    "line": result.method.line,
                    "reached_end": result.reached_end,
                    "notes": result.notes,
                    "steps": [_step(step) for step in result.steps],
                }
                for result in sorted(methods, key=lambda result: result.method.line)
            ],
        }
        for document, methods in documents.values()
    ]


def as_json(results: list[MethodResult], base_url: str, strict: bool, summary: Summary | None = None) -> dict[str, Any]:
    summary = summary or summarise(results, strict)
    return {
        "base_url": base_url,
        "strict": strict,
        "passed": summary.passed,
        "steps": summary.steps,
        "findings": summary.findings,
        "failures": summary.failures,
        "gaps": summary.gaps,
        "limits": summary.limits,
        "drifted_figures": summary.drifted,
        "documents": _documents(results),
    }


def _skipped(step: StepResult, where: str) -> str | None:
    """Why a step was not checked, or None: a limit of the check's own, or a walk that stopped before it."""
    if step.status in LIMITS.values():
        said = "; ".join(f.message for f in step.findings if not f.is_difference) or "the check could not tell"
        return f"{where}: {step.status}: {said}"
    if step.status == "not reached":
        return f"{where}: not reached: {step.why or 'the walk stopped at an earlier step'}"
    return None


def as_junit(results: list[MethodResult], strict: bool) -> ET.Element:
    root = ET.Element("testsuites", name="documentation check")
    for result in results:
        suite = ET.SubElement(root, "testsuite", name=f"{result.document.path}: {result.method.name}")
        for step in result.steps:
            where = f"{result.document.path}:{step.step.line}"
            case = ET.SubElement(
                suite, "testcase", classname=f"docs.{result.method.key}", name=f"{where}: {step.step.text}"
            )
            failing = [f for f in step.findings if f.fails(strict)]
            skipped = _skipped(step, where)
            if failing:
                message = "; ".join(f"{where}: {f.kind}: {f.message}" for f in failing)
                ET.SubElement(case, "failure", message=message).text = message
            elif skipped:
                ET.SubElement(case, "skipped", message=skipped)
            if step.findings and not failing:
                ET.SubElement(case, "system-out").text = "; ".join(f"{f.kind}: {f.message}" for f in step.findings)
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(case.find("failure") is not None for case in cases)))
        suite.set("skipped", str(sum(case.find("skipped") is not None for case in cases)))
        suite.set("errors", "0")
    return root


def write_report(
    results: list[MethodResult], prefix: Path, base_url: str, strict: bool = False, summary: Summary | None = None
) -> list[Path]:
    """Write `<prefix>.json` and `<prefix>.xml`."""
    prefix.parent.mkdir(parents=True, exist_ok=True)
    json_path, xml_path = prefix.with_name(prefix.name + ".json"), prefix.with_name(prefix.name + ".xml")
    json_path.write_text(json.dumps(as_json(results, base_url, strict, summary), indent=2, ensure_ascii=False) + "\n")
    tree = ET.ElementTree(as_junit(results, strict))
    ET.indent(tree)
    tree.write(xml_path, encoding="utf-8", xml_declaration=True)
    return [json_path, xml_path]
