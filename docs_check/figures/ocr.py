"""Reading a figure's words: Tesseract (Debian's `tesseract-ocr`, through pytesseract), or nothing.

A run without the engine still checks everything else; it says that figures were not judged.
`python -m docs_check.figures.ocr install` installs the engine where it can (as root on Debian or Ubuntu) and
says what to do elsewhere; it never fails the setup.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageChops, ImageFilter, ImageOps

WIDTH = 2940  # the product's figures are 2x captures of a 1470 px window; small text reads better at this size
NO_OCR = "no OCR engine (install Debian's tesseract-ocr: `python -m docs_check.figures.ocr install`)"
CONFIDENT = 30  # Tesseract's confidence (0-100) below which a word is noise: an icon, an arrow, a box's edge
DARK = 110  # a neighbourhood darker than this (of 255) holds light text: a dark header, a dimmed page


@dataclass(frozen=True)
class Word:
    text: str
    x: float  # the word's centre, as a share of the image's width and height
    y: float


@cache
def engine() -> str | None:
    """The Tesseract version in use, or None where there is none."""
    try:
        import pytesseract
    except ImportError:
        return None
    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError):
        return None


def words(image: Image.Image, scale: float | None = None) -> list[Word]:
    """The words of an image in reading order, as Tesseract reads them, each with where it is.
    `scale`: how much to enlarge it (by default, to the width Tesseract reads a whole window best at)."""
    import pytesseract

    grey = _legible(image, scale or WIDTH / image.width)
    data = pytesseract.image_to_data(grey, output_type=pytesseract.Output.DICT)
    found = []
    for index, text in enumerate(data["text"]):
        if text.strip() and float(data["conf"][index]) >= CONFIDENT:
            x = (data["left"][index] + data["width"][index] / 2) / grey.width
            y = (data["top"][index] + data["height"][index] / 2) / grey.height
            found.append(Word(text.strip(), x, y))
    return found


def _legible(image: Image.Image, scale: float) -> Image.Image:
    """Grey, enlarged, with light text on dark ground turned dark on light: Tesseract misses small grey
    words on a dark header otherwise."""
    grey = image.convert("L")
    if scale != 1:
        size = (round(grey.width * scale), round(grey.height * scale))
        grey = grey.resize(size, Image.Resampling.LANCZOS)
    ground = grey.filter(ImageFilter.BoxBlur(20))
    dark = ground.point(lambda value: 255 if value < DARK else 0)
    lifted = ImageOps.invert(ImageChops.subtract(grey, ground, scale=0.25))  # what stands out, four times as much
    return Image.composite(lifted, grey, dark)


def install() -> int:
    if engine():
        print(f"OCR: Tesseract {engine()} is installed")
        return 0
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("OCR: installing Debian's tesseract-ocr (about 15 MB with its English data)")
        done = subprocess.run(["apt-get", "install", "-y", "-qq", "tesseract-ocr"], check=False)
        if done.returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], check=False)
            subprocess.run(["apt-get", "install", "-y", "-qq", "tesseract-ocr"], check=False)
        engine.cache_clear()
    if not engine():
        print("OCR: no Tesseract; figures will not be judged. Install it with `apt-get install tesseract-ocr`")
        print("     (or `brew install tesseract`), then run the check again.")
    return 0


if __name__ == "__main__":
    sys.exit(install() if sys.argv[1:] == ["install"] else 2)
