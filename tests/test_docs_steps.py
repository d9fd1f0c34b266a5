"""The step data covers the routes of `pages.how_to`, the how-to's figure captions, the product's figures, its gaps."""

from pathlib import Path, PurePosixPath
from unittest.mock import create_autospec

import pytest
from playwright.sync_api import Page

from docs_check.claims import Placed
from docs_check.differences import DIFFERENCES
from docs_check.figures import FIGURES
from docs_check.guide import GUIDE, render
from docs_check.method import Method, figure_name, step_label
from docs_check.steps import METHOD_1, METHOD_2, METHODS
from pages.how_to import ROUTES
from pages.screen import Screen

pytestmark = pytest.mark.docs

# The how-to's captions (the alt text of its figures); Method 2 reuses the shared steps' captions.
HOW_TO_FIGURES = {
    "Dashboard Active Project",
    "Dashboard Click Project Settings",
    "ChannelsChannelsTab",
    "Regen Click Int Channel",
    "Regen Int Click Regen",
    "Regen Int Confirm",
    "Regen Int View",
    "Project Click Logo",
    "Projects View Tile",
}
REFERENCE_UI = Path(__file__).resolve().parents[2] / "shared" / "reference-ui"
SHARED = (
    "channels-channelstab.png",
    "regen-clickintchannel.png",
    "regen-intclickregen.png",
    "regen-intconfirm.png",
    "regen-intview.png",
)
# The product's own screenshot of each step, in order (shared/reference-ui/).
PRODUCT_FIGURES = {
    METHOD_1.key: ("dashboardactiveproject.png", "dashboard-clickprojectsettings.png", *SHARED),
    METHOD_2.key: (
        "project-clicklogo.png",
        "project-viewtile.png",
        "project-clickellipsis.png",
        "project-clicksettings.png",
        *SHARED,
    ),
}


def test_each_method_is_one_of_the_routes_the_browser_tests_take() -> None:
    assert [method.route for method in METHODS] == list(ROUTES)
    assert all(tuple(step.move for step in method.steps) == method.route.moves for method in METHODS)


def test_steps_out_of_their_routes_order_are_refused() -> None:
    steps = METHOD_1.steps

    with pytest.raises(ValueError, match="not the moves of its route"):
        Method(METHOD_1.route, (steps[1], steps[0], *steps[2:]))
    with pytest.raises(ValueError, match="not the moves of its route"):
        Method(METHOD_2.route, steps)


def test_every_target_action_and_claim_resolves_against_the_page_objects() -> None:
    """A renamed page-object member fails here, without a browser, and not halfway through a walk."""
    screen = Screen.of(create_autospec(Page, instance=True), "Project", "Channel")

    for method in METHODS:
        for step in method.steps:
            step.move.target(screen)
            if step.move.action:
                step.move.action(screen)
            for claim in step.claims:
                claim.check.target(screen)
                if isinstance(claim.check, Placed) and claim.check.within:
                    claim.check.within(screen)


def test_a_step_is_named_and_its_figure_filed_by_method_and_number() -> None:
    number, step = METHOD_2.numbered()[2]

    assert step_label(METHOD_2, number) == "Method 2, step 3"
    assert figure_name(METHOD_2, number, step) == PurePosixPath("method-2/03-tile-options.png")


def test_the_committed_figures_and_guide_are_those_of_the_steps() -> None:
    """`make docs` writes them; this says when the steps changed without it."""
    named = {figure_name(method, number, step) for method in METHODS for number, step in method.numbered()}

    assert {PurePosixPath(path.relative_to(FIGURES)) for path in FIGURES.rglob("*.png")} == named
    assert GUIDE.read_text() == render(GUIDE)


def test_every_figure_of_the_how_to_has_a_step() -> None:
    figures = {step.figure for method in METHODS for step in method.steps if step.figure}

    assert figures == HOW_TO_FIGURES


def test_each_step_names_the_product_figure_it_stands_for() -> None:
    for method in METHODS:
        assert tuple(step.product_figure for step in method.steps) == PRODUCT_FIGURES[method.key], method.name
    if REFERENCE_UI.is_dir():  # beside a checkout that has the product's figures, they are all there
        named = {figure for figures in PRODUCT_FIGURES.values() for figure in figures}
        assert named == {path.name for path in REFERENCE_UI.glob("*.png")}


def test_every_product_figure_has_its_differences_listed() -> None:
    named = {step.product_figure for method in METHODS for step in method.steps}

    assert set(DIFFERENCES) == named
    assert all(DIFFERENCES.values())


def test_only_the_projects_dashboard_figures_are_whole_pages() -> None:
    whole = [(method.key, step.id) for method in METHODS for step in method.steps if step.full_page]

    assert whole == [("method-2", "find-tile"), ("method-2", "tile-options"), ("method-2", "tile-settings")]


def test_the_tile_menu_steps_are_flagged_as_missing_from_the_how_to() -> None:
    missing = [step.id for step in METHOD_2.steps if not step.in_how_to]

    assert missing == ["tile-options", "tile-settings"]
    assert all(step.figure is None and step.gap for step in METHOD_2.steps if not step.in_how_to)


def test_where_the_how_to_differs_from_the_screen_the_step_reports_a_gap() -> None:
    gaps = {(method.key, step.id): step.gap or "" for method in METHODS for step in method.steps}

    assert '"Project settings"' in gaps[("method-1", "project-settings")]
    assert '"Settings..."' in gaps[("method-2", "tile-settings")]
    assert "add a new Integration channel" in gaps[("method-2", "find-tile")]
    assert "Integration" in gaps[("method-1", "click-channel")]
    assert gaps[("method-2", "click-channel")] == gaps[("method-1", "click-channel")]


def test_no_claim_expects_the_screen_to_mark_an_integration_channel() -> None:
    """Nothing on screen says "Integration": that is a gap of the how-to, not something to check."""
    claims = [claim for method in METHODS for step in method.steps for claim in step.claims]

    assert not [claim.says for claim in claims if "integration" in claim.says.lower()]


def test_step_ids_are_unique_within_a_method() -> None:
    for method in METHODS:
        ids = [step.id for step in method.steps]
        assert len(ids) == len(set(ids)), method.name
