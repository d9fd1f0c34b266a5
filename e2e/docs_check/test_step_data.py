"""The step data covers the how-to: each of its figures, both methods, and the step it leaves out."""
from pathlib import Path

import pytest

from .steps import METHOD_2, METHODS

pytestmark = pytest.mark.docs

HOW_TO_FIGURES = {
    "Dashboard Active Project", "Dashboard Click Project Settings", "ChannelsChannelsTab", "Regen Click Int Channel",
    "Regen Int Click Regen", "Regen Int Confirm", "Regen Int View", "Project Click Logo", "Projects View Tile",
    "Regen Int View2",
}
REFERENCE_UI = Path(__file__).resolve().parents[3] / "shared" / "reference-ui"
PRODUCT_FIGURES = {  # shared/reference-ui/, the product's own screenshots of the how-to
    "dashboardactiveproject.png", "dashboard-clickprojectsettings.png", "channels-channelstab.png",
    "regen-clickintchannel.png", "regen-intclickregen.png", "regen-intconfirm.png", "regen-intview.png",
    "project-clicklogo.png", "project-viewtile.png", "project-clickellipsis.png", "project-clicksettings.png",
}


def test_every_figure_of_the_how_to_has_a_step() -> None:
    figures = {step.figure for method in METHODS for step in method.steps if step.figure}

    assert figures == HOW_TO_FIGURES


def test_every_product_figure_has_a_step() -> None:
    figures = {step.product_figure for method in METHODS for step in method.steps}

    assert figures == PRODUCT_FIGURES
    if REFERENCE_UI.is_dir():  # beside a checkout that has the product's figures, they are all there
        assert PRODUCT_FIGURES <= {path.name for path in REFERENCE_UI.glob("*.png")}


def test_the_tile_menu_step_is_flagged_as_missing_from_the_how_to() -> None:
    missing = [step.id for step in METHOD_2.steps if not step.in_how_to]

    assert missing == ["tile-options", "tile-settings"]
    assert all(step.figure is None for step in METHOD_2.steps if not step.in_how_to)


def test_step_ids_are_unique_within_a_method() -> None:
    for method in METHODS:
        ids = [step.id for step in method.steps]
        assert len(ids) == len(set(ids)), method.name
