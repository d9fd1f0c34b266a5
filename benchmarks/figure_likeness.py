"""Benchmark `figure_likeness`: how like the product's own screenshots the mock's figures are, figure by figure.

    python -m benchmarks.figure_likeness [--reference ../shared/reference-ui] [--figures docs/figures]

Each of the product's figures of the how-to (`../shared/reference-ui`, 1470 px wide) is laid beside the mock's
figure of the same step (`docs/figures`, which `make docs` retakes) and scored with SSIM, the structural
similarity of Wang et al. (2004): grey levels, an 11 x 11 Gaussian window of sigma 1.5, K1 = 0.01, K2 = 0.03,
the mean over every whole window; 1.0 is the same picture. Where one figure is taller (the product's window
was shorter, or our whole page longer), only the top part both show is compared, as the documentation check
does; where a step's point is a small part of its figure (FOCUS: the prompt), that part is scored alone too.
Both sides keep their annotations (the product's purple boxes, our pink outline) and ours its greyed-out
values, so no pair reaches 1.0; the score is for telling the screens least like the product's apart, and for
seeing a change of look move it. Writes benchmarks/results/figure_likeness.json and figure_likeness.md.
"""

from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from benchmarks.common import ROOT, Measurement, arguments, table

TITLE = "Figure likeness: the mock's figures against the product's"
SHOWS = (
    "SSIM of each of the product's figures of the how-to (`../shared/reference-ui`) against the mock's figure"
    " of the same step (`docs/figures`), over the part both show; 1.0 is the same picture."
)
REFERENCE = ROOT.parent / "shared" / "reference-ui"
FIGURES = ROOT / "docs" / "figures"
# The product's figure of each step, and ours (shared/reference-ui/README.md names the steps).
PAIRS = {
    "dashboardactiveproject.png": "method-1/02-active-project.png",
    "dashboard-clickprojectsettings.png": "method-1/03-project-settings.png",
    "channels-channelstab.png": "method-1/06-channels.png",
    "regen-clickintchannel.png": "method-1/07-channel.png",
    "regen-intclickregen.png": "method-1/10-regenerate.png",
    "regen-intconfirm.png": "method-1/12-regenerate.png",
    "regen-intview.png": "method-1/13-new-key.png",
    "project-clicklogo.png": "method-2/01-logo.png",
    "project-viewtile.png": "method-2/02-tile.png",
    "project-clickellipsis.png": "method-2/03-tile-options.png",
    "project-clicksettings.png": "method-2/04-settings.png",
}
# Where a figure's point is a small part of it, that part alone too (left, top, right, bottom in the product's
# figure's pixels): the prompt is a line and two buttons on a page dimmed behind it, which the product's figure
# shows scrolled further down than ours.
FOCUS = {"regen-intconfirm.png": ("the prompt", (450, 160, 1060, 300))}
SIGMA, RADIUS = 1.5, 5  # the 11 x 11 Gaussian window
C1, C2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2

Grey = NDArray[np.float64]


def _grey(path: Path) -> Grey:
    with Image.open(path) as image:
        return np.asarray(image.convert("L"), dtype=np.float64)


def _blur(image: Grey) -> Grey:
    """The Gaussian-weighted mean around each pixel, for the windows that lie wholly inside the image."""
    offsets = np.arange(-RADIUS, RADIUS + 1)
    weights = np.exp(-(offsets**2) / (2 * SIGMA**2))
    weights /= weights.sum()
    size = 2 * RADIUS + 1
    rows = sum(weight * image[i : image.shape[0] - size + 1 + i] for i, weight in enumerate(weights))
    return np.asarray(sum(weight * rows[:, i : rows.shape[1] - size + 1 + i] for i, weight in enumerate(weights)))


def ssim(first: Grey, second: Grey) -> float:
    """Mean SSIM of two grey images of one size."""
    mean_1, mean_2 = _blur(first), _blur(second)
    var_1 = _blur(first * first) - mean_1**2
    var_2 = _blur(second * second) - mean_2**2
    covariance = _blur(first * second) - mean_1 * mean_2
    score = ((2 * mean_1 * mean_2 + C1) * (2 * covariance + C2)) / ((mean_1**2 + mean_2**2 + C1) * (var_1 + var_2 + C2))
    return float(score.mean())


def compare(reference: Path, ours: Path) -> list[dict[str, Any]]:
    """SSIM of the product's figure and ours over the top part both show (they are both 1470 px wide), and of
    its FOCUS part alone where it has one."""
    theirs, mine = _grey(reference), _grey(ours)
    height, width = min(theirs.shape[0], mine.shape[0]), min(theirs.shape[1], mine.shape[1])
    row = {
        "product": reference.name, "ours": str(ours.relative_to(ROOT) if ours.is_relative_to(ROOT) else ours),
        "product_size": f"{theirs.shape[1]}x{theirs.shape[0]}", "our_size": f"{mine.shape[1]}x{mine.shape[0]}",
        "compared": f"{width}x{height}", "ssim": round(ssim(theirs[:height, :width], mine[:height, :width]), 3),
    }  # fmt: skip
    if reference.name not in FOCUS:
        return [row]
    part, (left, top, right, bottom) = FOCUS[reference.name]
    score = ssim(theirs[top:bottom, left:right], mine[top:bottom, left:right])
    where = f"x {left}-{right}, y {top}-{bottom}"
    return [row, {**row, "product": f"{reference.name}: {part} alone", "compared": where, "ssim": round(score, 3)}]


def render(rows: list[dict[str, Any]]) -> str:
    whole = [row for row in rows if row["product"] in PAIRS]
    lowest = min(row["ssim"] for row in whole)
    columns = ("product", "ours", "product_size", "our_size", "compared")
    cells = [
        [
            *(row[column] for column in columns),
            f"**{row['ssim']:.3f}**" if row["ssim"] == lowest else f"{row['ssim']:.3f}",
        ]
        for row in rows
    ]
    mean = sum(row["ssim"] for row in whole) / len(whole)
    cells.append(["mean of the whole figures", "", "", "", "", f"{mean:.3f}"])
    return table(["Product's figure", "Ours", "Product px", "Ours px", "Compared px", "SSIM"], cells)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = arguments(__doc__)
    parser.add_argument("--reference", type=Path, default=REFERENCE, help="the product's (default: %(default)s)")
    parser.add_argument("--figures", type=Path, default=FIGURES, help="ours (default: %(default)s)")
    args = parser.parse_args(argv)
    measurement = Measurement("figure_likeness", TITLE, SHOWS, argv)
    missing = [str(path) for name, figure in PAIRS.items() for path in (args.reference / name, args.figures / figure)
               if not path.exists()]  # fmt: skip
    if missing:
        raise SystemExit("missing figures (run `make docs` for ours):\n  " + "\n  ".join(missing))
    rows = [
        row
        for name, figure in PAIRS.items()
        for row in compare(args.reference / name, (args.figures / figure).resolve())
    ]
    settings = {"window": f"{2 * RADIUS + 1}x{2 * RADIUS + 1} Gaussian, sigma {SIGMA}", "k1": 0.01, "k2": 0.03}
    return measurement.publish(rows, render(rows), **settings)


if __name__ == "__main__":
    main()
