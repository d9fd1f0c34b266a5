"""Walk one method of a document in the browser as its reader would, and note where the text and the screen part.

Each step is taken as the text gives it: the place it speaks of must be on screen, the words it names are
looked up among what the screen shows, the thing is clicked, and what the text says happens is checked.
A finding the reader could get past (a word written differently, a step left out, a wrong place, an
outcome that does not come) does not end the walk; a thing to click that is nowhere does, and the steps
after it are not reached.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, expect

from pages.screen import Screen

from ..figures.book import FigureBook
from ..figures.naming import figure_name
from ..figures.step import take_step_figures
from ..report.results import Finding, FindingKind, MethodResult, StepResult
from ..steps import Document, Instruction, Method, Name, Outcome, Step
from ..steps.nouns import BY_KEY, Noun
from . import product
from .checks import misplaced, question_misses
from .detour import Found, find_detour
from .screen_names import find, nearest, shown_in


def start(screen: Screen) -> None:
    """Every method starts where a logged-in reader lands: the account dashboard."""
    screen.dashboard.open()


def walk_method(
    screen: Screen,
    document: Document,
    method: Method,
    figures: FigureBook | None = None,
    timeout: float | None = None,
    assets: Path | None = None,
) -> MethodResult:
    """`timeout` bounds each wait for something the text says will be there (None: the suite's setting).
    With `figures`, each step that has a figure gets a screenshot; with `assets` too (the docs site's root),
    the document's own figure is found there and, where an OCR engine is installed, judged current or stale."""
    result = MethodResult(document, method, [StepResult(step) for step in method.steps])
    walker = Walker(screen, document, method, figures, timeout, assets)
    start(screen)
    for step in result.steps:
        walker.take(step)
        if walker.stuck:
            break
    result.reached_end = not walker.stuck
    return result


@dataclass
class Walker:
    screen: Screen
    document: Document
    method: Method
    figures: FigureBook | None
    timeout: float | None
    assets: Path | None
    last: Locator | None = None  # what the previous step named: "this button"
    near: Locator | None = None  # the part of the screen the text last spoke of
    key_before: str = ""  # the channel's key when the reader last clicked something
    stuck: bool = False
    found: list[Finding] = field(default_factory=list)

    def take(self, result: StepResult) -> None:
        step, said = result.step, result.step.instruction
        self.found = result.findings
        try:
            self._take(step, said, result)
        except PlaywrightError as error:
            self._note(step, "outcome", step.text, None, f"the check could not go on here: {_first_line(error)}")
            self.stuck = True
        result.settle()

    def _take(self, step: Step, said: Instruction, result: StepResult) -> None:
        if said.kind == "unclear":
            self._note(step, "unclear", step.text, None, f"the check cannot turn this into a step: it {said.why}")
            return
        scope = self._context(step, said)
        target = self._target(step, said, scope) if said.kind in ("act", "look") else None
        if said.kind == "act" and target is None:
            self.stuck = True
            return
        if target is not None and said.place:
            self._place(step, said, target, scope)
        if step.figures and self.figures:
            self._figure(step, result, target if said.kind != "expect" else self._outcome_target(said.outcome))
        if said.kind == "act" and target is not None:
            self._click(target)
        if said.outcome:
            self._outcome(step, said.outcome, scope)

    # -- where the step happens --------------------------------------------------------------------------------

    def _context(self, step: Step, said: Instruction) -> Locator | None:
        """The part of the screen the sentence speaks of ("In the channel's settings, ..."), once it is there."""
        if said.context:
            noun = BY_KEY[said.context]
            located = self._noun(noun)
            if not _shown(located) and not self._detour(step, said.context_text, lambda: _shown(self._noun(noun))):
                self._note(step, "not-on-screen", said.context_text, None, f"{noun.called} is not on screen")
                return None
            if noun.kind in ("region", "menu", "dialog"):
                self.near = located
                return located
        for name in said.context_names:
            self._lookup(step, name, None, act=False)
        return None

    # -- what the step names -----------------------------------------------------------------------------------

    def _target(self, step: Step, said: Instruction, scope: Locator | None) -> Locator | None:
        if said.refers_back:
            if self.last is None:
                self._note(step, "unclear", said.object_text, None, "it refers to something no earlier step named")
            return self.last
        target = None
        for key in said.nouns:
            located = self._noun_target(step, BY_KEY[key], said.object_text)
            target = target or located
            if located is not None and BY_KEY[key].kind == "region":
                self.near = located
        for name in said.names:
            located = self._lookup(step, name, scope, act=said.kind == "act")
            target = target or located
            if said.kind == "act":
                break  # the first word is the one to click
        if target is not None:
            self.last = target
        return target

    def _noun_target(self, step: Step, noun: Noun, words: str) -> Locator | None:
        located = self._noun(noun)
        if _shown(located) or self._detour(step, words, lambda: _shown(self._noun(noun))):
            return self._noun(noun)
        self._note(step, "not-on-screen", words, None, f"{noun.called} is not on screen")
        return None

    def _lookup(self, step: Step, name: Name, scope: Locator | None, act: bool) -> Locator | None:
        """The element a word names, noting how the screen writes it; a step left out is found and taken."""
        where = self._scope(scope)
        match = find(name.text, shown_in(where), name.role, controls_only=act)
        if match is None and scope is not None:
            where = self._scope(None)
            match = find(name.text, shown_in(where), name.role, controls_only=act)
        if match is None and self._detour(step, f'"{name.text}"', lambda: self._finds(name, act)):
            where = self._scope(None)
            match = find(name.text, shown_in(where), name.role, controls_only=act)
        if match is None:
            near = nearest(name.text, shown_in(self._scope(None)))
            offer = f"; the nearest names on screen: {', '.join(f'`{n}`' for n in near)}" if near else ""
            self._note(
                step, "not-on-screen", name.text, None, f'no control or text named "{name.text}" on screen{offer}'
            )
            return None
        how, shown = match
        if how == "loose":
            self._note(
                step, "name-differs", name.text, shown.name, f'the text says "{name.text}"; the screen shows {shown}'
            )
        return shown.locate(where).first

    def _finds(self, name: Name, act: bool) -> bool:
        return find(name.text, shown_in(self._scope(None)), name.role, controls_only=act) is not None

    def _scope(self, scope: Locator | None) -> Locator:
        """Where to look: an open prompt (nothing else can be used), else the step's context, else the page."""
        dialog = self.screen.page.get_by_role("dialog").filter(visible=True)
        if dialog.count():
            return dialog.first
        return scope if scope is not None else self.screen.page.locator("body")

    def _detour(self, step: Step, words: str, found: Found) -> bool:
        """Look for the clicks the text leaves out; note them as a missing step and stay where they lead.
        Not while a prompt is open: the reader can only answer it."""
        if self.screen.page.get_by_role("dialog").filter(visible=True).count():
            return False
        path = find_detour(self.screen.page, found, self.near, self._name_of)
        if path is None:
            return False
        said = ", then ".join(path)
        self._note(step, "missing-step", words, said, f"{words} is not on this screen; the text leaves out: {said}")
        return True

    def _name_of(self, control: Locator) -> str:
        """How a detour names a control: the product's noun where the vocabulary has one, else its name on screen."""
        for noun, located in product.controls(self.screen):
            if located.count() == 1 and control.evaluate("(a, b) => a === b", located.element_handle()):
                return f"open {noun.called}" if control.get_attribute("aria-haspopup") else f"click {noun.called}"
        snapshot = control.aria_snapshot().splitlines()
        first = re.match(r'^- [a-z]+ "((?:[^"\\]|\\.)*)"', snapshot[0]) if snapshot else None
        return f"`{first.group(1)}`" if first else "an unnamed control"

    def _noun(self, noun: Noun) -> Locator:
        return product.located(self.screen, noun)

    # -- where it is, clicking it, and what follows ------------------------------------------------------------

    def _place(self, step: Step, said: Instruction, target: Locator, scope: Locator | None) -> None:
        assert said.place
        within = self._noun(BY_KEY[said.place.within]) if said.place.within else scope
        if said.place.area.endswith("half") and within is None:
            within = self.near
        wrong = misplaced(target, said.place.area, within)
        if wrong:
            where = f"the text puts it {said.place.words}; {wrong}"
            self._note(step, "position", said.place.words, wrong, where)

    def _click(self, target: Locator) -> None:
        self.key_before = product.current_key(self.screen) or self.key_before
        target.click()
        self.screen.page.wait_for_load_state()

    def _outcome(self, step: Step, outcome: Outcome, scope: Locator | None) -> None:
        container = scope
        for key in outcome.nouns:
            noun = BY_KEY[key]
            located = self._noun(noun)
            try:
                expect(located).to_be_visible(timeout=self.timeout)
            except AssertionError:
                self._note(step, "outcome", step.text, None, f"the text says {noun.called} follows; it does not")
                continue
            if noun.kind in ("region", "menu", "dialog"):
                container = self.near = located
        for name in outcome.names:
            self._outcome_name(step, name, container)
        if outcome.asks:
            self._asks(step, outcome.asks)
        if outcome.new_key:
            self._new_key(step, outcome.unique_key)

    def _outcome_name(self, step: Step, name: Name, container: Locator | None) -> None:
        match = find(name.text, shown_in(self._scope(container)), name.role)
        if match is None:
            self._note(step, "outcome", name.text, None, f'the text says "{name.text}" appears; it does not')
        elif match[0] == "loose":
            shown = match[1]
            self._note(
                step, "name-differs", name.text, shown.name, f'the text says "{name.text}"; the screen shows {shown}'
            )

    def _asks(self, step: Step, about: str) -> None:
        dialog = self.screen.page.get_by_role("dialog").filter(visible=True).first
        question = _dialog_name(dialog)
        if question is None:
            self._note(step, "outcome", step.text, None, "the text says a prompt asks to confirm; no prompt is open")
            return
        missing = question_misses(question, about)
        if missing:
            self._note(
                step,
                "outcome",
                about,
                question,
                f'the prompt asks "{question}", which says nothing of {", ".join(missing)}',
            )

    def _new_key(self, step: Step, unique: bool) -> None:
        field = product.key_field(self.screen)
        open_prompt = self.screen.page.get_by_role("dialog").filter(visible=True)
        try:
            product.expect_new_key(self.screen, self.key_before, self.timeout)
        except AssertionError:
            still = "; a prompt is still open: the text never has the reader confirm it" if open_prompt.count() else ""
            self._note(step, "outcome", step.text, field.input_value() if field.count() else None,
                       f"the text says a new key is shown; the key did not change{still}")  # fmt: skip
            return
        if unique:
            page, key = self.screen.page, field.input_value()
            back = page.url
            shared = product.key_shared_with(self.screen, key)
            page.goto(back)
            if shared:
                self._note(
                    step, "outcome", step.text, ", ".join(shared), f"the new key is not unique: {'; '.join(shared)}"
                )

    def _outcome_target(self, outcome: Outcome | None) -> Locator | None:
        if outcome is None:
            return None
        if outcome.new_key:
            return product.key_field(self.screen)
        return self._noun(BY_KEY[outcome.nouns[0]]) if outcome.nouns else None

    def _figure(self, step: Step, result: StepResult, target: Locator | None) -> None:
        assert self.figures
        page = self.screen.page
        outline = target if target is not None and _shown(target) else page.locator("body")
        taken = take_step_figures(
            self.figures, page, figure_name(self.method, step), step, self.document, outline,
            [product.key_field(self.screen)], product.whole_page(self.screen), self.assets,
        )  # fmt: skip
        result.figure, result.drift, result.document_figure = taken.taken, taken.drift, taken.theirs
        if taken.stale is not None:
            result.judged = "stale" if taken.stale else "current"
        if taken.stale:
            caption = step.figures[0].caption
            said = f'the figure "{caption}" is stale: ' + "; ".join(taken.stale)
            self._note(step, "figure-stale", caption, "; ".join(taken.stale), said)

    def _note(self, step: Step, kind: FindingKind, doc: str | None, screen: str | None, message: str) -> None:
        self.found.append(Finding(kind, step.line, doc, screen, message))


def _shown(located: Locator) -> bool:
    return located.count() > 0 and located.is_visible()


def _dialog_name(dialog: Locator) -> str | None:
    if not dialog.count():
        return None
    snapshot = dialog.aria_snapshot().splitlines()
    first = re.match(r'^- dialog "((?:[^"\\]|\\.)*)"', snapshot[0]) if snapshot else None
    return first.group(1) if first else ""


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().split("Call log:")[0].splitlines()
    return " ".join(line.strip() for line in lines if line.strip())[:300]
