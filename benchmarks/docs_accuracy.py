"""Benchmark `docs_accuracy`: how many known differences the documentation check finds, and what else it reports.

    python -m benchmarks.docs_accuracy --docs-repo PATH [--only-product | --only-mutations]
                                       [--forms source,html,text] [--mutations-per-document 2] [--workers 2]
                                       [--seed 0]

PATH is a git mirror of the product's docs (botanalytics/docs); benchmarks/corpus/product_labels.json names
each labelled how-to, its commit, its step lines and its differences from the app (benchmarks/corpus/README.md).
1. Product how-tos, in each of --forms (default all three), one `python -m docs_check` run (-n WORKERS) a form
   against the embedded app. source: each labelled document as it was at its commit, in a scratch site root
   under its own path. html: the page the site's build made of it, from the mirror's gh-pages branch (the deploy
   "based on" its commit), under the same path with `.html`. text: that page's article as a reader copies it,
   with `.txt`. A document whose commit was never built is left out of html and text. Their reports are put
   onto the source's lines (benchmarks/relining.py) before they are scored like the source's.
2. Mutations: from each product document, N copies with one known difference injected each
   (benchmarks/mutations.py), walked in one more run, as source only.
Scoring (benchmarks/accuracy_scoring.py): a difference counts as real at confidence high or medium (not
disputed); it is found when the report has a finding of a compatible difference kind within one line of it. A
finding of a difference kind that no label (of any confidence) explains is false. A labelled step is covered
when the report's step on its line (or within one line, when none is on it) was reached, or was not reached with
a reason. For mutations only the injected differences count for recall; false findings are judged against them
and all the base labels. Also timed: reading each document (docs_check.steps.read, median of 5) and the walks'
cost per step. Writes benchmarks/results/docs_accuracy.json and docs_accuracy.md.
"""

import argparse
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
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.accuracy_scoring import Counts, Score, is_injected, is_real, score, total
from benchmarks.common import ROOT, Measurement, arguments, progress, table
from benchmarks.docs_mirror import builds, built_page, show
from benchmarks.mutations import Labels, Mutation, mutations
from benchmarks.page_text import plain_text
from benchmarks.relining import reline
from docs_check.reading import UnreadableDocument
from docs_check.steps import read

LABELS = ROOT / "benchmarks" / "corpus" / "product_labels.json"
TITLE = "The documentation check's accuracy on the product's how-tos and on mutated copies"
SHOWS = (
    "How many of the hand-labelled and the injected differences between a how-to and the app the documentation"
    " check finds, how many findings no label explains, how many labelled steps it reaches, and what walking costs."
)
READS = 5
RUN_TIMEOUT_S = 3600
HEADERS = ["", "Documents", "Real differences", "Found", "Recall", "False findings", "Per 10 documents",
           "Step coverage"]  # fmt: skip
FORMS = {"source": "Source (MDX, Markdown)", "html": "Built HTML page", "text": "Plain text"}
Copies = dict[str, str]  # a form's files in the site root, each with the source document it was made from


# Running the check


def site_path(labels: Labels, taken: set[str]) -> str:
    """The document's path in the site root; an older revision of a path already taken gets its commit in its name."""
    path = Path(labels["path"])
    name = str(path if str(path) not in taken else path.with_name(f"{path.stem}@{labels['commit'][:7]}{path.suffix}"))
    taken.add(name)
    return name


def readable(root: Path, names: Iterable[str], reads: int = 1) -> tuple[list[Path], dict[str, float]]:
    """The documents the check can read (one it cannot would end its whole run), and each one's median reading ms."""
    paths, reading_ms = [], {}
    for name in names:
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


def check(root: Path, paths: list[Path], workers: int, run: str) -> dict[str, Any]:
    """One `python -m docs_check` over the documents: its report, exit code, wall time and pytest's test time."""
    prefix, junit = root.parent / f"{run}-report", root.parent / f"{run}-junit.xml"
    # Traces and failure screenshots are pytest-playwright's, not the check's; every document fails, so they'd cost.
    output = root.parent / f"{run}-output"
    command = [sys.executable, "-m", "docs_check", *map(str, paths), "--how-to-assets", str(root),
               "--docs-report", str(prefix), "-n", str(workers), "-q", "-p", "no:randomly", "--junitxml", str(junit),
               "--output", str(output), "--tracing", "off", "--screenshot", "off"]  # fmt: skip
    progress(f"docs_accuracy: python -m docs_check over {len(paths)} documents in {root} (-n {workers}, {run})")
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


def by_path(run: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {document["path"]: document for document in run["report"]["documents"]}


def cost(run: dict[str, Any], scores: list[Score]) -> dict[str, Any]:
    walked = sum(part.walked for part in scores)
    each = round(run["tests_s"] / walked, 2) if walked else None
    return {key: run[key] for key in ("exit_code", "wall_s", "tests_s")} | {
        "steps_walked": walked, "seconds_per_walked_step": each, "steps": run["report"]["steps"],
        "findings": run["report"]["findings"],
    }  # fmt: skip


def extract(repo: Path, corpus: list[Labels], root: Path) -> dict[str, tuple[Labels, str]]:
    """Each labelled document as it was at its commit, written under `root` at its site path."""
    bases, taken = {}, set[str]()
    for labels in corpus:
        name = site_path(labels, taken)
        bases[name] = (labels, show(repo, labels["commit"], labels["path"]))
        _write(root / name, bases[name][1])
    return bases


def copies(
    repo: Path, bases: dict[str, tuple[Labels, str]], root: Path, forms: list[str]
) -> tuple[dict[str, Copies], list[str]]:
    """Each form's files, written under `root` beside the sources: the built page (`.html`) and its plain text
    (`.txt`) of each document whose commit was built; and the documents left out of those forms."""
    made: dict[str, Copies] = {form: {name: name for name in bases} if form == "source" else {} for form in forms}
    if not {"html", "text"} & made.keys():
        return made, []
    deploys, left_out, taken = builds(repo), [], set[Path]()
    for name, (labels, _) in bases.items():
        page = built_page(repo, deploys, labels["commit"], labels["path"])
        if page is None or Path(name).with_suffix("") in taken:  # not built; or an .md and an .mdx of one name
            left_out.append(name)
            continue
        taken.add(Path(name).with_suffix(""))
        for form, suffix, text in (("html", ".html", page), ("text", ".txt", plain_text(page))):
            if form in made:
                copy = str(Path(name).with_suffix(suffix))
                _write(root / copy, text)
                made[form][copy] = name
    return made, left_out


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def product_part(
    root: Path, form: str, files: Copies, bases: dict[str, tuple[Labels, str]], workers: int
) -> tuple[list[Score], dict[str, Any]]:
    """One form's walk, each document scored under its source's name and on its source's lines."""
    paths, reading_ms = readable(root, files, READS)
    run = check(root, paths, workers, f"product-{form}")
    reports, scores = by_path(run), []
    for name, source in files.items():
        labels, text = bases[source]
        report = reports.get(name)
        scores.append(score(source, labels, reline(report, text) if report and form != "source" else report, is_real))
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
            _write(root / mutated, mutation.text)
            made[mutated] = mutation.labels
            listed.append({"document": mutated, "base": name, "op": mutation.op, "line": mutation.line,
                           "kind": mutation.kind, "what": mutation.what})  # fmt: skip
    paths, _ = readable(root, made)
    run = check(root, paths, workers, "mutations")
    scores = scored(run, made, is_injected)
    return scores, cost(run, scores), listed


def scored(run: dict[str, Any], documents: dict[str, Labels], counts: Counts) -> list[Score]:
    reports = by_path(run)
    return [score(name, labels, reports.get(name), counts) for name, labels in documents.items()]


# The page


def _bullets(lines: list[str]) -> list[str]:
    return [f"- {line}" for line in lines] or ["none"]


def lists(scores: Score) -> str:
    parts = [f"**Missed differences ({len(scores.missed)})**", "", *_bullets(scores.missed), "",
             f"**False findings ({len(scores.false_findings)})**", "", *_bullets(scores.false_findings), "",
             f"**Steps not covered ({len(scores.uncovered)})**", "", *_bullets(scores.uncovered)]  # fmt: skip
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


def reading_line(walk: dict[str, Any]) -> str:
    reads = walk["reading_ms"]
    if not reads:
        return "Reading: no document could be read."
    return (
        f"Reading (docs_check.steps.read, median of {READS}): median {statistics.median(reads.values()):.1f} ms"
        f" a document, {sum(reads.values()):.0f} ms for all {len(reads)}."
    )


def forms_note(forms: dict[str, list[Score]], left_out: list[str]) -> str:
    """How the other forms were made and scored, what they leave out, and the source on the same documents."""
    note = (
        "Built HTML pages are the gh-pages deploy \"based on\" each document's commit; plain text is that page's"
        " article, one line per heading, paragraph, list item or table row. Their reports are put onto the"
        " source's lines (each step to the source line its words match best) and scored like the source's."
    )
    if left_out:
        note += f" Left out of both, as their commits were never built: {', '.join(left_out)}."
    built = {part.document for form, scores in forms.items() if form != "source" for part in scores}
    if "source" in forms and built and len(built) < len(forms["source"]):
        same = total("", [part for part in forms["source"] if part.document in built])
        recall = f"{same.found / same.real:.0%}" if same.real else "-"
        note += (
            f" On the same {same.documents} documents the source finds {same.found} of {same.real} ({recall}),"
            f" with {same.false} false findings, and covers {same.covered} of {same.steps} steps."
        )
    return note


def product_section(
    forms: dict[str, list[Score]], walks: dict[str, dict[str, Any]], left_out: list[str]
) -> tuple[dict[str, list[Score]], str]:
    """A row a form, then each form's walk and lists; the source's documents one by one."""
    totals = {form: total(FORMS[form], scores) for form, scores in forms.items()}
    body = [table(["Form", *HEADERS[1:]], [part.row() for part in totals.values()])]
    if set(forms) - {"source"}:
        body.append(forms_note(forms, left_out))
    parts: dict[str, list[Score]] = {}
    for form, scores in forms.items():
        parts[form] = [*scores, total("All product how-tos", scores)]
        head = [f"### {FORMS[form]}"]
        if form == "source":
            head.append(table(HEADERS, [part.row() for part in parts[form]]))
        else:
            head.append("Lines are the source document's.")
        body += [*head, walk_line(walks[form]), reading_line(walks[form]), lists(totals[form])]
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


def form_list(value: str) -> list[str]:
    chosen = [form.strip() for form in value.split(",") if form.strip()]
    unknown = [form for form in chosen if form not in FORMS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"forms are a comma-separated choice of {', '.join(FORMS)}")
    return [form for form in FORMS if form in chosen]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = arguments(__doc__)
    parser.add_argument("--docs-repo", type=Path, required=True, help="git mirror of botanalytics/docs")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--only-product", action="store_true", help="walk the product how-tos only")
    only.add_argument("--only-mutations", action="store_true", help="walk the mutated how-tos only")
    parser.add_argument("--forms", type=form_list, default=list(FORMS), help="product how-tos: source,html,text")
    parser.add_argument("--mutations-per-document", type=int, default=2, help="mutated copies of each (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="the check's pytest-xdist workers (default 2)")
    parser.add_argument("--seed", type=int, default=0, help="chooses the mutations (default 0)")
    args = parser.parse_args(argv)
    measurement = Measurement("docs_accuracy", TITLE, SHOWS, argv, browser=True)
    sections, rows = [], []
    details: dict[str, Any] = {"settings": {**vars(args), "docs_repo": str(args.docs_repo)}}
    with tempfile.TemporaryDirectory(prefix="docs-accuracy-") as scratch:
        product = Path(scratch) / "product"
        bases = extract(args.docs_repo, json.loads(LABELS.read_text())["documents"], product)
        if not args.only_mutations:
            files, left_out = copies(args.docs_repo, bases, product, args.forms)
            forms, walks = {}, {}
            for form in args.forms:
                forms[form], walks[form] = product_part(product, form, files[form], bases, args.workers)
            parts, section = product_section(forms, walks, left_out)
            sections.append(section)
            rows += [{"part": "product", "form": form} | asdict(part) for form in parts for part in parts[form]]
            details["product"] = walks | {"left_out": left_out}
        if not args.only_product:
            count, seed = args.mutations_per_document, args.seed
            scores, walk, listed = mutation_part(Path(scratch) / "mutations", bases, count, seed, args.workers)
            mutated, section = mutation_section(scores, walk, listed, f"## Mutations ({count} a document, seed {seed})")
            sections.append(section)
            rows += [{"part": "mutations"} | asdict(part) for part in mutated]
            details["mutations"] = walk | {"documents": listed, "scores": [asdict(part) for part in scores]}
    return measurement.publish(rows, "\n\n".join(sections), **details)


if __name__ == "__main__":
    main()
