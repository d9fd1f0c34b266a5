"""The figure comparison's rules on small drawn figures, and which browsers' figures it compares."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from docs_check.figures.book import comparable, compare, must_compare
from docs_check.figures.drift import difference

pytestmark = pytest.mark.docs

SIZE = (800, 400)  # about a quarter of a figure
COMMITTED = "chromium 156.0.8078.108 on Linux"


def _page(*shapes: Callable[[ImageDraw.ImageDraw], None]) -> Image.Image:
    image = Image.new("RGB", SIZE, "white")
    for shape in shapes:
        shape(ImageDraw.Draw(image))
    return image


def _button(at: int) -> Image.Image:
    """A bordered button with a dark label, its left edge at x = `at`."""
    return _page(
        lambda draw: draw.rectangle((at, 30, at + 60, 60), outline=(90, 90, 90)),
        lambda draw: draw.text((at + 8, 38), "Cancel", fill="black"),
    )


def _stem(x: int, grey: int) -> Callable[[ImageDraw.ImageDraw], None]:
    return lambda draw: draw.line((x, 20, x, 70), fill=(grey, grey, grey))


def test_a_stem_drawn_soft_across_two_pixels_instead_of_sharp_in_one_is_no_change() -> None:
    sharp = _page(_stem(50, 40))
    soft = _page(_stem(50, 148), _stem(51, 148))

    found = difference(sharp, soft)

    assert found.changed == 0


def test_a_control_one_pixel_along_is_no_change() -> None:
    found = difference(_button(40), _button(41))

    assert found.crowded is None


def test_a_redacted_value_a_little_wider_is_no_change() -> None:
    grey = (213, 213, 224)  # the figures' redaction grey
    narrow = _page(lambda draw: draw.rectangle((20, 40, 120, 55), fill=grey))
    wide = _page(lambda draw: draw.rectangle((20, 40, 135, 55), fill=grey))

    assert difference(narrow, wide).changed == 0


def test_a_control_moved_by_three_pixels_is_a_change_where_it_stands() -> None:
    found = difference(_button(40), _button(43))

    assert found.crowded is not None
    left, top, right, bottom = found.crowded
    assert left <= 43 and right >= 100 and top <= 30 and bottom >= 60
    assert found.changed < 0.005, "far under the share of pixels that the whole figure may change"


def test_a_control_gone_is_a_change() -> None:
    assert difference(_button(40), _page()).crowded is not None


def test_a_crowded_change_fails_the_comparison_far_under_the_tolerance(tmp_path: Path) -> None:
    _button(40).save(tmp_path / "old.png")
    _button(43).save(tmp_path / "new.png")

    drift = compare(tmp_path / "old.png", tmp_path / "new.png", 0.005, tmp_path / "diff.png")

    assert not drift.passed
    assert drift.changed is not None and drift.changed < drift.tolerance
    assert "a change at x " in drift.describe() and (tmp_path / "diff.png").exists()


@pytest.mark.parametrize(
    ("taken_by", "expected"),
    [
        ("chromium 156.0.8078.108 on Linux", True),
        ("chromium 156.0.8078.114 on Linux", True),
        ("chromium 157.0.8100.2 on Linux", False),
        ("chromium 156.0.8078.108 on Darwin", False),
        ("firefox 156.0 on Linux", False),
    ],
)
def test_figures_are_compared_across_patch_versions_of_one_engine_only(taken_by: str, expected: bool) -> None:
    assert comparable(taken_by, COMMITTED) is expected


def test_in_ci_the_engine_that_took_the_figures_must_compare_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")

    assert must_compare("chromium 157.0.8100.2 on Linux", COMMITTED)
    assert must_compare("chromium 157.0.8100.2 on Linux", None)
    assert not must_compare("webkit 26.0 on Linux", COMMITTED)


def test_outside_ci_a_run_that_cannot_compare_only_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)

    assert not must_compare("chromium 157.0.8100.2 on Linux", COMMITTED)
