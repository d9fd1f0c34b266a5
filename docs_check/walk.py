"""Walk one method of the how-to through the page objects, checking every claim and taking every figure."""

from collections.abc import Callable
from dataclasses import replace

from playwright.sync_api import Error as PlaywrightError

from pages.how_to import CLICK_REGENERATE, start
from pages.screen import Screen

from .claims import Given, Visible
from .figures import FigureBook
from .method import Claim, Method, Step, figure_name, step_label
from .results import ClaimResult, MethodResult, StepResult


def walk_method(
    screen: Screen, method: Method, figures: FigureBook | None = None, timeout: float | None = None
) -> MethodResult:
    """Check each step's claims in order; stop where the reader would be stuck (nothing to act on, or acting failed).

    `timeout` bounds each claim's wait (None: the suite's own setting)."""
    results = [
        StepResult(
            number, step, [ClaimResult(claim, f"{step_label(method, number)}: {claim.broken}") for claim in step.claims]
        )
        for number, step in method.numbered()
    ]
    given = Given(timeout)
    start(screen)
    for result in results:
        step, shown = result.step, result.claims[: len(result.step.shows)]
        verified = [_verify(screen, given, claim) for claim in shown]
        if any(not ok and claim.claim.check == _presence(step) for ok, claim in zip(verified, shown, strict=True)):
            break  # the element to act on is missing: the reader is stuck here
        if figures:
            result.figure, result.drift = figures.take(
                screen.page,
                figure_name(method, result.number, step),
                step.move.target(screen),
                [screen.channel.api_key],  # new on every run; the figures find the calendar themselves
                full_page=step.full_page,
            )
        if step.move is CLICK_REGENERATE:
            given = replace(given, key_before=_shown_key(screen))
        if step.move.action and not _act(step.move.action, screen, result, method):
            break
        for claim in result.claims[len(step.shows) :]:
            _verify(screen, given, claim)
    return MethodResult(method, results)


def _verify(screen: Screen, given: Given, result: ClaimResult) -> bool:
    try:
        result.claim.check.verify(screen, given)
    except (AssertionError, PlaywrightError) as error:
        result.status, result.detail = "failed", _first_lines(error)
        return False
    result.status = "passed"
    return True


def _presence(step: Step) -> Visible:
    return Visible(step.move.target)


def _shown_key(screen: Screen) -> str | None:
    """The key the opened channel shows, or None where it shows none (a claim has said so already)."""
    try:
        return screen.channel.key()
    except PlaywrightError:
        return None


def _first_lines(error: BaseException) -> str:
    """Playwright's message without its call log."""
    lines = str(error).strip().split("Call log:")[0].splitlines()
    return " ".join(line.strip() for line in lines if line.strip())[:300]


def _act(action: Callable[[Screen], object], screen: Screen, result: StepResult, method: Method) -> bool:
    step = result.step
    try:
        action(screen)
    except PlaywrightError as error:
        doing = step.title[0].lower() + step.title[1:]
        failure = f"{step_label(method, result.number)}: could not {doing}"
        blocked = Claim(f"a reader can {doing}", failure, _presence(step))
        result.claims.append(ClaimResult(blocked, failure, "failed", _first_lines(error)))
        return False
    return True
