"""Scoring one document's report from the documentation check against its hand labels, and adding scores up.

A difference counts as real at confidence high or medium (not disputed); it is found when the report has a
finding of a compatible difference kind within one line of it. A finding of a difference kind that no label
(of any confidence) explains is false. A labelled step is covered when the report's step on its line (or within
one line, when none is on it) was reached, or was not reached with a reason; the others are listed as uncovered.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from benchmarks.mutations import Labels
from docs_check.report.results import DIFFERENCES

# A labelled kind, and the finding kinds that count as having found it (a wrong name may be reported either way).
COMPATIBLE: dict[str, frozenset[str]] = {
    "name-differs": frozenset({"name-differs", "wording", "not-on-screen"}),
    "not-on-screen": frozenset({"not-on-screen", "name-differs"}),
    "missing-step": frozenset({"missing-step"}),
    "position": frozenset({"position"}),
    "outcome": frozenset({"outcome", "wording", "not-on-screen"}),  # what the reader should see is not there
    "wording": frozenset({"wording", "outcome", "name-differs"}),
}
REAL = frozenset({"high", "medium"})
NEAR = 1  # lines either side: a finding may sit on the sentence's first line, a label on the bullet's

Report = dict[str, Any]  # a document of the check's JSON report
Counts = Callable[[dict[str, Any]], bool]  # which labels recall is measured on


def is_real(label: dict[str, Any]) -> bool:
    return label.get("confidence") in REAL and not label.get("disputed")


def is_injected(label: dict[str, Any]) -> bool:
    return bool(label.get("injected"))


def matches(label: dict[str, Any], finding: dict[str, Any]) -> bool:
    kinds = COMPATIBLE.get(label["kind"], frozenset({label["kind"]}))
    return abs(int(finding["line"]) - int(label["line"])) <= NEAR and finding["kind"] in kinds


def report_steps(document: Report | None) -> list[dict[str, Any]]:
    return [step for method in (document or {}).get("methods", []) for step in method["steps"]]


def differences_reported(document: Report | None) -> list[dict[str, Any]]:
    """The document's findings of a difference kind, each once (a step reached twice may report it twice)."""
    seen, found = set(), []
    for step in report_steps(document):
        for finding in step["findings"]:
            key = (finding["line"], finding["kind"], finding["message"])
            if finding["kind"] in DIFFERENCES and key not in seen:
                seen.add(key)
                found.append(finding)
    return found


def steps_at(line: int, steps: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The report's steps on the line, or, when none is on it, those within a line of it."""
    steps = list(steps)
    exact = [step for step in steps if int(step["line"]) == line]
    return exact or [step for step in steps if abs(int(step["line"]) - line) <= NEAR]


def is_covered(line: int, steps: Iterable[dict[str, Any]]) -> bool:
    """Reached, or left with a reason; the report's step on the very line decides, a neighbour only when none is."""
    return any(step["status"] != "not reached" or step.get("why") for step in steps_at(line, steps))


def why_uncovered(line: int, steps: Iterable[dict[str, Any]]) -> str:
    """What the report says of an uncovered step's line: each status it gave there and why, or that it has none."""
    said = [f"{step['status']}: {step.get('why') or 'no reason given'}" for step in steps_at(line, steps)]
    return "; ".join(said) or "no step on this line"


@dataclass
class Score:
    document: str
    documents: int = 1
    real: int = 0
    found: int = 0
    false: int = 0
    steps: int = 0
    covered: int = 0
    walked: int = 0  # the report's steps that were reached
    absent: list[str] = field(default_factory=list)  # labelled documents the report does not have
    missed: list[str] = field(default_factory=list)
    false_findings: list[str] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)  # labelled steps neither reached nor given a reason

    def row(self) -> list[str]:
        recall = f"{self.found / self.real:.0%}" if self.real else "-"
        covered = f"{self.covered}/{self.steps} ({self.covered / self.steps:.0%})" if self.steps else "-"
        per_10 = f"{10 * self.false / self.documents:.1f}" if self.documents else "-"
        return [self.document, str(self.documents), str(self.real), str(self.found), recall, str(self.false), per_10,
                covered]  # fmt: skip


def score(name: str, labels: Labels, document: Report | None, counts: Counts) -> Score:
    """One document's score against its labels; `counts` picks the labels that recall is measured on."""
    result = Score(name, absent=[] if document else [name])
    findings, steps = differences_reported(document), report_steps(document)
    for label in labels["differences"]:
        if counts(label):
            result.real += 1
            if any(matches(label, finding) for finding in findings):
                result.found += 1
            else:
                result.missed.append(f"{name}:{label['line']} {label['kind']}: {label['note']}")
    for finding in findings:
        if not any(matches(label, finding) for label in labels["differences"]):
            result.false += 1
            result.false_findings.append(f"{name}:{finding['line']} {finding['kind']}: {finding['message']}")
    result.steps = len(labels["steps"])
    for line in map(int, labels["steps"]):
        if is_covered(line, steps):
            result.covered += 1
        else:
            result.uncovered.append(f"{name}:{line} ({why_uncovered(line, steps)})")
    result.walked = sum(step["status"] != "not reached" for step in steps)
    return result


def total(name: str, scores: list[Score]) -> Score:
    summed = Score(name, documents=len(scores))
    for part in scores:
        for key in ("real", "found", "false", "steps", "covered", "walked"):
            setattr(summed, key, getattr(summed, key) + getattr(part, key))
        summed.absent += part.absent
        summed.missed += part.missed
        summed.false_findings += part.false_findings
        summed.uncovered += part.uncovered
    return summed
