"""A method of the how-to: a route of `pages.how_to`, each move annotated with what the how-to says of it."""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from pages.how_to import Move, Route

from .claims import Check


@dataclass(frozen=True)
class Claim:
    says: str  # what the how-to promises, in the project's words; the guide lists it
    broken: str  # what a reader meets when the promise fails; the report names it
    check: Check


@dataclass(frozen=True)
class Step:
    move: Move
    figure: str | None  # the how-to's caption for this step's figure; None where its text has none
    product_figure: str  # the product's own screenshot of this step, in shared/reference-ui/
    shows: tuple[Claim, ...]  # checked before the figure is taken
    then: tuple[Claim, ...] = ()  # checked after the action (after the figure when there is none)
    in_how_to: bool = True  # False: the how-to's text leaves this step out
    gap: str | None = None  # where the how-to's words differ from the screen, or leave something unsaid
    instruction: str = ""  # what the reader does, for the illustrated guide
    full_page: bool = False  # the product's figure of this screen shows the whole page, not only the viewport

    @property
    def id(self) -> str:
        return self.move.id

    @property
    def title(self) -> str:
        return self.move.title

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.shows + self.then


@dataclass(frozen=True)
class Method:
    route: Route
    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        if tuple(step.move for step in self.steps) != self.route.moves:
            steps, moves = [step.id for step in self.steps], [move.id for move in self.route.moves]
            raise ValueError(f"{self.name}'s steps {steps} are not the moves of its route, {moves}, in order")

    @property
    def key(self) -> str:
        return self.route.key

    @property
    def name(self) -> str:
        return self.route.name

    @property
    def title(self) -> str:
        return self.route.title

    def numbered(self) -> list[tuple[int, Step]]:
        return list(enumerate(self.steps, start=1))


def step_label(method: Method, number: int) -> str:
    """How the report, the guide and failures name a step: "Method 2, step 3"."""
    return f"{method.name}, step {number}"


def step_key(number: int, step: Step) -> str:
    """A step's stable name within its method, for files and report entries: "03-tile-options"."""
    return f"{number:02d}-{step.id}"


def figure_name(method: Method, number: int, step: Step) -> PurePosixPath:
    """Where a step's figure lies, relative to docs/figures/ or the test output: "method-2/03-tile-options.png"."""
    return PurePosixPath(method.key, f"{step_key(number, step)}.png")


def gaps(methods: Iterable[Method]) -> list[str]:
    """Each step where the how-to falls short, named: "Method 1, step 2: The how-to writes ..."."""
    return [
        f"{step_label(method, number)}: {step.gap}"
        for method in methods
        for number, step in method.numbered()
        if step.gap
    ]
