"""A walk's results as plain data, so that they can cross from an xdist worker to the controller.

The controller writes the one report of the run; the results arrive with each test's report.
Methods, steps and claims are named by position in the step data, which both sides import.
"""

from dataclasses import asdict
from typing import Any, cast

from .claims import Visible
from .figures import Drift
from .method import Claim
from .results import ClaimResult, MethodResult, Status, StepResult
from .steps import METHODS

PROPERTY = "docs_check.result"  # the name of the test's user property that carries one method's results


def to_wire(result: MethodResult) -> dict[str, Any]:
    return {
        "method": result.method.key,
        "steps": [
            {
                "figure": step.figure,
                "drift": asdict(step.drift) if step.drift else None,
                "claims": [
                    {"says": c.claim.says, "broken": c.claim.broken, "failure": c.failure, "status": c.status,
                     "detail": c.detail}
                    for c in step.claims
                ],
            }
            for step in result.steps
        ],
    }  # fmt: skip


def from_wire(value: object) -> MethodResult:
    data = cast(dict[str, Any], value)
    method = next(method for method in METHODS if method.key == data["method"])
    steps = []
    for (number, step), wire in zip(method.numbered(), data["steps"], strict=True):
        claims = []
        for index, claim in enumerate(wire["claims"]):
            # A claim beyond the step's own is the walk's "a reader can ...", added where acting failed.
            known = step.claims[index] if index < len(step.claims) else None
            said = known or Claim(claim["says"], claim["broken"], Visible(step.move.target))
            claims.append(ClaimResult(said, claim["failure"], cast(Status, claim["status"]), claim["detail"]))
        drift = Drift(**wire["drift"]) if wire["drift"] else None
        steps.append(StepResult(number, step, claims, wire["figure"], drift))
    return MethodResult(method, steps)
