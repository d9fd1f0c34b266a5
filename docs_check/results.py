"""What a walk of one method found: each claim's status, each figure and its drift, and the failure message."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .figures import Drift
from .method import Claim, Method, Step

Status = Literal["passed", "failed", "not checked"]
STATUSES: tuple[Status, ...] = ("passed", "failed", "not checked")


@dataclass
class ClaimResult:
    claim: Claim
    failure: str  # the broken claim in the how-to's terms: "Method 2, step 3: ..."
    status: Status = "not checked"
    detail: str = ""


@dataclass
class StepResult:
    number: int
    step: Step
    claims: list[ClaimResult]
    figure: str | None = None
    drift: Drift | None = None


@dataclass
class MethodResult:
    method: Method
    steps: list[StepResult]

    @property
    def failures(self) -> list[ClaimResult]:
        return [claim for step in self.steps for claim in step.claims if claim.status == "failed"]

    @property
    def drifted(self) -> list[Drift]:
        return [step.drift for step in self.steps if step.drift and not step.drift.passed]


def claim_counts(results: Iterable[MethodResult]) -> dict[Status, int]:
    """How many claims passed, failed and were not checked."""
    claims = [claim for result in results for step in result.steps for claim in step.claims]
    return {status: sum(claim.status == status for claim in claims) for status in STATUSES}


class HowToBroken(AssertionError):
    """The app no longer does what the how-to says, or its figures drifted."""


def explain(result: MethodResult) -> str:
    """The failure message: each broken claim, then each drifted figure."""
    lines = [f"{claim.failure}\n    ({claim.detail})" for claim in result.failures]
    if result.drifted:
        lines.append("Figures that drifted from the committed ones (run `make docs` if the change is meant):")
        lines += [f"  {drift.describe()}" for drift in result.drifted]
    return "\n".join(lines)


def assert_holds(result: MethodResult) -> None:
    """Raise `HowToBroken` naming every broken claim and drifted figure."""
    if result.failures or result.drifted:
        raise HowToBroken(explain(result))
