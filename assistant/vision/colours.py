"""Main colours of a picture in plain words ("dark red", "light blue", "grey").

Each pixel of a small copy is named from its hue, saturation and value by a few
rules a person would agree with (dark orange is brown, pale red is pink, little
saturation is a grey); the names are then counted. Pure numpy.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import numpy as np

from .measure import rgb_array

if TYPE_CHECKING:
    from PIL import Image

# Hue ranges in degrees, upper bounds; red wraps around 360.
_HUES = ((15, "red"), (40, "orange"), (70, "yellow"), (165, "green"), (195, "teal"),
         (255, "blue"), (290, "purple"), (340, "pink"), (361, "red"))
_GREYS = ("black", "dark grey", "grey", "light grey", "white")


@dataclass(frozen=True)
class ColourShare:
    name: str
    share: float          # of the picture's area, 0..1

    def to_dict(self) -> dict:
        return {"name": self.name, "share": round(self.share, 3)}


def rgb_to_hsv(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hue in degrees 0..360, saturation and value 0..1, for float RGB in 0..1."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    top = rgb.max(axis=-1)
    chroma = top - rgb.min(axis=-1)
    safe = np.where(chroma > 0, chroma, 1.0)
    hue = np.where(top == r, ((g - b) / safe) % 6,
                   np.where(top == g, (b - r) / safe + 2, (r - g) / safe + 4)) * 60.0
    hue = np.where(chroma > 0, hue, 0.0)
    sat = np.where(top > 0, chroma / np.where(top > 0, top, 1.0), 0.0)
    return hue, sat, top


def pixel_names(rgb: np.ndarray) -> np.ndarray:
    """One colour name per pixel (array of str) for float RGB in 0..1."""
    hue, sat, val = rgb_to_hsv(rgb)
    names = np.empty(hue.shape, dtype=object)

    # Hue is meaningless in near-black pixels and with little saturation: those are greys.
    grey = (val < 0.16) | (sat < 0.18) | ((sat < 0.28) & (val < 0.35))
    grey_step = np.digitize(val, [0.16, 0.40, 0.65, 0.88])
    names[grey] = np.array(_GREYS, dtype=object)[grey_step[grey]]

    base = np.empty(hue.shape, dtype=object)
    lower = 0.0
    for upper, word in _HUES:
        base[(hue >= lower) & (hue < upper)] = word
        lower = upper

    coloured = ~grey
    dark = val < 0.42
    pale = (sat < 0.45) & (val > 0.70)
    warm = np.isin(base, ("red", "orange", "yellow"))
    # Dark orange/yellow is what people call brown; dimmed, desaturated red too.
    brown = coloured & (((base == "orange") | (base == "yellow")) & (val < 0.62)
                        | (base == "red") & (val < 0.62) & (sat < 0.6))
    names[brown] = np.where(val[brown] < 0.25, "dark brown", "brown")
    # Only vivid, bright orange is "orange"; wood, copper and skin tones are tan shades.
    soft_orange = coloured & ~brown & (base == "orange") & ((sat < 0.8) | (val < 0.8))
    names[soft_orange] = np.where(pale[soft_orange], "beige", "light brown")
    pink = coloured & ~brown & (base == "red") & pale
    names[pink] = "pink"
    rest = coloured & ~brown & ~soft_orange & ~pink
    prefix = np.where(dark, "dark ", np.where(pale & ~warm, "light ", ""))
    names[rest] = (prefix[rest].astype(object) + base[rest])
    return names


def main_colours(img: "Image.Image | np.ndarray", *, limit: int = 3,
                 min_share: float = 0.08) -> tuple[ColourShare, ...]:
    """The largest named colour areas, biggest first, each covering at least ``min_share``."""
    names = pixel_names(rgb_array(img, max_side=128)).ravel()
    words, counts = np.unique(names.astype(str), return_counts=True)
    order = np.argsort(-counts, kind="stable")
    total = float(names.size)
    shares = [ColourShare(str(words[i]), float(counts[i]) / total) for i in order]
    picked = [c for c in shares if c.share >= min_share][:limit]
    return tuple(picked or shares[:1])


def base_shares(colours: Sequence[ColourShare]) -> list[tuple[str, float]]:
    """Shares summed by base colour ("dark red" + "red" -> "red"), biggest first."""
    sums: dict[str, float] = {}
    for c in colours:
        base = c.name.split()[-1]
        sums[base] = sums.get(base, 0.0) + c.share
    return sorted(sums.items(), key=lambda kv: -kv[1])


def quarter_cover(img: "Image.Image | np.ndarray") -> dict[str, float]:
    """For each base colour, its share in the quarter of the picture where it is rarest."""
    names = pixel_names(rgb_array(img, max_side=64))
    base = np.vectorize(lambda n: n.split()[-1], otypes=[object])(names)
    h, w = base.shape
    quarters = [base[:h // 2, :w // 2], base[:h // 2, w // 2:], base[h // 2:, :w // 2],
                base[h // 2:, w // 2:]]
    cover: dict[str, float] = {}
    for word in set(base.ravel().tolist()):
        cover[word] = min(float((q == word).mean()) if q.size else 0.0 for q in quarters)
    return cover


def object_colours(rgb: np.ndarray, box: tuple[float, float, float, float], *,
                   limit: int = 6) -> tuple[ColourShare, ...]:
    """The colours inside ``box`` (fractions of the picture), its outer tenth left out.

    A detector's box holds some background at its edges; what is in the middle is the
    thing (and, for a cup seen from above, what is in it: both are said).
    """
    left, top, right, bottom = box
    bw, bh = right - left, bottom - top
    h, w = rgb.shape[:2]
    x0, x1 = int((left + 0.1 * bw) * w), int((right - 0.1 * bw) * w)
    y0, y1 = int((top + 0.1 * bh) * h), int((bottom - 0.1 * bh) * h)
    crop = rgb[max(0, y0):max(y0 + 1, y1), max(0, x0):max(x0 + 1, x1)]
    return main_colours(crop if crop.size else rgb, limit=limit, min_share=0.08)


def describe_colours(colours: Sequence[ColourShare]) -> str:
    """'Mostly dark blue (60%), with some black (20%) and white (9%).'"""
    if not colours:
        return "I could not measure any colours."
    first, rest = colours[0], list(colours[1:])
    lead = "Mostly" if first.share >= 0.5 else "The main colour is"
    text = f"{lead} {first.name} ({first.share:.0%})"
    if rest:
        parts = [f"{c.name} ({c.share:.0%})" for c in rest]
        joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        text += f", with some {joined}"
    return text + "."


def seen_colours(facts) -> list[tuple[str, float]]:
    """Base colours that are the things', not the light's: (name, share of frame), largest first.

    Near-black pixels are shadow (all black, in a frame too dim to show black things) and
    blown-out white ones, in a glared frame, are glare: a frame "mostly black" because the room is dark, or
    "mostly white" because a lamp shines into the lens, shows no colour of anything.
    """
    from .calibration import CALIBRATION

    shares = dict(base_shares(facts.colours))
    if "black" in shares:
        dim = facts.light.brightness < CALIBRATION.dim_brightness
        shares["black"] = 0.0 if dim else max(0.0, shares["black"] - facts.light.shadow_share)
    if "white" in shares and facts.light.highlight_share >= CALIBRATION.glare_share:
        shares["white"] = max(0.0, shares["white"] - facts.light.highlight_share)
    return sorted(((n, v) for n, v in shares.items() if v > 0.0), key=lambda kv: -kv[1])


def seen_share(facts) -> float:
    """How much of the frame the two largest seen colours cover."""
    return sum(share for _, share in seen_colours(facts)[:2])


def main_region(rgb: np.ndarray, *, width: int = 96) -> tuple[tuple[float, float, float, float], float] | None:
    """The thing in front of the background: (box as fractions, share of the frame), or None.

    The background is what the frame's border shows (a carpet, a table, a wall); the thing
    is the largest connected area whose colour differs from it. None when nothing stands
    out, or when what stands out is the whole frame or a speck: then the thing cannot be
    told from what is behind it.
    """
    import cv2

    from .calibration import CALIBRATION

    _, mask = _standing_out(rgb, width)
    sh, sw = mask.shape
    mask = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if count <= 1:
        return None
    best = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, bw, bh, area = stats[best]
    share = float(area) / (sh * sw)
    if not CALIBRATION.region_least <= share <= CALIBRATION.region_most:
        return None
    return (x / sw, y / sh, (x + bw) / sw, (y + bh) / sh), share



def _standing_out(rgb: np.ndarray, width: int = 96) -> tuple[np.ndarray, np.ndarray]:
    """(small RGB copy, mask of its pixels whose colour differs from the border's)."""
    import cv2

    from .calibration import CALIBRATION

    h, w = rgb.shape[:2]
    small = cv2.resize(np.ascontiguousarray(rgb[..., :3]), (width, max(8, round(h * width / w))),
                       interpolation=cv2.INTER_AREA)
    lab = cv2.cvtColor(small, cv2.COLOR_RGB2LAB).astype(np.float32)
    sh, sw = lab.shape[:2]
    edge = max(2, round(0.06 * min(sh, sw)))
    border = np.concatenate([lab[:edge].reshape(-1, 3), lab[-edge:].reshape(-1, 3),
                             lab[:, :edge].reshape(-1, 3), lab[:, -edge:].reshape(-1, 3)])
    background = np.median(border, axis=0)
    spread = np.linalg.norm(border - background, axis=1)
    cut = max(CALIBRATION.region_contrast, float(np.median(spread)) * 2.0)
    return small, np.linalg.norm(lab - background, axis=2) > cut


def thing_colours(rgb: np.ndarray, box: tuple[float, float, float, float]) -> tuple[ColourShare, ...]:
    """The colours of the thing in ``box``: its pixels that differ from the background.

    A box holds background too (the table round a cup, the coffee in it when it matches
    the table); where too little differs, the box's middle is named as ``object_colours``.
    """
    small, mask = _standing_out(rgb)
    sh, sw = mask.shape
    left, top, right, bottom = box
    window = (slice(int(top * sh), max(int(top * sh) + 1, int(bottom * sh))),
              slice(int(left * sw), max(int(left * sw) + 1, int(right * sw))))
    inside = mask[window]
    if inside.size == 0 or inside.mean() < 0.2:
        return object_colours(rgb, box)
    pixels = small[window][inside].astype(np.float32) / 255.0
    names = pixel_names(pixels.reshape(-1, 1, 3)).ravel()
    words, counts = np.unique(names.astype(str), return_counts=True)
    shares = sorted((ColourShare(str(w), float(c) / names.size) for w, c in zip(words, counts)),
                    key=lambda c: -c.share)
    return tuple([c for c in shares if c.share >= 0.08][:6] or shares[:1])
