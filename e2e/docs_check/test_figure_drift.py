"""The figure comparison on the app's own figures: a control moved, swapped, renamed or removed makes a figure
drift; the same screen drawn a fraction of a pixel along, or with other dates, does not."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath

import pytest
from playwright.sync_api import Locator, Page, Route, expect

from docs_check.figures.book import VIEWPORT, Drift, FigureBook
from pages import AccountDashboard, ChannelSettings
from pages.how_to import via_active_project_menu
from testkit.demo import CHANNEL, PROJECT

# The rule's limits were measured on Chromium's drawing, the engine that takes the how-to's figures.
pytestmark = [
    pytest.mark.docs,
    pytest.mark.only_browser("chromium"),
    pytest.mark.browser_context_args(viewport=VIEWPORT),
]

Edit = Callable[[str], str]  # the page's HTML as the server sends it, changed as a template edit would
Shown = tuple[Locator, list[Locator]]  # the element the figure outlines, and what it greys out


def _sub(pattern: str, replacement: str) -> Edit:
    def edit(html: str) -> str:
        changed, count = re.subn(pattern, replacement, html, flags=re.DOTALL)
        assert count, f"the page no longer has {pattern!r}: update this test"
        return changed

    return edit


def _channel(page: Page, url: str) -> Shown:
    page.goto(url)
    channel = ChannelSettings(page, CHANNEL)
    expect(channel.api_key).to_be_visible()
    return channel.regenerate_button, [channel.api_key]


def _prompt(page: Page, url: str) -> Shown:
    _, redact = _channel(page, url)
    prompt = ChannelSettings(page, CHANNEL).regenerate()
    expect(prompt.dialog).to_be_visible()
    return prompt.confirm_button, redact


def _overview(page: Page, url: str) -> Shown:
    dashboard = AccountDashboard(page).open()
    expect(dashboard.heading).to_be_visible()
    return dashboard.header.project_named(PROJECT), []


VIEWS: dict[str, Callable[[Page, str], Shown]] = {"channel": _channel, "prompt": _prompt, "overview": _overview}

# Through the CSS object model, which the app's CSP allows: the page's content, and an open prompt's.
NUDGE = "(move) => document.querySelectorAll('main, dialog[open] form').forEach((e) => { e.style.transform = move; })"
CANCEL = r'(<button[^>]*green button">Cancel</button>)'
CONFIRM = r'(<button[^>]*red button">Regenerate</button>)'
REGENERATE = r'(<button[^>]*data-dialog="[^"]*-regenerate">.*?Regenerate</button>)'
CHANGES: dict[str, tuple[str, Edit]] = {
    "prompt-buttons-swapped": ("prompt", _sub(CANCEL + r"(\s*)" + CONFIRM, r"\3\2\1")),
    "cancel-renamed": ("prompt", _sub(r'green button">Cancel<', 'green button">Close<')),
    "regenerate-moved-left-of-the-key": ("channel", _sub(r'(<input id="[^"]*-key".*?)' + REGENERATE, r"\2\1")),
    "copy-removed": ("channel", _sub(r"<button[^>]*data-copy=.*?Copy</button>", "")),
}


@dataclass
class Figures:
    """One logged-in page at the figures' size, and the figure of each view as the app draws it."""

    page: Page
    channel_url: str
    folder: Path

    def before(self, view: str) -> Path:
        """The view's figure as the app draws it, taken the first time it is asked for."""
        book = FigureBook(self.folder / "before", compare=False, tolerance=0)
        figure = book.output / f"{view}.png"
        if not figure.exists():
            book.take(self.page, PurePath(figure.name), *VIEWS[view](self.page, self.channel_url))
        return figure

    def retake(self, view: str, name: str, edit: Edit | None = None, nudge: str | None = None) -> Drift:
        """Take `view` again, its HTML edited or its content moved by the CSS translation `nudge`, and compare
        that figure with the one as drawn."""
        before = self.before(view)
        if edit:
            self.page.route(re.compile(r"/(settings/channels/\d+)?$"), lambda route: _edited(route, edit))
        try:
            target, redact = VIEWS[view](self.page, self.channel_url)
            if nudge:
                self.page.evaluate(NUDGE, nudge)
            book = FigureBook(self.folder / name, compare=True, tolerance=0.005, committed=before.parent)
            _, drift = book.take(self.page, PurePath(before.name), target, redact)
        finally:
            self.page.unroute_all()
        assert drift
        return drift


def _edited(route: Route, edit: Edit) -> None:
    response = route.fetch()
    route.fulfill(response=response, body=edit(response.text()))


@pytest.fixture(scope="module")
def as_drawn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the views' figures as drawn are kept: each is taken once for the module, by the first test that
    needs it."""
    return tmp_path_factory.mktemp("figure-drift")


@pytest.fixture
def figures(page: Page, as_drawn: Path) -> Figures:
    """The logged-in page at the figures' size (the module's marker), on the Integration channel."""
    via_active_project_menu(page, PROJECT).open_channel(CHANNEL)
    expect(ChannelSettings(page, CHANNEL).api_key).to_be_visible()
    return Figures(page, page.url, as_drawn)


@pytest.mark.parametrize(("view", "edit"), CHANGES.values(), ids=CHANGES.keys())
def test_a_control_moved_swapped_renamed_or_removed_makes_the_figure_drift(
    figures: Figures, request: pytest.FixtureRequest, view: str, edit: Edit
) -> None:
    drift = figures.retake(view, request.node.callspec.id, edit=edit)

    assert not drift.passed, drift.describe()
    assert drift.crowded, drift.describe()


def test_the_content_half_a_pixel_along_leaves_the_figure_as_it_was(figures: Figures) -> None:
    drift = figures.retake("channel", "half-a-pixel-along", nudge="translate(0.5px, 0.5px)")

    assert drift.passed, drift.describe()


def test_other_dates_leave_the_figure_as_it_was(figures: Figures) -> None:
    other_dates = _sub(r'(<time datetime="[^"]+">)[^<]+(</time>)', r"\g<1>30 September 2026\g<2>")

    drift = figures.retake("overview", "other-dates", edit=other_dates)

    assert drift.passed, drift.describe()
