"""One summary of a run's results, built once and read by the terminal, the JSON, and the HTML pages."""

from collections.abc import Iterable
from dataclasses import dataclass

from .results import KINDS, LIMITS, STATUSES, MethodResult


@dataclass(frozen=True)
class Summary:
    documents: int
    methods: int
    steps: dict[str, int]  # by status, every status present
    findings: dict[str, int]  # by kind, every kind present
    figures: dict[str, int]  # the documents' own figures: stale, current, not judged
    failures: list[str]  # `path:line: kind: message`: differences that fail
    gaps: list[str]  # differences reported without failing
    limits: list[str]  # what the check itself could not do: never the document's error, never a failure
    drifted: list[str]  # the figures that drifted from the committed ones

    @property
    def passed(self) -> bool:
        return not self.failures and not self.drifted

    @property
    def judged(self) -> int:
        return self.figures["stale"] + self.figures["current"]

    @property
    def limited(self) -> int:
        """The steps the check's own limits kept it from checking."""
        return sum(self.steps[status] for status in set(LIMITS.values()))

    def step_line(self) -> str:
        """ "21 holds, 2 gap": the statuses that occur."""
        return ", ".join(f"{count} {status}" for status, count in self.steps.items() if count)


def summarise(results: Iterable[MethodResult], strict: bool = False) -> Summary:
    results = list(results)
    steps = [step for result in results for step in result.steps]
    findings = [(result, finding) for result in results for finding in result.findings]
    judged = [step.judged for step in steps if step.step.figures]
    return Summary(
        documents=len({result.document.path for result in results}),
        methods=len(results),
        steps={status: sum(step.status == status for step in steps) for status in STATUSES},
        findings={kind: sum(finding.kind == kind for _, finding in findings) for kind in KINDS},
        figures={
            "stale": judged.count("stale"),
            "current": judged.count("current"),
            "not judged": sum(verdict not in ("stale", "current") for verdict in judged),
        },
        failures=[result.describe(finding) for result, finding in findings if finding.fails(strict)],
        gaps=[
            result.describe(finding)
            for result, finding in findings
            if finding.is_difference and not finding.fails(strict)
        ],
        limits=[result.describe(finding) for result, finding in findings if not finding.is_difference],
        drifted=[drift.describe() for result in results for drift in result.drifted],
    )
