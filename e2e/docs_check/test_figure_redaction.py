"""Figures grey out what changes from run to run, text in HTML and SVG alike, and leave the page as it was."""

from pathlib import Path, PurePath

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from docs_check.figures.book import FigureBook

pytestmark = pytest.mark.docs

# One of each kind the app shows: a date, a relative time, a chart's SVG weekday, a tile's weekday.
CALENDAR_PAGE = """
<p>Connected <time datetime="2024-01-09">2 days ago</time></p>
<p><time datetime="2024-01-02">2 January 2024</time></p>
<svg width="300" height="40"><text class="weekday" x="20" y="25" font-size="14">Wed</text></svg>
<p><span class="weekday">Thu</span></p>
<button>Target</button>
"""
DARKEST_GREY = 150  # text is drawn darker than this; the redaction grey and the white page are lighter


def test_a_figure_greys_out_dates_times_and_weekdays_then_restores_them(page: Page, tmp_path: Path) -> None:
    page.set_content(CALENDAR_PAGE)
    changing = page.locator("time, text.weekday, span.weekday")
    boxes = [box for box in (changing.nth(i).bounding_box() for i in range(changing.count())) if box]
    book = FigureBook(output=tmp_path, compare=False, tolerance=0)

    figure, _ = book.take(page, PurePath("probe", "calendar.png"), page.get_by_role("button", name="Target"), [])

    with Image.open(figure) as image:
        grey = image.convert("L")
        for box in boxes:
            area = grey.crop(
                (int(box["x"]), int(box["y"]), int(box["x"] + box["width"]), int(box["y"] + box["height"]))
            )
            assert area.getextrema()[0] > DARKEST_GREY, f"text shows through the redaction at {box}"
    expect(page.locator("time").first).to_have_css("color", "rgb(0, 0, 0)")
    expect(page.locator("text.weekday")).to_have_css("fill", "rgb(0, 0, 0)")
    expect(page.locator("span.weekday")).to_have_css("background-color", "rgba(0, 0, 0, 0)")
