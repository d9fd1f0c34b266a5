"""Where a document's figure lives on disk, under `--how-to-assets DIR` (the docs site's root).

MDX imports `@site/static/img/x.png` and Markdown links `/img/x.png`, both served from the site's
`static/` folder; a built page links `/assets/images/x-<hash>.png` under the built site. The plain-text
copy keeps only a caption, matched with the name of an image under DIR once case, spaces and
punctuation are ignored (the closest name, if it is close enough).
"""

import re
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from ..reading import Figure
from ..steps import Document

IMAGES = ("*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp")
HASHED = re.compile(r"^(?P<name>.+)-[0-9a-f]{8,}$")  # a built site's content hash after the name
CLOSE = 88  # rapidfuzz ratio from which a caption names an image ("Projects View Tile" / project-viewtile.png)


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def locate(figure: Figure, document: Document, assets: Path | None) -> Path | None:
    """The image file of a figure, or None where it cannot be found."""
    if figure.src:
        return _by_src(figure.src, Path(document.path).parent, assets)
    return _by_caption(figure.caption, assets) if assets else None


def _by_src(src: str, beside: Path, assets: Path | None) -> Path | None:
    src = src.split("?")[0].split("#")[0]
    if re.match(r"^[a-z]+://", src):
        return None  # the network is not the check's to use
    tried: list[Path] = []
    if src.startswith("@site/"):
        tried += [assets / src.removeprefix("@site/")] if assets else []
    elif src.startswith("/"):
        tried += [assets / "static" / src[1:], assets / src[1:]] if assets else []
    else:
        tried += [beside / src] + ([assets / src] if assets else [])
    found = next((path for path in tried if path.is_file()), None)
    if found is None and assets and src.startswith("/assets/"):
        hashed = HASHED.match(Path(src).stem)  # the built page's image, by its source's name
        found = _named(assets, hashed.group("name") if hashed else Path(src).stem, exact=True)
    return found


def _by_caption(caption: str, assets: Path) -> Path | None:
    return _named(assets, caption, exact=False)


@cache
def _images(assets: Path) -> dict[str, Path]:
    return {_plain(path.stem): path for pattern in IMAGES for path in sorted(assets.rglob(pattern))}


def _named(assets: Path, name: str, exact: bool) -> Path | None:
    images = _images(assets)
    wanted = _plain(name)
    if wanted in images:
        return images[wanted]
    if exact or not images:
        return None
    best = process.extractOne(wanted, list(images), scorer=fuzz.ratio, score_cutoff=CLOSE)
    return images[best[0]] if best else None
