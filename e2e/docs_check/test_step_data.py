"""The step data covers the how-to: its figure captions, the product's figures, both methods, and its gaps."""

from pathlib import Path

import pytest

from .differences import DIFFERENCES
from .steps import METHOD_1, METHOD_2, METHODS

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
REFERENCE_UI = Path(__file__).resolve().parents[3] / "shared" / "reference-ui"
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
    claims = [claim for method in METHODS for step in method.steps for claim in step.shows + step.then]

    assert not [claim.says for claim in claims if "integration" in claim.says.lower()]


def test_step_ids_are_unique_within_a_method() -> None:
    for method in METHODS:
        ids = [step.id for step in method.steps]
        assert len(ids) == len(set(ids)), method.name
