"""What the walk of one method of a document found: each step's status and findings, each with its line."""

from dataclasses import dataclass, field
from typing import Literal

from ..figures.book import Drift
from ..steps import Document, Method, Step

FindingKind = Literal[
    "name-differs", "not-on-screen", "missing-step", "position", "outcome", "unclear", "figure-stale"
]  # fmt: skip
KINDS: tuple[FindingKind, ...] = (
    "name-differs", "not-on-screen", "missing-step", "position", "outcome", "unclear", "figure-stale"
)  # fmt: skip
# Reported without failing (unless --docs-strict): the reader still gets through.
GAPS: frozenset[FindingKind] = frozenset({"name-differs", "missing-step", "figure-stale"})
StepStatus = Literal["holds", "gap", "broken", "unclear", "not reached"]
STATUSES: tuple[StepStatus, ...] = ("holds", "gap", "broken", "unclear", "not reached")


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    line: int
    doc: str | None  # the document's words
    screen: str | None  # what the screen shows instead; None when nothing
    message: str

    def fails(self, strict: bool = False) -> bool:
        return strict or self.kind not in GAPS


@dataclass
class StepResult:
    step: Step
    status: StepStatus = "not reached"
    findings: list[Finding] = field(default_factory=list)
    figure: str | None = None  # our screenshot of the moment the step's figure shows
    drift: Drift | None = None  # that screenshot against the committed one (the default how-to only)
    document_figure: str | None = None  # the document's own image of that moment, found under --how-to-assets
    judged: str | None = None  # "current" or "stale" once the document's figure was compared with the screen

    def settle(self) -> None:
        """The status its findings make."""
        kinds = {finding.kind for finding in self.findings}
        if "unclear" in kinds:
            self.status = "unclear"
        elif kinds - GAPS:
            self.status = "broken"
        else:
            self.status = "gap" if kinds else "holds"


@dataclass
class MethodResult:
    document: Document
    method: Method
    steps: list[StepResult]
    reached_end: bool = False

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
    unreached = [step.step for step in result.steps if step.status == "not reached"]
    if unreached:
        first = unreached[0]
        lines.append(f"{result.document.path}:{first.line}: not reached: the walk stopped before this step")
    if result.drifted:
        lines.append("Figures that drifted from the committed ones (run `make docs` if the change is meant):")
        lines += [f"  {drift.describe()}" for drift in result.drifted]
    return "\n".join(lines)


def assert_holds(result: MethodResult, strict: bool = False) -> None:
    if result.failures(strict) or result.drifted:
        raise HowToBroken(explain(result, strict))
