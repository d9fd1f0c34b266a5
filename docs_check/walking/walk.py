"""Walk one method of a document in the browser as its reader would, from where the reader starts.

The method starts where its reader would: logged in on the account dashboard, or logged out on the login
page when its steps begin there (they say so, or type into its fields). A how-to that signs up, or starts
right after signing up, needs a new account, which the check does not make: its steps say so. A state the
how-to assumes of its project (a starred project to unstar, a disabled one to enable) is arranged first
through the app, and said; whatever the walk or the arranging changed of the project's star and disabled
state, and which project is active, is put back afterwards, so that a walk leaves the app's projects as it
found them (a regenerated key cannot be), and a walk that started logged out ends logged in as before.
"""

from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

from pages.screen import Screen

from ..figures.book import FigureBook
from ..report.results import Finding, FindingKind, MethodResult, StepResult
from ..steps import Document, Method
from . import product
from .walker import Walker, first_line


def walk_method(
    screen: Screen,
    document: Document,
    method: Method,
    figures: FigureBook | None = None,
    timeout: float | None = None,
    assets: Path | None = None,
    account: tuple[str, str] = ("", ""),
) -> MethodResult:
    """`timeout` bounds each wait for something the text says will follow (None: Playwright's own setting).
    With `figures`, each step that has a figure gets a screenshot; with `assets` too (the docs site's root),
    the document's own figure is found there and, where an OCR engine is installed, judged current or stale.
    `account` is what the walk types into the login's fields."""
    result = MethodResult(document, method, [StepResult(step) for step in method.steps])
    result.notes.append(f"walked on the project {screen.project!r} and its channel {screen.channel_name!r}")
    first = method.steps[0].text if method.steps else ""
    if product.needs_sign_up(f"{document.title} {method.title}", first):
        return _new_account(screen, result)
    wanted = product.assumed(f"{document.title} {method.title}")
    before = product.project_state(screen)
    if wanted and not _arranged(screen, wanted, result):
        return result
    typed = [name.text for step in method.steps if step.instruction.kind == "type" for name in step.instruction.names]
    logged_out = product.on_login_page(typed, first)
    kept = product.cookies(screen) if logged_out else None
    if logged_out:
        result.notes.append("started logged out, on the login page, where the steps begin")
    product.start(screen, logged_out)
    walker = Walker(screen, document, method, figures, timeout, assets, account)
    for step in result.steps:
        walker.take(step)
        if walker.stuck:
            break
    walker.finish()
    result.reached_end = not walker.stuck
    for step in result.steps:
        if step.status == "not reached" and not step.why:  # a lost step has its own why already
            step.why = walker.stuck_at
    if kept is not None:
        product.resume(screen, kept)  # logged in as before, however far the steps got
    _put_back(screen, before, result)
    return result


def _new_account(screen: Screen, result: MethodResult) -> MethodResult:
    """A how-to that signs up, or starts right after signing up, needs a new account, which the check does not
    make: every step says so, with the app's own reason where it has no signing up at all."""
    outside = product.why_no_sign_up(screen)
    kind: FindingKind = "outside-app" if outside else "precondition-unmet"
    why = (
        f"the how-to needs signing up; not part of the app being checked: {outside}"
        if outside
        else "the how-to needs signing up a new account, which the check does not do"
    )
    for step in result.steps:
        step.findings.append(Finding(kind, step.step.line, None, None, why))
        step.settle()
    return result


def _arranged(screen: Screen, wanted: dict[str, bool], result: MethodResult) -> bool:
    """Arrange the state the how-to assumes; where that fails, every step says so."""
    try:
        done = product.arrange(screen, wanted)
    except (PlaywrightError, AssertionError) as error:
        why = f"the how-to assumes {_state(wanted)}, which the check could not arrange: {first_line(error)}"
        for step in result.steps:
            step.findings.append(Finding("precondition-unmet", step.step.line, None, None, why))
            step.settle()
        return False
    if done:
        result.notes.append(f"arranged first, as the how-to assumes {_state(wanted)}: {', '.join(done)}")
    return True


def _put_back(screen: Screen, before: product.ProjectState, result: MethodResult) -> None:
    try:
        done = product.restore(screen, before)
    except (PlaywrightError, AssertionError) as error:
        result.notes.append(f"could not put the project back as it was: {first_line(error)}")
        return
    if done:
        result.notes.append(f"put back afterwards: {', '.join(done)}")


def _state(wanted: dict[str, bool]) -> str:
    words = {("starred", True): "starred", ("starred", False): "not starred", ("disabled", True): "disabled",
             ("disabled", False): "enabled"}  # fmt: skip
    return "a project that is " + " and ".join(words[item] for item in wanted.items())
