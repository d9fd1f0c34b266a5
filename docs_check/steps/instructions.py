"""What one sentence of a how-to asks of the reader: to act or to look, on which words, where, and what follows.

A how-to marks its UI words with quotes, bold or code, or not at all ("click on Project settings"); it names
the rest with the product's nouns ("the ellipsis icon"), which `nouns` holds as phrases and `walking.product`
maps to the screen. Reading a sentence needs no browser: what the words match on screen is the walk's business.
"""

import re
from dataclasses import dataclass, replace
from typing import Literal

from .nouns import BY_KEY, nouns_in

# act: click something; look: find it; expect: something follows; type: into a field; send: a message to the
# channel; cannot: an action the check cannot take; unclear: an instruction it could not read.
Kind = Literal["act", "look", "expect", "type", "send", "cannot", "unclear"]
Mark = Literal["quoted", "bold", "plain", "message"]  # message: a quoted sentence the screen should show
Area = Literal[
    "top-left corner", "top-right corner", "bottom-left corner", "bottom-right corner", "right half", "left half",
    "top half", "bottom half",
]  # fmt: skip


@dataclass(frozen=True)
class Name:
    """A word of the screen as the document writes it (quotes and a closing full stop removed)."""

    text: str
    mark: Mark
    role: str | None = None  # "button", "tab", ... when the document says which


@dataclass(frozen=True)
class Place:
    area: Area
    within: str | None = None  # a noun key (`nouns`); None: the sentence's context, else the window
    words: str = ""  # as the document says it: "in the top left corner"


@dataclass(frozen=True)
class Outcome:
    """What the document says happens: a noun appears (holding some words), or the key changes."""

    nouns: tuple[str, ...] = ()
    names: tuple[Name, ...] = ()
    asks: str | None = None  # a prompt's question is about this
    new_key: bool = False
    unique_key: bool = False

    def __bool__(self) -> bool:
        return bool(self.nouns or self.names or self.asks or self.new_key)


@dataclass(frozen=True)
class Instruction:
    kind: Kind
    verb: str = ""
    context: str | None = None  # a noun: where the sentence says it happens ("In the channel's settings, ...")
    context_names: tuple[Name, ...] = ()  # or a word of the screen ('In the "Danger Zone," ...')
    context_text: str = ""  # the context as written
    object_text: str = ""  # what the verb acts on, as written: "the ellipsis icon (three dots)"
    names: tuple[Name, ...] = ()
    nouns: tuple[str, ...] = ()
    refers_back: bool = False  # "this button", "it": what the previous step named
    place: Place | None = None
    outcome: Outcome | None = None
    why: str = ""  # for an unclear sentence: what the check could not make of it


# The kind of control a word after a name says. An "option" says none: it may be a menu item, a link or a button.
ROLE_WORDS: dict[str, str | None] = {
    "button": "button", "tab": "tab", "link": "link", "menu item": "menuitem", "option": None,
    "icon": "button", "section": "heading", "field": "textbox", "heading": "heading",
}  # fmt: skip
MARKED = re.compile(
    r"\*\*(?P<bold>[^*]+)\*\*|`(?P<code>[^`]+)`|\"(?P<quoted>[^\"]+)\"|(?<!\w)'(?P<single>[^']+)'(?!\w)"
)
SLOT = re.compile(r"⟦(\d+)⟧")
KIND_AFTER_NAME = re.compile(r"⟦\d+⟧\s+(?:drop-?down(?: menu)?|menu|list|pop-?up)\b", re.I)
ACT = re.compile(
    r"^(?P<verb>(?:find|locate) and click(?: on)?|click(?: on)?|tap(?: on)?|press|select|choose|pick|open|navigate to|"
    r"go to|head to|switch to)\b",
    re.I,
)
LOOK = re.compile(
    r"^(?:you (?:will|can|should|'ll) |you'll )?(?P<verb>locate|find|look for|look at|identify|spot|see|notice|"
    r"view)\b",
    re.I,
)
EXPECT = re.compile(
    r"\b(?P<verb>(?:will|should|would) (?:(?:then|now|immediately|also|no longer|not) )*(?:appear|pop up|open|show|"
    r"display|list|be (?:displayed|shown|listed|opened|taken|directed|redirected|regenerated|generated|created|"
    r"disabled|enabled|starred|unstarred|updated|changed|replaced|renamed))|(?:will|should) (?:then )?(?:now )?"
    r"(?:read|say)|(?:now )?reads|appears|opens|pops up|contains|shows|lists|displays|(?:are|is) (?:now )?"
    r"(?:listed|displayed|shown)|you will be (?:taken|directed|redirected|brought) to)\b",
    re.I,
)
# An imperative this check cannot carry out: the sentence asks the reader to act, but not in a way it knows.
OTHER_IMPERATIVES = re.compile(
    r"^(?P<verb>hover|paste|drag|drop|check|uncheck|toggle|expand|collapse|close|"
    r"confirm|submit|save|wait|refresh|reload|visit|access|use|add|remove|delete|rename|enable|disable|"
    r"star|unstar|verify|copy|sign in|log in|log out|follow|integrate|install|configure|set up|update|replace|"
    r"paste|download|upload|authorize|allow|grant|connect|create|give|name|write|edit|change)\b",
    re.I,
)
LEAD = re.compile(
    r"^(?:(?:then|now|next|first|finally|please|once there|afterwards|simply|just|also|here|"
    r"you (?:can|should|need to|must|may|will need to|have to|'ll need to)|you'll need to),?\s+)+",
    re.I,
)
# Notes, tips and warnings tell the reader something; they ask for no step.
NOTE = re.compile(
    r"^\W*(?:note|tip|important|warning|caution|remember|keep in mind|make sure|be sure|ensure|please note|"
    r"for example|for instance|e\.g\.)\b",
    re.I,
)
# "If successful, ..." and "If not, ...": what happens in one case is not a step the reader takes.
CONDITION = re.compile(r"^(?:if|in case|should)\b[^,]*,\s*", re.I)
TYPE = re.compile(r"^(?P<verb>enter|type|fill in|fill out|input|provide|key in)\b", re.I)
SEND = re.compile(r"^(?P<verb>send|post)\s+(?:a |an |some |one |your )?(?:test )?messages?\b", re.I)
INTO_FIELD = re.compile(r"\b(?:in|into|on)\s+(?:the\s+)?(?P<field>[^,.;]+?)\s+(?:field|box|input)\b", re.I)
FIGURE_ONLY = re.compile(
    r"\b(?:shown|pictured|highlighted|marked) (?:below|above|here)\b|\bin the (?:figure|image|picture|screenshot)\b",
    re.I,
)
GENERIC_FIELD = re.compile(
    r"(?:the\s+)?(?:provided|given|required|appropriate|corresponding|respective|text|input)", re.I
)
SCROLL = re.compile(r"^scroll(?: down| up)?(?: (?:to|until you (?:see|find)))?\s*", re.I)
CONTEXT = re.compile(
    r"^(?:(?:located|positioned|found|stay|remain) )?(?:in|on|from|under|within|inside|at)\s+(?P<where>[^,:\n]+?)"
    r"(?:,\s*|\s+(?:and\s+)?(?=(?:click|tap|select|choose|pick|open|navigate|go|locate|find|look|you)\b))",
    re.I,
)
TEMPORAL = re.compile(r"^(?:after|once|when|before|as soon as|if)\b[^,]*,\s*", re.I)
# Where the object of a verb ends: a purpose, a place, a relative clause or punctuation.
OBJECT_END = re.compile(
    r"\s+(?:to|for|in|on|at|from|located|positioned|which|that|so|and|then|under|within|inside)\b|[,.;:!?]|\s\("
)
REFERS_BACK = re.compile(r"^(?:on\s+)?(?:this|that|it|the same)\b", re.I)
DETERMINERS = re.compile(r"^(?:(?:on|the|a|an|your|its|their)\s+)+", re.I)
PLACE = re.compile(
    r"\b(?:in|on|at)\s+the\s+(?P<v>top|bottom|upper|lower)[- ]?(?P<h>left|right)(?:[- ]hand)?(?:\s+(?:corner|side))?"
    r"(?:\s+of\s+(?P<of>[^,.;]+?))?(?=\s+to\b|\s+and\b|[,.;]|$)|\bon\s+the\s+(?P<side>right|left)(?:[- ]hand)?"
    r"(?:\s+side|\s+half)?\b|\bat\s+the\s+(?P<end>top|bottom)\s+of\s+(?P<end_of>[^,.;]+?)(?=[,.;]|$)",
    re.I,
)
PURPOSE = re.compile(
    r"\bto\s+(?:access|open|display|reach|see|view|manage|get to|go to|take you to|bring up|show)\s+(?P<what>[^,.;]+)",
    re.I,
)
THEN_APPEARS = re.compile(r",\s*(?:and\s+)?(?P<what>(?:a|an|the)\s+[^,.;]+?)\s+will\s+(?:appear|open|pop up)", re.I)
ASKS = re.compile(
    r"\bask(?:s|ing)? (?:you )?(?:to confirm )?(?:if|whether) you (?:want|wish) to (?P<asks>[^,.;]+)", re.I
)
NEW_KEY = re.compile(r"\bnew\b[^.]*\bkey\b", re.I)


def understand(sentence: str) -> Instruction | None:
    """The instruction a sentence gives, or None where it only informs."""
    text = " ".join(sentence.replace("“", '"').replace("”", '"').replace("’", "'").split())
    if NOTE.match(text):
        return None
    text, names = _slots(re.sub(r"\banywhere (?:in|on) ", "", text, flags=re.I))
    rest = LEAD.sub("", text)
    condition = CONDITION.match(rest)
    rest = TEMPORAL.sub("", CONDITION.sub("", rest))
    if condition and not ACT.match(LEAD.sub("", rest)):
        return None  # "If successful, the status shows ...": one case, not a step
    context, context_names, context_text, rest = _context(rest, names)
    rest = LEAD.sub("", rest)
    scrolled = SCROLL.match(rest)
    if scrolled:  # the browser scrolls to what it uses: only a thing named is a step, to look for
        rest = "find " + rest[scrolled.end() :]
        if not (_names_in(rest, names) or _nouns(rest)):
            return None
    typed, sent = TYPE.match(rest), SEND.match(rest)
    if typed:
        return _typing(typed.group("verb").lower(), rest[typed.end() :], names, context, context_text)
    if sent:
        return Instruction("send", sent.group("verb").lower(), context, context_text=context_text)
    act, look = ACT.match(rest), LOOK.match(rest)
    found = act or look
    if found:
        kind: Kind = "act" if act else "look"
        verb = found.group("verb").lower()
        said = _on_object(kind, verb, rest[found.end() :], names, context, context_names)
        if text.endswith(":") and not said.nouns and all(name.mark == "plain" for name in said.names):
            return None  # "Open the tabs:" introduces the steps under it
        return replace(said, context_text=context_text)
    expect = EXPECT.search(rest)
    if expect:
        return replace(_expectation(rest, expect, names, context, context_names), context_text=context_text)
    other = OTHER_IMPERATIVES.match(rest)
    if other:
        verb = other.group("verb").lower()
        return Instruction("cannot", verb, context, why=f'asks the reader to "{verb}", which the check cannot do')
    return None


def _typing(verb: str, rest: str, names: list[Name], context: str | None, context_text: str) -> Instruction:
    """ "Enter your email address in the Email field": the field named, else the thing to type ("email address")."""
    field = INTO_FIELD.search(rest)
    if field and GENERIC_FIELD.fullmatch(field.group("field").strip()):
        field = None  # "in the provided field": the thing to type names it
    marked = _names_in(field.group("field") if field else rest, names)
    words = DETERMINERS.sub("", (field.group("field") if field else OBJECT_END.split(rest)[0]).strip())
    named = marked or ((Name(words, "plain", "textbox"),) if words and len(words.split()) <= 4 else ())
    if not named:
        return Instruction("cannot", verb, context, why=f'asks the reader to "{verb}" but names no field')
    what = DETERMINERS.sub("", OBJECT_END.split(rest)[0].strip())
    return Instruction("type", verb, context, (), context_text, what, named)


def _slots(text: str) -> tuple[str, list[Name]]:
    """Replace each marked word with ⟦n⟧, so that the patterns below never look inside it."""
    names: list[Name] = []

    def slot(found: re.Match[str]) -> str:
        mark: Mark = "bold" if found.group("bold") or found.group("code") else "quoted"
        word = next(group for group in found.groups() if group)
        word = re.sub(r"(?<!\.)[.,]$", "", word.strip())  # "Channels." : the full stop is the sentence's
        role = _role_after(text[found.end() :])
        if found.group("quoted") and len(word.split()) >= 6:
            mark = "message"  # a sentence in quotes: words the screen should show, not a control's name
        names.append(Name(word, mark, role))
        return f"⟦{len(names) - 1}⟧"

    return MARKED.sub(slot, text), names


def _role_after(text: str) -> str | None:
    following = re.match(r"\s+(menu item|button|tab|link|option|icon|section|field|heading)\b", text, re.I)
    return ROLE_WORDS[following.group(1).lower()] if following else None


def _names_in(text: str, names: list[Name]) -> tuple[Name, ...]:
    return tuple(names[int(index)] for index in SLOT.findall(text))


def _nouns(text: str) -> tuple[str, ...]:
    text = KIND_AFTER_NAME.sub(" ", text)  # "the "Color" dropdown" is the control named Color, not a menu
    return tuple(dict.fromkeys(key for _, key in nouns_in(SLOT.sub(" ", text))))


def _context(text: str, names: list[Name]) -> tuple[str | None, tuple[Name, ...], str, str]:
    found = CONTEXT.match(text)
    if not found:
        return None, (), "", text
    where = found.group("where")
    nouns, marked = _nouns(where), _names_in(where, names)
    if not nouns and not marked:  # "At this point, ..." or "In the window that opens, ...": no place it knows
        return None, (), "", text[found.end() :]
    return (nouns[0] if nouns else None), marked, _unslot(where, names), text[found.end() :]


def _unslot(text: str, names: list[Name]) -> str:
    """The words as written, marks restored as quotes."""
    return SLOT.sub(lambda found: f'"{names[int(found.group(1))].text}"', text).strip()


def _plain_name(words: str) -> Name:
    """An unmarked word, with a closing role word taken as its role: "Danger Zone section"."""
    role = re.search(r"\s+(menu item|button|tab|link|option|icon|section|field|heading)$", words, re.I)
    if role and len(words.split()) > 1:
        return Name(words[: role.start()], "plain", ROLE_WORDS[role.group(1).lower()])
    return Name(words, "plain")


def _on_object(
    kind: Kind, verb: str, rest: str, names: list[Name], context: str | None, context_names: tuple[Name, ...]
) -> Instruction:
    end = OBJECT_END.search(rest)
    thing = rest[: end.start()] if end else rest
    marked, nouns = _names_in(thing, names), _nouns(thing)
    if kind == "look" and not marked:
        marked = _names_in(rest, names)  # "you will see different sections, including "General" and "Channels""
    back = bool(REFERS_BACK.match(thing.strip())) and not marked and not nouns
    plain: tuple[Name, ...] = ()
    if not (marked or nouns or back):
        words = DETERMINERS.sub("", thing.strip())
        if FIGURE_ONLY.search(words):
            why = f'names "{words}", which only its figure shows'
            return Instruction("unclear", verb, context, object_text=words, why=why)
        if words and len(words.split()) <= 5:
            plain = (_plain_name(words),)
    outcome = _purpose(rest, names)
    instruction = Instruction(
        kind,
        verb,
        context,
        context_names,
        "",
        _unslot(thing, names),
        marked or plain,
        nouns,
        back,
        _place(rest, names),
        outcome or None,
    )
    if not (marked or plain or nouns or back):
        return Instruction("unclear", verb, context, why=f'says "{verb}" but names nothing the check can find')
    return instruction


def _purpose(rest: str, names: list[Name]) -> Outcome:
    purpose = PURPOSE.search(rest) or THEN_APPEARS.search(rest)
    if not purpose:
        return Outcome()
    what = re.split(r"\s+(?:for|in|on|of|from|so|and|where)\b", purpose.group("what"))[0]
    return Outcome(_places(_nouns(what)), _names_in(what, names))


def _places(keys: tuple[str, ...]) -> tuple[str, ...]:
    """What a purpose or a destination can promise: a screen, a menu, a prompt or a part of the screen, not a
    control ("to view the integration channel analytics" promises no channel's row)."""
    return tuple(key for key in keys if BY_KEY[key].kind != "control")


def _expectation(
    rest: str, expect: re.Match[str], names: list[Name], context: str | None, context_names: tuple[Name, ...]
) -> Instruction:
    verb = expect.group("verb").lower()
    if re.search(r"\b(?:no longer|not)\b", verb):
        return Instruction(
            "unclear", verb, context, why="says what will no longer be so, which the check does not compare"
        )
    nouns: tuple[str, ...] = ()
    marked: tuple[Name, ...] = ()
    start = 0
    for each in EXPECT.finditer(rest):  # "the project will be disabled, and you will be taken to the dashboard"
        subject, after = rest[start : each.start()], rest[each.end() :].split(",")[0]
        taken = re.search(r"open|taken|directed|brought", each.group("verb"), re.I) is not None
        nouns += _nouns(subject) + (_places(_nouns(after)) if taken else _nouns(after))  # where one is taken to
        marked += _names_in(subject, names) + _names_in(after, names)
        start = each.end()
    asks = ASKS.search(rest)
    outcome = Outcome(
        tuple(dict.fromkeys(nouns)),
        marked,
        asks.group("asks").strip() if asks else None,
        new_key=bool(NEW_KEY.search(rest)),
        unique_key=bool(re.search(r"\bunique\b", rest, re.I)),
    )
    subject = rest[: expect.start()]
    if outcome.new_key:
        outcome = Outcome(new_key=True, unique_key=outcome.unique_key)
    elif outcome.asks:  # the rest of the sentence is the question, not things on screen
        outcome = Outcome(_nouns(subject), _names_in(subject, names), outcome.asks)
    if not outcome:
        return Instruction("unclear", verb, context, why="says something happens, but not what the check could see")
    return Instruction("expect", verb, context, context_names, outcome=outcome, place=_place(rest, names))


def _place(text: str, names: list[Name]) -> Place | None:
    found = PLACE.search(text)
    if not found:
        return None
    words = _unslot(found.group(0), names)
    if found.group("side"):
        area: Area = "right half" if found.group("side").lower() == "right" else "left half"
        return Place(area, None, words)
    if found.group("end"):
        end_of = _nouns(found.group("end_of"))
        end: Area = "top half" if found.group("end").lower() == "top" else "bottom half"
        return Place(end, end_of[0] if end_of else None, words)
    vertical = "top" if found.group("v").lower() in ("top", "upper") else "bottom"
    of = _nouns(found.group("of") or "")
    corner: Area = f"{vertical}-{found.group('h').lower()} corner"  # type: ignore[assignment]
    return Place(corner, of[0] if of else None, words)
