"""What the walk of one method of a document found: each step's status and findings, each with its line."""

from dataclasses import dataclass, field
from typing import Literal

from ..figures.book import Drift
from ..steps import Document, Method, Step

StepStatus = Literal[
    "holds", "gap", "broken", "outside app", "cannot do", "precondition unmet", "unclear", "not reached"
]
FindingKind = Literal[
    "name-differs", "not-on-screen", "missing-step", "position", "outcome", "wording", "figure-stale",
    "outside-app", "cannot-do", "precondition-unmet", "unclear",
]  # fmt: skip
KINDS: tuple[FindingKind, ...] = (
    "name-differs", "not-on-screen", "missing-step", "position", "outcome", "wording", "figure-stale",
    "outside-app", "cannot-do", "precondition-unmet", "unclear",
)  # fmt: skip
# Where the document and the app differ, as opposed to what the check itself could not do.
DIFFERENCES: frozenset[FindingKind] = frozenset(KINDS[:7])
# Reported without failing (unless --docs-strict): the reader still gets through.
GAPS: frozenset[FindingKind] = frozenset({"name-differs", "missing-step", "figure-stale"})
# The check's own limits, never the document's error, so never a failure: a control or screen the app marks
# as not part of it, an action the check cannot take, a state the document assumes that could not be arranged,
# a sentence that asks the reader to act but that the check could not read.
LIMITS: dict[FindingKind, StepStatus] = {
    "outside-app": "outside app", "cannot-do": "cannot do", "precondition-unmet": "precondition unmet",
    "unclear": "unclear",
}  # fmt: skip
STATUSES: tuple[StepStatus, ...] = (
    "holds", "gap", "broken", "outside app", "cannot do", "precondition unmet", "unclear", "not reached",
)  # fmt: skip


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    line: int
    doc: str | None  # the document's words
    screen: str | None  # what the screen shows instead; None when nothing
    message: str

    def fails(self, strict: bool = False) -> bool:
        return self.kind in DIFFERENCES and (strict or self.kind not in GAPS)

    @property
    def is_difference(self) -> bool:
        return self.kind in DIFFERENCES


@dataclass
class StepResult:
    step: Step
    status: StepStatus = "not reached"
    findings: list[Finding] = field(default_factory=list)
    figure: str | None = None  # our screenshot of the moment the step's figure shows
    drift: Drift | None = None  # that screenshot against the committed one (the default how-to only)
    document_figure: str | None = None  # the document's own image of that moment, found under --how-to-assets
    judged: str | None = None  # "current" or "stale" once the document's figure was compared with the screen
    why: str | None = None  # for a step not reached: why not

    def settle(self) -> None:
        """The status its findings make: a failing difference first, then the check's own limits, then gaps."""
        kinds = {finding.kind for finding in self.findings}
        limits = [status for kind, status in LIMITS.items() if kind in kinds]
        if kinds & DIFFERENCES - GAPS:
            self.status = "broken"
        elif limits:
            self.status = limits[0]
        else:
            self.status = "gap" if kinds else "holds"


@dataclass
class MethodResult:
    document: Document
    method: Method
    steps: list[StepResult]
    reached_end: bool = False
    notes: list[str] = field(default_factory=list)  # what the check chose or arranged, said once for the method

    @property
    def findings(self) -> list[Finding]:
        return [finding for step in self.steps for finding in step.findings]

    def failures(self, strict: bool = False) -> list[Finding]:
        return [finding for finding in self.findings if finding.fails(strict)]

    @property
    def drifted(self) -> list[Drift]:
        return [step.drift for step in self.steps if step.drift and not step.drift.passed]

    def where(self, finding: Finding) -> str:
        """`path:line`, as editors and CI logs link it."""
        return f"{self.document.path}:{finding.line}"

    def describe(self, finding: Finding) -> str:
        return f"{self.where(finding)}: {finding.kind}: {finding.message}"


class HowToBroken(AssertionError):
    """The app no longer does what the document says, or a figure drifted."""


def explain(result: MethodResult, strict: bool = False) -> str:
    lines = [result.describe(finding) for finding in result.failures(strict)]
    unreached = [step for step in result.steps if step.status == "not reached"]
    if unreached:
        first = unreached[0]
        why = first.why or "the walk stopped before this step"
        lines.append(f"{result.document.path}:{first.step.line}: not reached: {why}")
    if result.drifted:
        lines.append("Figures that drifted from the committed ones (run `make docs` if the change is meant):")
        lines += [f"  {drift.describe()}" for drift in result.drifted]
    return "\n".join(lines)


def assert_holds(result: MethodResult, strict: bool = False) -> None:
    if result.failures(strict) or result.drifted:
        raise HowToBroken(explain(result, strict))
