"""The documentation check's report for CI and reviewers: JSON with every document, method, step and finding,
and JUnit XML with one case per step, failing ones named `path:line`."""

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .reading import Document
from .results import KINDS, STATUSES, MethodResult, StepResult


def counts(results: Iterable[MethodResult]) -> dict[str, dict[str, int]]:
    results = list(results)
    steps = [step for result in results for step in result.steps]
    findings = [finding for result in results for finding in result.findings]
    return {
        "steps": {status: sum(step.status == status for step in steps) for status in STATUSES},
        "findings": {kind: sum(finding.kind == kind for finding in findings) for kind in KINDS},
    }


def _step(step: StepResult) -> dict[str, Any]:
    drift = step.drift
    return {
        "number": step.step.number,
        "line": step.step.line,
        "text": step.step.text,
        "section": step.step.section,
        "status": step.status,
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
                    "steps": [_step(step) for step in result.steps],
                }
                for result in sorted(methods, key=lambda result: result.method.line)
            ],
        }
        for document, methods in documents.values()
    ]


def as_json(results: list[MethodResult], base_url: str, strict: bool) -> dict[str, Any]:
    return {
        "base_url": base_url,
        "strict": strict,
        "passed": not any(result.failures(strict) or result.drifted for result in results),
        **counts(results),
        "failures": [result.describe(f) for result in results for f in result.failures(strict)],
        "gaps": [result.describe(f) for result in results for f in result.findings if not f.fails(strict)],
        "drifted_figures": [drift.describe() for result in results for drift in result.drifted],
        "documents": _documents(results),
    }


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
            if failing:
                message = "; ".join(f"{where}: {f.kind}: {f.message}" for f in failing)
                ET.SubElement(case, "failure", message=message).text = message
            elif step.status == "not reached":
                ET.SubElement(case, "skipped", message=f"{where}: not reached: the walk stopped at an earlier step")
            elif step.findings:
                ET.SubElement(case, "system-out").text = "; ".join(f"{f.kind}: {f.message}" for f in step.findings)
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(case.find("failure") is not None for case in cases)))
        suite.set("skipped", str(sum(case.find("skipped") is not None for case in cases)))
        suite.set("errors", "0")
    return root


def write_report(results: list[MethodResult], prefix: Path, base_url: str, strict: bool = False) -> list[Path]:
    """Write `<prefix>.json` and `<prefix>.xml`."""
    prefix.parent.mkdir(parents=True, exist_ok=True)
    json_path, xml_path = prefix.with_name(prefix.name + ".json"), prefix.with_name(prefix.name + ".xml")
    json_path.write_text(json.dumps(as_json(results, base_url, strict), indent=2, ensure_ascii=False) + "\n")
    tree = ET.ElementTree(as_junit(results, strict))
    ET.indent(tree)
    tree.write(xml_path, encoding="utf-8", xml_declaration=True)
    return [json_path, xml_path]
