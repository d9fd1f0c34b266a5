"""Benchmark `docs_accuracy`: how many known differences the documentation check finds, and what else it reports.

    python -m benchmarks.docs_accuracy --docs-repo PATH [--only-product | --only-mutations]
                                       [--mutations-per-document 2] [--workers 2] [--seed 0]

PATH is a git mirror of the product's docs (botanalytics/docs); benchmarks/corpus/product_labels.json names
each labelled how-to, its commit, its step lines and its differences from the app (benchmarks/corpus/README.md).
1. Product how-tos: each labelled document, as it was at its commit, goes into a scratch site root under its own
   path, and `python -m docs_check` walks them all in one run (-n WORKERS) against the embedded app.
2. Mutations: from each product document, N copies with one known difference injected each
   (benchmarks/mutations.py), walked in a second run.
Scoring: a difference counts as real at confidence high or medium (not disputed); it is found when the report
has a finding of a compatible difference kind within one line of it. A finding of a difference kind that no
label (of any confidence) explains is false. A labelled step is covered when the report's step on its line (or
within one line, when none is on it) was reached, or was not reached with a reason. For mutations only the
injected differences count for recall; false findings are judged against them and all the base labels.
Also timed: reading each product document (docs_check.steps.read, median of 5) and the walks' cost per step.
Writes benchmarks/results/docs_accuracy.json and docs_accuracy.md.
"""

import functools
import json
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, Measurement, arguments, progress, table
from benchmarks.mutations import Labels, Mutation, mutations
from docs_check.reading import UnreadableDocument
from docs_check.report.results import DIFFERENCES
from docs_check.steps import read

LABELS = ROOT / "benchmarks" / "corpus" / "product_labels.json"
TITLE = "The documentation check's accuracy on the product's how-tos and on mutated copies"
SHOWS = (
    "How many of the hand-labelled and the injected differences between a how-to and the app the documentation"
    " check finds, how many findings no label explains, how many labelled steps it reaches, and what walking costs."
)
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
READS = 5
RUN_TIMEOUT_S = 3600
HEADERS = ["", "Documents", "Real differences", "Found", "Recall", "False findings", "Per 10 documents",
           "Step coverage"]  # fmt: skip


def is_real(label: dict[str, Any]) -> bool:
    return label.get("confidence") in REAL and not label.get("disputed")


def is_injected(label: dict[str, Any]) -> bool:
    return bool(label.get("injected"))


def matches(label: dict[str, Any], finding: dict[str, Any]) -> bool:
    kinds = COMPATIBLE.get(label["kind"], frozenset({label["kind"]}))
    return abs(int(finding["line"]) - int(label["line"])) <= NEAR and finding["kind"] in kinds


def report_steps(document: dict[str, Any] | None) -> list[dict[str, Any]]:
    return [step for method in (document or {}).get("methods", []) for step in method["steps"]]


def differences_reported(document: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The document's findings of a difference kind, each once (a step reached twice may report it twice)."""
    seen, found = set(), []
    for step in report_steps(document):
        for finding in step["findings"]:
            key = (finding["line"], finding["kind"], finding["message"])
            if finding["kind"] in DIFFERENCES and key not in seen:
                seen.add(key)
                found.append(finding)
    return found


def is_covered(line: int, steps: Iterable[dict[str, Any]]) -> bool:
    """Reached, or left with a reason; the report's step on the very line decides, a neighbour only when none is."""
    steps = list(steps)
    exact = [step for step in steps if int(step["line"]) == line]
    near = exact or [step for step in steps if abs(int(step["line"]) - line) <= NEAR]
    return any(step["status"] != "not reached" or step.get("why") for step in near)


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

    def row(self) -> list[str]:
        recall = f"{self.found / self.real:.0%}" if self.real else "-"
        covered = f"{self.covered}/{self.steps} ({self.covered / self.steps:.0%})" if self.steps else "-"
        per_10 = f"{10 * self.false / self.documents:.1f}" if self.documents else "-"
        return [self.document, str(self.documents), str(self.real), str(self.found), recall, str(self.false), per_10,
                covered]  # fmt: skip


Report = dict[str, Any]  # a document of the check's JSON report
Counts = Callable[[dict[str, Any]], bool]  # which labels recall is measured on


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
    result.covered = sum(is_covered(int(line), steps) for line in labels["steps"])
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
    return summed


# Running the check


def show(repo: Path, labels: Labels) -> str:
    command = ["git", "-C", str(repo), "show", f"{labels['commit']}:{labels['path']}"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def site_path(labels: Labels, taken: set[str]) -> str:
    """The document's path in the site root; an older revision of a path already taken gets its commit in its name."""
    path = Path(labels["path"])
    name = str(path if str(path) not in taken else path.with_name(f"{path.stem}@{labels['commit'][:7]}{path.suffix}"))
    taken.add(name)
    return name


def readable(root: Path, documents: dict[str, Labels], reads: int = 1) -> tuple[list[Path], dict[str, float]]:
    """The documents the check can read (one it cannot would end its whole run), and each one's median reading ms."""
    paths, reading_ms = [], {}
    for name in documents:
        path = root / name
        try:
            samples = [_timed(functools.partial(read, path, name)) * 1000 for _ in range(reads)]
        except UnreadableDocument as error:
            progress(f"docs_accuracy: left out, the check cannot read it: {error}")
            continue
        paths.append(path)
        reading_ms[name] = round(statistics.median(samples), 2)
    return paths, reading_ms


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def check(root: Path, paths: list[Path], workers: int) -> dict[str, Any]:
    """One `python -m docs_check` over the documents: its report, exit code, wall time and pytest's test time."""
    prefix, junit = root.parent / f"{root.name}-report", root.parent / f"{root.name}-junit.xml"
    # Traces and failure screenshots are pytest-playwright's, not the check's; every document fails, so they'd cost.
    output = root.parent / f"{root.name}-output"
    command = [sys.executable, "-m", "docs_check", *map(str, paths), "--how-to-assets", str(root),
               "--docs-report", str(prefix), "-n", str(workers), "-q", "-p", "no:randomly", "--junitxml", str(junit),
               "--output", str(output), "--tracing", "off", "--screenshot", "off"]  # fmt: skip
    progress(f"docs_accuracy: python -m docs_check over {len(paths)} documents in {root} (-n {workers})")
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    wall = time.perf_counter() - started
    report_path = prefix.with_name(prefix.name + ".json")
    if not report_path.exists():
        said = (done.stdout + done.stderr)[-3000:]
        raise RuntimeError(f"docs_check wrote no report (exit {done.returncode}):\n{said}")
    tests_s = sum(float(case.get("time", 0)) for case in ET.parse(junit).getroot().iter("testcase"))
    report = json.loads(report_path.read_text())
    return {"report": report, "exit_code": done.returncode, "wall_s": round(wall, 1), "tests_s": round(tests_s, 1)}


def scored(run: dict[str, Any], documents: dict[str, Labels], counts: Callable[[dict[str, Any]], bool]) -> list[Score]:
    by_path = {document["path"]: document for document in run["report"]["documents"]}
    return [score(name, labels, by_path.get(name), counts) for name, labels in documents.items()]


def cost(run: dict[str, Any], scores: list[Score]) -> dict[str, Any]:
    walked = sum(part.walked for part in scores)
    each = round(run["tests_s"] / walked, 2) if walked else None
    return {key: run[key] for key in ("exit_code", "wall_s", "tests_s")} | {
        "steps_walked": walked, "seconds_per_walked_step": each, "steps": run["report"]["steps"],
        "findings": run["report"]["findings"],
    }  # fmt: skip


def product_part(root: Path, documents: dict[str, Labels], workers: int) -> tuple[list[Score], dict[str, Any]]:
    paths, reading_ms = readable(root, documents, READS)
    run = check(root, paths, workers)
    scores = scored(run, documents, is_real)
    return scores, cost(run, scores) | {"reading_ms": reading_ms}


def mutation_part(
    root: Path, bases: dict[str, tuple[Labels, str]], count: int, seed: int, workers: int
) -> tuple[list[Score], dict[str, Any], list[dict[str, Any]]]:
    made: dict[str, Labels] = {}
    listed: list[dict[str, Any]] = []
    used: Counter[str] = Counter()
    for name, (labels, text) in bases.items():
        chosen: list[Mutation] = mutations(text, labels, count, f"{seed}/{name}", used)
        used.update(mutation.op for mutation in chosen)
        for number, mutation in enumerate(chosen, 1):
            base = Path(name)
            mutated = str(base.with_name(f"{base.stem}.mut-{mutation.op}-{number}{base.suffix}"))
            (root / mutated).parent.mkdir(parents=True, exist_ok=True)
            (root / mutated).write_text(mutation.text)
            made[mutated] = mutation.labels
            listed.append({"document": mutated, "base": name, "op": mutation.op, "line": mutation.line,
                           "kind": mutation.kind, "what": mutation.what})  # fmt: skip
    paths, _ = readable(root, made)
    run = check(root, paths, workers)
    scores = scored(run, made, is_injected)
    return scores, cost(run, scores), listed


# The page


def _bullets(lines: list[str]) -> list[str]:
    return [f"- {line}" for line in lines] or ["none"]


def lists(scores: Score) -> str:
    parts = [f"**Missed differences ({len(scores.missed)})**", "", *_bullets(scores.missed), "",
             f"**False findings ({len(scores.false_findings)})**", "", *_bullets(scores.false_findings)]  # fmt: skip
    if scores.absent:
        parts += ["", "**Not in the report** (unreadable, or the run lost them)", "", *_bullets(scores.absent)]
    return "\n".join(parts)


def walk_line(walk: dict[str, Any]) -> str:
    return (
        f"The check's walk: {walk['steps_walked']} steps walked, {walk['tests_s']:.0f} s of pytest test time"
        f" ({walk['seconds_per_walked_step']} s per walked step); the run took {walk['wall_s']:.0f} s wall"
        f" (exit {walk['exit_code']}: documents with failures are expected). Step statuses: "
        + ", ".join(f"{count} {status}" for status, count in walk["steps"].items() if count)
        + "."
    )


def extract(repo: Path, corpus: list[Labels], root: Path) -> dict[str, tuple[Labels, str]]:
    """Each labelled document as it was at its commit, written under `root` at its site path."""
    bases, taken = {}, set[str]()
    for labels in corpus:
        name = site_path(labels, taken)
        bases[name] = (labels, show(repo, labels))
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(bases[name][1])
    return bases


def product_section(scores: list[Score], walk: dict[str, Any]) -> tuple[list[Score], str]:
    parts, reads = [*scores, total("All product how-tos", scores)], walk["reading_ms"]
    reading = (
        f"Reading (docs_check.steps.read, median of {READS}): median {statistics.median(reads.values()):.1f} ms"
        f" a document, {sum(reads.values()):.0f} ms for all {len(reads)}."
    )
    body = [table(HEADERS, [part.row() for part in parts]), walk_line(walk), reading, lists(parts[-1])]
    return parts, "\n\n".join(["## Product how-tos", *body])


def mutation_section(
    scores: list[Score], walk: dict[str, Any], listed: list[dict[str, Any]], title: str
) -> tuple[list[Score], str]:
    ops = {entry["document"]: entry["op"] for entry in listed}
    parts = [total(op, [part for part in scores if ops[part.document] == op]) for op in sorted({*ops.values()})]
    parts.append(total("All mutations", scores))
    rule = "Recall counts the injected difference only; false findings are judged against it and the base labels."
    body = [rule, table(["Operator", *HEADERS[1:]], [part.row() for part in parts]), walk_line(walk), lists(parts[-1])]
    return parts, "\n\n".join([title, *body])


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = arguments(__doc__)
    parser.add_argument("--docs-repo", type=Path, required=True, help="git mirror of botanalytics/docs")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--only-product", action="store_true", help="walk the product how-tos only")
    only.add_argument("--only-mutations", action="store_true", help="walk the mutated how-tos only")
    parser.add_argument("--mutations-per-document", type=int, default=2, help="mutated copies of each (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="the check's pytest-xdist workers (default 2)")
    parser.add_argument("--seed", type=int, default=0, help="chooses the mutations (default 0)")
    args = parser.parse_args(argv)
    measurement = Measurement("docs_accuracy", TITLE, SHOWS, argv, browser=True)
    sections, rows = [], []
    details: dict[str, Any] = {"settings": {**vars(args), "docs_repo": str(args.docs_repo)}}
    with tempfile.TemporaryDirectory(prefix="docs-accuracy-") as scratch:
        bases = extract(args.docs_repo, json.loads(LABELS.read_text())["documents"], Path(scratch) / "product")
        if not args.only_mutations:
            labelled = {name: labels for name, (labels, _) in bases.items()}
            scores, walk = product_part(Path(scratch) / "product", labelled, args.workers)
            parts, section = product_section(scores, walk)
            sections.append(section)
            rows += [{"part": "product"} | asdict(part) for part in parts]
            details["product"] = walk
        if not args.only_product:
            count, seed = args.mutations_per_document, args.seed
            scores, walk, listed = mutation_part(Path(scratch) / "mutations", bases, count, seed, args.workers)
            parts, section = mutation_section(scores, walk, listed, f"## Mutations ({count} a document, seed {seed})")
            sections.append(section)
            rows += [{"part": "mutations"} | asdict(part) for part in parts]
            details["mutations"] = walk | {"documents": listed, "scores": [asdict(part) for part in scores]}
    return measurement.publish(rows, "\n\n".join(sections), **details)


if __name__ == "__main__":
    main()
