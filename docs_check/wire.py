"""A walk's results as plain data, so that they can cross from an xdist worker to the controller.

The controller writes the one report of the run. It reads each document again (reading is fast and
gives the same steps), so only what the walk found travels: each step's status, findings and figure.
"""

from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any, cast

from .figures import Drift
from .reading import Document, read
from .results import Finding, MethodResult, StepResult, StepStatus

PROPERTY = "docs_check.result"  # the name of the test's user property that carries one method's results


def to_wire(result: MethodResult) -> dict[str, Any]:
    return {
        "path": result.document.path,
        "method": result.method.key,
        "reached_end": result.reached_end,
        "steps": [
            {
                "status": step.status,
                "findings": [asdict(finding) for finding in step.findings],
                "figure": step.figure,
                "drift": asdict(step.drift) if step.drift else None,
                "document_figure": step.document_figure,
                "judged": step.judged,
            }
            for step in result.steps
        ],
    }


@cache
def _document(path: str) -> Document:
    return read(Path(path))


def from_wire(value: object) -> MethodResult:
    data = cast(dict[str, Any], value)
    document = _document(data["path"])
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
        )
        for step, wire in zip(method.steps, data["steps"], strict=True)
    ]
    return MethodResult(document, method, steps, data["reached_end"])
