"""One step at a time, as its reader would take it: the place the text speaks of must be on screen, the words it
names are looked up among what the screen shows, the thing is used, and what the text says follows is checked.

A finding the reader could get past (a word written differently, a step left out, a wrong place, an outcome
that does not come) does not end the walk; a thing to click that is nowhere does, and the steps after it are
not reached, each saying why. A control the app marks as not part of it ends nothing: the step says so, and
so do the steps after it that need what it would have shown, until a step finds its thing on screen again.
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
from ..report.results import Finding, FindingKind, StepResult
from ..steps import Document, Instruction, Method, Name, Outcome, Step
from ..steps.nouns import BY_KEY, Noun
from . import product
from .checks import misplaced, out_of_order, question_misses
from .claims import compare_message
from .detour import Found, find_detour
from .screen_names import Shown, find, near, nearest, shown_in

PROMPT_WORDS = re.compile(r"\b(?:confirm\w*|prompt|dialog|pop-?up|finali[sz]e)\b", re.I)
# What a step left unseen because an earlier one used what the app has not: said as that, not as the document's error.
SHADOWED: frozenset[FindingKind] = frozenset({"not-on-screen", "outcome", "position", "missing-step"})


@dataclass
class Walker:
    screen: Screen
    document: Document
    method: Method
    figures: FigureBook | None
    timeout: float | None
    assets: Path | None
    account: tuple[str, str] = ("", "")  # what the reader types into the login's fields
    last: Locator | None = None  # what the previous step named: "this button"
    near: Locator | None = None  # the part of the screen the text last spoke of
    key_before: str = ""  # the channel's key when the reader last clicked something
    stuck: bool = False
    stuck_at: str = ""  # why the steps after the walk stopped are not reached
    outside: int | None = None  # the line of the last step that used what the app has not, until one finds its thing
    lost: int | None = None  # the line of the last step whose thing to click was nowhere, until one finds its thing
    unreached: str | None = None  # why the current step, lost, is not reached
    prompt_from: StepResult | None = None  # the step whose click opened the prompt that is open
    current: StepResult | None = None
    found: list[Finding] = field(default_factory=list)

    def take(self, result: StepResult) -> None:
        step, said = result.step, result.step.instruction
        self.found, self.current, self.unreached = result.findings, result, None
        try:
            self._answer_left_out(said, step.text)
            self._take(step, said, result)
        except PlaywrightError as error:
            self._note(step, "outcome", step.text, None, f"the check could not go on here: {first_line(error)}")
            self._stop(step, "the walk stopped at an error of the browser")
        result.settle()
        if self.unreached and result.status == "holds":
            result.status, result.why = "not reached", self.unreached

    def finish(self) -> None:
        """A prompt the text never has its reader answer, left open at the end."""
        if self.prompt_from is not None and self._prompt().count():
            self._left_open(self.prompt_from, answer=False)

    def _prompt(self) -> Locator:
        return self.screen.page.get_by_role("dialog").filter(visible=True)

    def _answer_left_out(self, said: Instruction, step_text: str) -> None:
        """A prompt is open and this step speaks of something else: the text left out answering it. Said at the
        step that opened it; the check answers it as the reader must, to go on."""
        opener, prompt = self.prompt_from, self._prompt()
        speaks_of = (*said.nouns, said.context, *(said.outcome.nouns if said.outcome else ()))
        if opener is None or said.kind in ("unclear", "cannot") or not prompt.count():
            return
        if "prompt" in speaks_of or PROMPT_WORDS.search(step_text):
            if said.kind != "expect":  # "Click on "Confirm" to confirm": it answers the prompt, by whatever name
                self.prompt_from = None
            return
        inside = shown_in(prompt.first)
        if any(find(name.text, inside, name.role) or near(name.text, inside) for name in said.names):
            return
        self._left_open(opener, answer=True)

    def _left_open(self, opener: StepResult, answer: bool) -> None:
        prompt = self._prompt().first
        buttons = prompt.get_by_role("button")
        answers = [buttons.nth(i) for i in range(buttons.count())]
        confirm = next((b for b in reversed(answers) if (b.text_content() or "").strip() != "Cancel"), None)
        said = f"`{(confirm.text_content() or '').strip()}`" if confirm else "an answer"
        message = f"the prompt this step opens is never answered in the text; the reader must choose {said}"
        opener.findings.append(Finding("missing-step", opener.step.line, None, said, message))
        opener.settle()
        self.prompt_from = None
        if answer and confirm is not None:
            confirm.click()
            self.screen.page.wait_for_load_state()

    def _stop(self, step: Step, why: str) -> None:
        self.stuck, self.stuck_at = True, f"{why} (line {step.line})"

    def _take(self, step: Step, said: Instruction, result: StepResult) -> None:
        if said.kind in ("unclear", "cannot"):
            kind: FindingKind = "unclear" if said.kind == "unclear" else "cannot-do"
            words = "cannot turn this into a step" if said.kind == "unclear" else "cannot do this step"
            self._note(step, kind, step.text, None, f"the check {words}: it {said.why}")
            return
        if said.kind == "send":
            self._send(step)
            return
        scope = self._context(step, said)
        if said.kind == "type":
            self._type(step, said, scope)
            return
        target = self._target(step, said, scope) if said.kind in ("act", "look") else None
        if said.kind == "act" and target is None:
            if self.outside is None and self.lost is None:
                self.lost = step.line  # the steps after it go on where they find their thing
            return
        if target is not None and self._outside(step, target, acting=said.kind == "act"):
            return
        if target is not None and said.place:
            self._place(step, said, target, scope)
        if step.figures and self.figures:
            self._figure(step, result, target if said.kind != "expect" else self._outcome_target(said.outcome))
        if said.kind == "act" and target is not None:
            self._click(target)
            if self._prompt().count():
                self.prompt_from = self.current
        if said.outcome:
            self._outcome(step, said, said.outcome, scope)

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
        if self.outside is not None and noun.kind != "screen" and noun.key not in product.ANCHORS:
            why = f"follows line {self.outside}, which uses what the app has not: {noun.called} there is not ours"
            self._note(step, "outside-app", words, None, why)
            return None  # "the channel from the list" of a window the app lacks is not our channel's row
        if _shown(located) or self._detour(step, words, lambda: _shown(self._noun(noun))):
            self.outside = self.lost = None
            return self._noun(noun)
        self._note(step, "not-on-screen", words, None, f"{noun.called} is not on screen")
        return None

    def _lookup(self, step: Step, name: Name, scope: Locator | None, act: bool) -> Locator | None:
        """The element a word names, noting how the screen writes it; a step left out is found and taken."""
        if name.mark == "message":
            self._message(step, name, scope)
            return None
        where = self._scope(scope)
        match = find(name.text, shown_in(where), name.role, controls_only=act)
        if match is None and scope is not None:
            where = self._scope(None)
            match = find(name.text, shown_in(where), name.role, controls_only=act)
        if match is None and name.mark != "plain":  # written otherwise, but clearly this control
            where = self._scope(None)
            close = near(name.text, shown_in(where), name.role)
            match = ("near", close) if close else None
        if match is None and self._detour(step, f'"{name.text}"', lambda: self._finds(name, act)):
            where = self._scope(None)
            match = find(name.text, shown_in(where), name.role, controls_only=act)
        if match is None:
            closest = nearest(name.text, shown_in(self._scope(None)))
            offer = f"; the nearest names on screen: {', '.join(f'`{n}`' for n in closest)}" if closest else ""
            self._note(
                step, "not-on-screen", name.text, None, f'no control or text named "{name.text}" on screen{offer}'
            )
            return None
        how, shown = match
        # On a screen the app has not, only a name the text marks (or the app's own marking) says where the walk
        # is: a plain word such as "email" may well name something of that other screen.
        if self.outside is not None and (name.mark == "plain" or product.outside_app(shown.locate(where).first)):
            self._note(
                step, "outside-app", name.text, None, f"follows line {self.outside}, which uses what the app has not"
            )
            return None  # what the reader of the unreachable screen means is not this control of ours
        self.outside = self.lost = None  # the walk is back on what the app has
        if how in ("loose", "near") and (name.mark != "plain" or name.text[:1].isupper()):
            # a plain word in lower case names no label ("open the email"), so its case is not the text's claim
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
        if self._prompt().count() or self.lost is not None or self.outside is not None:
            return False  # a prompt can only be answered; a lost walk's steps speak of a screen it never reached
        near = self.near if self.near is not None and _shown(self.near) else None
        if near is None and _shown(self.screen.tile.tile):
            near = self.screen.tile.tile  # the walk's project: a step on a tile means its tile, not the first one
        path = find_detour(self.screen.page, found, near, self._name_of)
        if path is None:
            return False
        said = ", then ".join(path)
        self._note(step, "missing-step", words, said, f"{words} is not on this screen; the text leaves out: {said}")
        return True

    def _name_of(self, control: Locator) -> str:
        """How a detour names a control: the product's noun where `nouns` has one, else its name on screen."""
        for noun, located in product.controls(self.screen):
            if located.count() == 1 and control.evaluate("(a, b) => a === b", located.element_handle()):
                return f"open {noun.called}" if control.get_attribute("aria-haspopup") else f"click {noun.called}"
        snapshot = control.aria_snapshot().splitlines()
        first = re.match(r'^- [a-z]+ "((?:[^"\\]|\\.)*)"', snapshot[0]) if snapshot else None
        return f"`{first.group(1)}`" if first else "an unnamed control"

    def _open(self, key: str) -> None:
        """Go to the screen a claim speaks of, where the walk is not on it."""
        if BY_KEY[key].kind == "screen" and not _shown(self._noun(BY_KEY[key])):
            product.open_screen(self.screen, key)

    def _noun(self, noun: Noun) -> Locator:
        return product.located(self.screen, noun)

    # -- where it is, clicking it, and what follows ------------------------------------------------------------

    def _place(
        self, step: Step, said: Instruction, target: Locator, scope: Locator | None, every: Locator | None = None
    ) -> None:
        """Where the text puts the thing: in a corner or half of its container (the window where none), or, on a
        screen that lists projects, first or last among them."""
        assert said.place
        within = self._noun(BY_KEY[said.place.within]) if said.place.within else scope
        if said.place.within and BY_KEY[said.place.within].kind == "screen":
            within = None  # a screen is the window
        if said.place.area.endswith("half") and within is None and not said.place.within:
            within = self.near
        wrong = misplaced(target, said.place.area, within)
        tiles = self.screen.projects.tiles
        listed = said.place.area in ("top half", "bottom half") and _among(target, tiles)
        if listed and said.place.within and BY_KEY[said.place.within].kind == "screen":
            wrong = out_of_order(every or target, tiles, first=said.place.area == "top half")
        if wrong:
            where = f"the text puts it {said.place.words}; {wrong}"
            self._note(step, "position", said.place.words, wrong, where)

    def _click(self, target: Locator) -> None:
        self.key_before = product.current_key(self.screen) or self.key_before
        target.click()
        self.screen.page.wait_for_load_state()

    def _outcome(self, step: Step, said: Instruction, outcome: Outcome, scope: Locator | None) -> None:
        container = scope
        if said.kind == "expect" and said.place and said.place.within:
            self._open(said.place.within)  # "shown at the bottom of the Projects dashboard": look there
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
            if said.kind == "expect" and said.place and key == outcome.nouns[0]:  # where the subject is
                self._place(step, said, located, scope, product.every(self.screen, noun))
        for name in outcome.names:
            self._outcome_name(step, name, container)
        if outcome.asks:
            self._asks(step, outcome.asks)
        if outcome.new_key:
            self._new_key(step, outcome.unique_key)

    def _outcome_name(self, step: Step, name: Name, container: Locator | None) -> None:
        if name.mark == "message":
            self._message(step, name, container)
            return
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
        if self.lost is not None and self.lost != step.line and kind in SHADOWED:
            self.unreached = f"follows line {self.lost}, whose thing to click is not on screen"
            return
        if self.outside is not None and kind in SHADOWED:
            kind, message = "outside-app", f"follows line {self.outside}, which uses what the app has not: {message}"
        self.found.append(Finding(kind, step.line, doc, screen, message))

    # -- what the app has not, typing and sending ----------------------------------------------------------------

    def _outside(self, step: Step, target: Locator, acting: bool) -> bool:
        """A control the app marks as not part of it is said so, and never clicked; a disabled one neither."""
        if not target.count():
            return False
        why = product.outside_app(target.first)
        if why:
            self._note(step, "outside-app", step.text, why, f"not part of the app being checked: {why}")
            self.outside = step.line
            return True
        if acting and product.is_disabled(target.first):
            self._note(step, "outcome", step.text, None, "the text says to use it; it is disabled on screen")
            self._stop(step, "the walk stopped at a disabled control")
            return True
        return False

    def _type(self, step: Step, said: Instruction, scope: Locator | None) -> None:
        """Type into the field the text names what its reader would: the account's email or password, or a sample."""
        for name in said.names:
            fields = [item for item in shown_in(self._scope(scope)) if item.role == "textbox"]
            match = find(name.text, fields) or (("near", close) if (close := _field(name.text, fields)) else None)
            if match is None:
                self._note(step, "not-on-screen", name.text, None, f'no field named "{name.text}" on screen')
                continue
            how, shown = match
            if how == "loose" and name.mark != "plain":
                self._note(step, "name-differs", name.text, shown.name,
                           f'the text says "{name.text}"; the screen shows {shown}')  # fmt: skip
            field_box = shown.locate(self._scope(scope)).first
            if self._outside(step, field_box, acting=True):
                return
            field_box.fill(product.value_for(shown.name, self.account))
            self.outside = None

    def _send(self, step: Step) -> None:
        """Send the open channel a message through the ingestion API, as the reader's bot would."""
        problem = product.send_message(self.screen)
        if problem:
            self._note(step, "cannot-do", step.text, None, f"the check cannot do this step: {problem}")

    def _message(self, step: Step, name: Name, scope: Locator | None) -> None:
        """A sentence the text quotes as shown on screen: compared word for word."""
        verdict = compare_message(name.text, self._scope(scope).inner_text())
        if verdict.kind:
            self._note(step, verdict.kind, name.text, verdict.shown, verdict.message)


def _among(element: Locator, siblings: Locator) -> bool:
    return element.count() > 0 and element.evaluate("(one, all) => all.includes(one)", siblings.element_handles())


def _shown(located: Locator) -> bool:
    return located.count() > 0 and located.is_visible()


def _dialog_name(dialog: Locator) -> str | None:
    if not dialog.count():
        return None
    snapshot = dialog.aria_snapshot().splitlines()
    first = re.match(r'^- dialog "((?:[^"\\]|\\.)*)"', snapshot[0]) if snapshot else None
    return first.group(1) if first else ""


def _field(words: str, fields: list[Shown]) -> Shown | None:
    """The one field whose name shares a word with `words` ("email address" names `Email`)."""
    wanted = {word for word in re.findall(r"\w+", words.casefold()) if len(word) > 2}
    named = [item for item in fields if wanted & set(re.findall(r"\w+", item.name.casefold()))]
    return named[0] if len(named) == 1 else None


def first_line(error: BaseException) -> str:
    lines = str(error).strip().split("Call log:")[0].splitlines()
    return " ".join(line.strip() for line in lines if line.strip())[:300]
