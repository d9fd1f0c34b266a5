"""What changed between two renderings of a screen, beyond the noise of drawing it.

Two builds of one browser draw the same page a little differently: a glyph's edge is anti-aliased a
shade lighter or darker, a glyph lands a fraction of a pixel further along, a stem is drawn sharp in
one pixel or soft across two. None of that moves a control. So a pixel counts as changed only when
the other figure has no colour like it within one pixel, and the ink around it changed as well (a
stem drawn sharper or softer keeps its ink); and a figure counts as drifted where changed pixels
crowd together, as they do where a button moved, swapped places, was renamed or is gone.

Measured on the app's figures of the Overview, the opened channel, the Channels tab and the prompt
(e2e/docs_check/test_figure_drift.py keeps two of the cases): drawn at twice the resolution and scaled down,
without subpixel glyph positioning, with other font hinting, with the content a quarter to three
quarters of a pixel along, or with other dates, no patch of 17x17 pixels had more than 2.4% of its
pixels changed; a button moved by 3 px, swapped, renamed or removed, a tab or card renamed, or one
letter of the prompt's question changed case, changed 13% or more of some patch.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageFilter

# A pixel's colour may move this much (of 255, in each channel) beyond the colours the other figure has
# within one pixel of it: anti-aliasing, and a redacted value's grey box a little wider or narrower than
# before (its grey differs from the white beside it by 42).
COLOUR_TOLERANCE = 48
# The average colour of the 3x3 pixels around it must move this much too: a stem drawn across two pixels
# at half strength instead of one at full strength, or a fraction of a pixel along, keeps its ink.
INK_TOLERANCE = 32
NEIGHBOURHOOD = 1  # px on each side of a pixel, for both tests
# Changed pixels are counted in windows about the height of a line of the app's text.
WINDOW_RADIUS = 8  # px: windows of 17x17
# A window with more than this share of its pixels changed holds a change a reader sees: noise stays
# under 2.4%, the smallest change measured reaches 13% (see above).
CROWDED = 0.06

Pick = Callable[[Image.Image, Image.Image], Image.Image]  # ImageChops.darker or .lighter


@dataclass(frozen=True)
class Difference:
    mask: Image.Image  # "L": 255 where a pixel changed
    changed: float  # share of all pixels that changed
    densest: float  # the largest share of changed pixels in any window
    crowded: tuple[int, int, int, int] | None  # the box around every window over CROWDED, if any


def difference(old: Image.Image, new: Image.Image) -> Difference:
    """Compare two RGB figures of the same size."""
    mask = Image.new("L", old.size, 0)
    box = ImageChops.difference(old, new).getbbox()  # most figures are pixel for pixel the same
    if box:
        # Only pixels inside the box can have changed; the tests look one pixel around each.
        margin = 2 * NEIGHBOURHOOD
        area = (
            max(box[0] - margin, 0),
            max(box[1] - margin, 0),
            min(box[2] + margin, old.width),
            min(box[3] + margin, old.height),
        )
        mask.paste(_changed(old.crop(area), new.crop(area)), area[:2])
    return _measure(mask)


def _changed(old: Image.Image, new: Image.Image) -> Image.Image:
    colour = ImageChops.lighter(_outside(new, old), _outside(old, new))
    around = ImageFilter.BoxBlur(NEIGHBOURHOOD)
    ink = _worst_channel(ImageChops.difference(old.filter(around), new.filter(around)))
    return ImageChops.darker(
        colour.point(lambda v: 255 if v >= COLOUR_TOLERANCE else 0),
        ink.point(lambda v: 255 if v >= INK_TOLERANCE else 0),
    )


def _outside(image: Image.Image, around: Image.Image) -> Image.Image:
    """How far each pixel of `image` lies outside the range of colours `around` has near it (the worst channel)."""
    low, high = _extreme(around, ImageChops.darker), _extreme(around, ImageChops.lighter)
    return _worst_channel(ImageChops.lighter(ImageChops.subtract(image, high), ImageChops.subtract(low, image)))


def _worst_channel(image: Image.Image) -> Image.Image:
    red, green, blue = image.split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue)


def _extreme(image: Image.Image, pick: Pick) -> Image.Image:
    """Each pixel's darkest or lightest value in its 3x3 neighbourhood, channel by channel: what Pillow's
    MinFilter(3) and MaxFilter(3) give, five times faster as a pass along rows then one along columns."""
    rows = pick(pick(image, _shifted(image, 1, 0)), _shifted(image, -1, 0))
    return pick(pick(rows, _shifted(rows, 0, 1)), _shifted(rows, 0, -1))


def _shifted(image: Image.Image, dx: int, dy: int) -> Image.Image:
    """`image` moved by one pixel, its edge row or column left where nothing moved in."""
    width, height = image.size
    moved = image.copy()
    source = (max(-dx, 0), max(-dy, 0), width - max(dx, 0), height - max(dy, 0))
    moved.paste(image.crop(source), (max(dx, 0), max(dy, 0)))
    return moved


def _measure(mask: Image.Image) -> Difference:
    count = mask.histogram()[255]
    if not count:
        return Difference(mask, 0.0, 0.0, None)
    # A margin of unchanged pixels, or a window at the figure's edge would count copies of its edge.
    r = WINDOW_RADIUS
    padded = Image.new("L", (mask.width + 2 * r, mask.height + 2 * r), 0)
    padded.paste(mask, (r, r))
    density = padded.filter(ImageFilter.BoxBlur(r)).crop((r, r, r + mask.width, r + mask.height))
    over = density.point(lambda v: 255 if v > CROWDED * 255 else 0).getbbox()
    crowded = None
    if over:
        crowded = (
            max(over[0] - r, 0),
            max(over[1] - r, 0),
            min(over[2] + r, mask.width),
            min(over[3] + r, mask.height),
        )
    counts = density.histogram()
    densest = max(value for value in range(256) if counts[value])
    return Difference(mask, count / (mask.width * mask.height), densest / 255, crowded)
