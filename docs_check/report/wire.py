"""A walk's results as plain data, so that they can cross from an xdist worker to the controller.

Only what the walk found travels (each step's status, findings and figures): the controller has read the
documents already, and rebuilds each result on its own copy. In one process nothing is serialised.
"""

from dataclasses import asdict
from typing import Any, cast

from ..figures.book import Drift
from ..steps import Document
from .results import Finding, MethodResult, StepResult, StepStatus

PROPERTY = "docs_check.result"  # the name of the test's user property that carries one method's results


def to_wire(result: MethodResult) -> dict[str, Any]:
    return {
        "path": result.document.path,
        "method": result.method.key,
        "reached_end": result.reached_end,
        "notes": result.notes,
        "steps": [
            {
                "status": step.status,
                "findings": [asdict(finding) for finding in step.findings],
                "figure": step.figure,
                "drift": asdict(step.drift) if step.drift else None,
                "document_figure": step.document_figure,
                "judged": step.judged,
                "why": step.why,
            }
            for step in result.steps
        ],
    }


def from_wire(value: object, documents: dict[str, Document]) -> MethodResult:
    """The result `to_wire` sent, on the controller's copy of its document (by path)."""
    data = cast(dict[str, Any], value)
    document = documents[data["path"]]
    method = next(method for method in document.methods if method.key == data["method"])
    steps = [
        StepResult(
            step,
            cast(StepStatus, wire["status"]),
            [Finding(**finding) for finding in wire["findings"]],
            wire["figure"],
            Drift(**wire["drift"]) if wire["drift"] else None,
            wire["document_figure"],
            wire["judged"],
            wire["why"],
        )
        for step, wire in zip(method.steps, data["steps"], strict=True)
    ]
    return MethodResult(document, method, steps, data["reached_end"], list(data["notes"]))
