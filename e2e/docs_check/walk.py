"""Walk one method of the how-to through the page objects, checking every claim and taking every figure."""

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page

from pages import (
    AccountDashboard,
    ChannelSettings,
    Header,
    ProjectsDashboard,
    ProjectSettings,
    ProjectTile,
)

from .claims import Visible
from .figures import Drift, FigureBook
from .steps import Claim, Method, Step

REFERENCE = re.compile(r"^(\w+)\.(\w+)(?:\((\w*)\))?$")
Status = Literal["passed", "failed", "not checked"]


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


class HowToBroken(AssertionError):
    """The app no longer does what the how-to says, or its figures drifted."""


@dataclass
class Walk:
    """The page objects of one reader's way through the how-to, and the keys seen on it."""

    page: Page
    project: str
    channel: str
    timeout: float | None = None  # for each claim; None: the suite's own setting
    keys: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        channel = ChannelSettings(self.page, self.channel)
        self.objects: dict[str, Any] = {
            "header": Header(self.page),
            "dashboard": AccountDashboard(self.page),
            "projects": ProjectsDashboard(self.page),
            "tile": ProjectTile(self.page, self.project),
            "settings": ProjectSettings(self.page),
            "channel": channel,
            "dialog": channel.prompt,
        }

    def call(self, reference: str) -> Any:
        """Resolve `object.member` or `object.method(argument)` against the page objects."""
        match = REFERENCE.match(reference)
        if not match:
            raise ValueError(f"not a page-object reference: {reference}")
        name, member, argument = match.groups()
        value = getattr(self.objects[name], member)
        if argument is None:
            return value
        return value(getattr(self, argument)) if argument else value()

    def locate(self, target: str) -> Locator:
        return self.call(target)

    def secrets(self) -> list[Locator]:
        """The key, new on every run: figures grey it out (and the calendar, which figures.py finds itself)."""
        channel: ChannelSettings = self.objects["channel"]
        return [channel.api_key]


def _verify(walk: Walk, result: ClaimResult) -> bool:
    try:
        result.claim.check.verify(walk)
    except (AssertionError, PlaywrightError) as error:
        result.status, result.detail = "failed", _first_lines(error)
        return False
    result.status = "passed"
    return True


def walk_method(walk: Walk, method: Method, figures: FigureBook | None = None) -> MethodResult:
    """Check each step's claims in order; stop where the reader would be stuck (nothing to act on, or acting failed)."""
    results = [
        StepResult(
            number,
            step,
            [ClaimResult(claim, f"{method.name}, step {number}: {claim.broken}") for claim in step.shows + step.then],
        )
        for number, step in enumerate(method.steps, start=1)
    ]
    walk.call(method.start)
    for result in results:
        step, shown = result.step, result.claims[: len(result.step.shows)]
        verified = [_verify(walk, claim) for claim in shown]
        if any(not ok and claim.claim.check == _presence(step) for ok, claim in zip(verified, shown, strict=True)):
            break  # the element to act on is missing: the reader is stuck here
        if figures:
            result.figure, result.drift = figures.take(
                walk.page,
                method.key,
                f"{result.number:02d}-{step.id}",
                walk.locate(step.target),
                walk.secrets(),
                full_page=step.full_page,
            )
        if step.action and not _act(walk, step, result, method):
            break
        for claim in result.claims[len(step.shows) :]:
            _verify(walk, claim)
    return MethodResult(method, results)


def _presence(step: Step) -> Visible:
    return Visible(step.target)


def _first_lines(error: BaseException) -> str:
    """Playwright's message without its call log."""
    lines = str(error).strip().split("Call log:")[0].splitlines()
    return " ".join(line.strip() for line in lines if line.strip())[:300]


def _act(walk: Walk, step: Step, result: StepResult, method: Method) -> bool:
    try:
        walk.call(step.action or "")
    except PlaywrightError as error:
        doing = step.title[0].lower() + step.title[1:]
        failure = f"{method.name}, step {result.number}: could not {doing}"
        blocked = Claim(f"a reader can {doing}", failure, _presence(step))
        result.claims.append(ClaimResult(blocked, failure, "failed", _first_lines(error)))
        return False
    return True


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
