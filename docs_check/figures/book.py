"""The how-to's figures: what the reader sees with the element to act on outlined, and drift from the committed ones."""

import os
import platform
from dataclasses import dataclass
from pathlib import Path, PurePath

from PIL import Image
from playwright.sync_api import Browser, Locator, Page, ViewportSize

from .drift import COLOUR_TOLERANCE, CROWDED, WINDOW_RADIUS, difference

# Which browser took the committed figures. Another engine, or another major version of it, may lay text
# out differently, so its figures are kept in the test output but not compared; patch versions of one major
# version are compared, the comparison (docs_check.drift) being blind to how a glyph's edges are drawn.
RENDERER_FILE = "renderer.txt"  # beside the committed figures
CANNOT_COMPARE = (
    "in CI the figures must be compared; run the check there with the engine and major version in"
    " renderer.txt beside the committed figures, or retake the figures with `make docs` on this one"
)
VIEWPORT: ViewportSize = {"width": 1470, "height": 1016}  # the product's own figures, in CSS pixels
# A pixel counts as changed when a colour channel moved this much (of 255) beyond what the other figure has
# around it (docs_check.drift has the whole rule).
PIXEL_THRESHOLD = COLOUR_TOLERANCE
WINDOW = 2 * WINDOW_RADIUS + 1

# Styles are set through the CSS object model from the test side, which the app's CSP allows (a style
# attribute it would not); the app has no inline styles, so clearing them restores the page.
# The outline goes inside the box where one around it would be cut off: a menu clips what lies outside it,
# and the window's edge cuts off an outline around the logo or the Project block, which touch the top.
OUTLINE = """(element, on) => {
  const box = element.getBoundingClientRect();
  const inside = element.getAttribute("role") === "menuitem" || box.left < 4 || box.top < 4;
  element.style.outline = on ? "3px solid #e4007c" : "";
  element.style.outlineOffset = !on ? "" : inside ? "-3px" : "3px";
}"""
# Values that change from run to run are greyed out in place: unlike Playwright's masks, which are drawn
# above everything, this keeps them beneath an open dialog and its backdrop, where the reader sees them.
# SVG text has no background, so its glyphs go transparent and an outline drawn inwards fills its box.
REDACT = """(elements, on) => elements.forEach((element) => {
  element.style.color = on ? "transparent" : "";
  if (element instanceof SVGElement) {
    element.style.fill = on ? "transparent" : "";
    element.style.outline = on ? "12px solid #d5d5e0" : "";
    element.style.outlineOffset = on ? "-12px" : "";
  } else {
    element.style.backgroundColor = on ? "#d5d5e0" : "";
  }
})"""
# What the calendar changes from run to run, besides the key the walk passes in: every <time> (the Overview's
# date ranges, "Connected 2 days ago", which turns into "3 days ago" overnight) and the charts' weekday labels,
# SVG text on the Overview and spans on the Projects dashboard's tiles. CSS is fine here: nothing acts on these.
CALENDAR = ("time", "svg text.weekday", "span.weekday")


@dataclass(frozen=True)
class Drift:
    figure: str  # the committed figure, relative to the project
    new: str  # the figure just taken
    changed: float | None  # share of pixels that differ; None when there is nothing to compare
    tolerance: float
    problem: str | None = None  # why the figures could not be compared
    diff: str | None = None  # where the changed pixels are shown in red
    densest: float = 0.0  # the largest share of changed pixels in any WINDOW x WINDOW patch
    crowded: str | None = None  # where changed pixels crowd together, as a reader sees a change

    @property
    def passed(self) -> bool:
        return self.problem is None and self.changed is not None and self.changed <= self.tolerance and not self.crowded

    def describe(self) -> str:
        if self.problem:
            return f"{self.figure}: {self.problem}"
        where = f"; changes in red: {self.diff}" if self.diff else ""
        share = f"{self.changed:.2%} of pixels differ (tolerance {self.tolerance:.2%})"
        crowded = ""
        if self.crowded:
            crowded = (
                f"; a change at {self.crowded} ({self.densest:.0%} of a {WINDOW}x{WINDOW} px patch changed,"
                f" limit {CROWDED:.0%})"
            )
        return f"{self.figure}: {share}{crowded}; new: {self.new}{where}"


def compare(committed: Path, new: Path, tolerance: float, diff: Path) -> Drift:
    """What changed beyond rendering noise (docs_check.drift); a red-on-grey map of it is saved to `diff`."""
    name = _relative(committed)
    if not committed.exists():
        return Drift(name, str(new), None, tolerance, "no committed figure; run `make docs` to create it")
    if committed.read_bytes() == new.read_bytes():  # as most are: the same pixels, encoded the same way
        return Drift(name, str(new), 0.0, tolerance)
    with Image.open(committed) as old_image, Image.open(new) as new_image:
        old, fresh = old_image.convert("RGB"), new_image.convert("RGB")
    if old.size != fresh.size:
        return Drift(name, str(new), None, tolerance, f"size changed from {old.size} to {fresh.size}")
    found = difference(old, fresh)
    if found.changed:
        diff.parent.mkdir(parents=True, exist_ok=True)
        grey = fresh.convert("L").convert("RGB")
        Image.composite(Image.new("RGB", old.size, (228, 0, 60)), grey, found.mask).save(diff, compress_level=1)
    crowded = None
    if found.crowded:
        left, top, right, bottom = found.crowded
        crowded = f"x {left}-{right}, y {top}-{bottom}"
    return Drift(
        name, str(new), found.changed, tolerance, diff=str(diff) if found.changed else None,
        densest=found.densest, crowded=crowded,
    )  # fmt: skip


def renderer(browser: Browser) -> str:
    return f"{browser.browser_type.name} {browser.version} on {platform.system()}"


def committed_renderer(figures: Path | None) -> str | None:
    named = figures / RENDERER_FILE if figures else None
    return named.read_text().strip() if named and named.exists() else None


def comparable(taken_by: str, committed_by: str | None) -> bool:
    """Whether figures of `taken_by` can be compared with ones of `committed_by`: the same engine and major
    version on the same system ("chromium 156.0.8078.108 on Linux" and "chromium 156.0.8078.114 on Linux")."""
    return committed_by is not None and _family(taken_by) == _family(committed_by)


def must_compare(taken_by: str, committed_by: str | None) -> bool:
    """In CI (CI=true) nobody reads the summary line that says no figure was compared, so there a run of the
    engine that took the figures (or of any, when none are committed) must compare them or fail. Other engines
    can never compare them: their CI jobs check the app, and keep their figures uncompared."""
    in_ci = os.environ.get("CI", "").lower() in ("true", "1")
    return in_ci and (committed_by is None or _family(taken_by)[0] == _family(committed_by)[0])


def _family(renderer_name: str) -> tuple[str, ...]:
    engine, _, rest = renderer_name.partition(" ")
    version, _, system = rest.partition(" on ")
    return engine, version.split(".")[0], system


def _relative(path: Path) -> str:
    """As the user would type it: relative to the working folder where it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class FigureBook:
    """Figures are taken into the test output and compared with the committed ones (the host's `how_to_figures`).

    Nothing here writes there: `python -m docs_check.figures.update` (`make docs`) copies the figures."""

    output: Path
    compare: bool  # False against a deployment, another browser, or while `make docs` retakes them
    tolerance: float
    committed: Path | None = None  # None: nothing to compare with

    def take(
        self, page: Page, figure: PurePath, target: Locator, redact: list[Locator], full_page: bool = False
    ) -> tuple[str, Drift | None]:
        """Outline `target`, grey out `redact` and the calendar, capture the viewport (or the whole page),
        then restore the page. `figure` is the figure's path below the output and docs/figures."""
        path = self.output / figure
        path.parent.mkdir(parents=True, exist_ok=True)
        page.wait_for_load_state("load")  # images such as the logo, which a screenshot does not wait for
        target.scroll_into_view_if_needed()
        target.evaluate(OUTLINE, True)
        redact = redact + [page.locator(css) for css in CALENDAR]
        for locator in redact:
            locator.evaluate_all(REDACT, True)
        try:
            page.screenshot(path=path, animations="disabled", caret="hide", full_page=full_page)
        finally:
            target.evaluate(OUTLINE, False)
            for locator in redact:
                locator.evaluate_all(REDACT, False)
        if not self.compare or self.committed is None:
            return str(path), None
        return str(path), compare(self.committed / figure, path, self.tolerance, diff_path(path))


def diff_path(figure: Path) -> Path:
    """Where the changed pixels of `figure` are shown in red."""
    return figure.with_suffix(".diff.png")
