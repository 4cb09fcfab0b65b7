"""The cluster palette keeps its promises (see PALETTE in _widget.py): ten colours, lines at
>= 3:1 against the light and the dark background, and distinguishable for normal vision and for
simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity
1.0), measured as CIEDE2000 in CIELAB. The view's fallback list is the same."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from dendrowidget import PALETTE, Dendrogram

JS_SYNCED = Path(__file__).resolve().parents[1] / "js" / "state" / "synced.js"

# Backgrounds: JupyterLab's light and dark --jp-layout-color0 (also the view's own fallbacks).
LIGHT, DARK = "#FFFFFF", "#111111"

MACHADO = {
    "protan": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
               [-0.003882, -0.048116, 1.051998]],
    "deutan": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
               [-0.011820, 0.042940, 0.968881]],
    "tritan": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
               [0.004733, 0.691367, 0.303900]],
}  # fmt: skip


def rgb(hex_color: str) -> np.ndarray:
    return np.array([int(hex_color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)], dtype=float)


def linear(c: np.ndarray) -> np.ndarray:
    s = np.asarray(c, dtype=float) / 255
    return np.where(s <= 0.04045, s / 12.92, ((s + 0.055) / 1.055) ** 2.4)


def luminance(c: np.ndarray) -> np.ndarray:
    return linear(c) @ np.array([0.2126, 0.7152, 0.0722])


def contrast(a: np.ndarray, b: np.ndarray) -> float:
    la, lb = float(luminance(a)), float(luminance(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def simulate(c: np.ndarray, kind: str) -> np.ndarray:
    """What a dichromat sees, back in linear RGB (normal: unchanged)."""
    lin = linear(c)
    return lin if kind == "normal" else np.clip(lin @ np.asarray(MACHADO[kind]).T, 0, 1)


def lab(lin: np.ndarray) -> np.ndarray:
    """Linear sRGB -> CIELAB (D65)."""
    m = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
                  [0.0193339, 0.1191920, 0.9503041]])  # fmt: skip
    xyz = (lin @ m.T) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]),
                     200 * (f[..., 1] - f[..., 2])], axis=-1)  # fmt: skip


def ciede2000(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), elementwise over the last axis."""
    L1, a1, b1 = np.moveaxis(a, -1, 0)
    L2, a2, b2 = np.moveaxis(b, -1, 0)
    cbar = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(cbar**7 / (cbar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1, c2 = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1, h2 = np.degrees(np.arctan2(b1, a1p)) % 360, np.degrees(np.arctan2(b2, a2p)) % 360
    dh = h2 - h1
    dh = np.where(c1 * c2 == 0, 0, np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh)))
    dL, dC = L2 - L1, c2 - c1
    dH = 2 * np.sqrt(c1 * c2) * np.sin(np.radians(dh / 2))
    lbar, cbarp = (L1 + L2) / 2, (c1 + c2) / 2
    hsum = h1 + h2
    hbar = np.where(
        c1 * c2 == 0,
        hsum,
        np.where(
            np.abs(h1 - h2) <= 180,
            hsum / 2,
            np.where(hsum < 360, (hsum + 360) / 2, (hsum - 360) / 2),
        ),
    )
    cos = lambda deg: np.cos(np.radians(deg))  # noqa: E731
    t = 1 - 0.17 * cos(hbar - 30) + 0.24 * cos(2 * hbar) + 0.32 * cos(3 * hbar + 6)
    t = t - 0.20 * cos(4 * hbar - 63)
    dtheta = 30 * np.exp(-(((hbar - 275) / 25) ** 2))
    rc = 2 * np.sqrt(cbarp**7 / (cbarp**7 + 25**7))
    sl = 1 + 0.015 * (lbar - 50) ** 2 / np.sqrt(20 + (lbar - 50) ** 2)
    sc, sh = 1 + 0.045 * cbarp, 1 + 0.015 * cbarp * t
    rt = -np.sin(np.radians(2 * dtheta)) * rc
    return np.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh))


def test_ciede2000_matches_published_pairs() -> None:
    # Sharma, Wu & Dalal (2005), table 1: pairs 1, 7, 17 and 25.
    pairs = [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ]
    for a, b, want in pairs:
        assert ciede2000(np.array(a), np.array(b)) == pytest.approx(want, abs=1e-4)


def pairwise(kind: str) -> np.ndarray:
    labs = lab(simulate(np.array([rgb(c) for c in PALETTE]), kind))
    d = ciede2000(labs[:, None, :], labs[None, :, :])
    np.fill_diagonal(d, np.inf)
    return d


def test_ten_distinct_colours() -> None:
    assert len(PALETTE) >= 10
    assert len({c.lower() for c in PALETTE}) == len(PALETTE)


@pytest.mark.parametrize("kind", ["normal", "protan", "deutan", "tritan"])
def test_colours_stay_apart_for_colour_blind_vision(kind: str) -> None:
    d = pairwise(kind)
    i, j = np.unravel_index(d.argmin(), d.shape)
    assert d.min() >= 9, f"{kind}: {PALETTE[i]} and {PALETTE[j]} differ by {d.min():.1f} only"
    # Neighbouring clusters (c, c + 1, and the wrap from the last to the first) are far apart.
    k = len(PALETTE)
    near = min(d[c, (c + 1) % k] for c in range(k))
    assert near >= 19, f"{kind}: neighbouring clusters differ by {near:.1f} only"


@pytest.mark.parametrize("bg", [LIGHT, DARK])
def test_lines_keep_3_to_1_against_both_themes(bg: str) -> None:
    low = {c: contrast(rgb(c), rgb(bg)) for c in PALETTE if contrast(rgb(c), rgb(bg)) < 3}
    assert not low, f"against {bg}: {low}"


def test_the_view_falls_back_to_the_same_palette() -> None:
    src = JS_SYNCED.read_text(encoding="utf-8")
    block = re.search(r"export const PALETTE = \[(.*?)\];", src, re.S)
    assert block, "js/state/synced.js has no PALETTE list"
    assert re.findall(r'"(#[0-9A-Fa-f]{6})"', block.group(1)) == list(PALETTE)


def test_cluster_colours_come_from_the_palette() -> None:
    X = np.random.default_rng(0).normal(size=(60, 2))
    w = Dendrogram(X, n_clusters=12)
    assert w.cluster_colors == {c: PALETTE[(c - 1) % len(PALETTE)] for c in range(1, 13)}
    assert w.cluster_colors[11] == PALETTE[0]  # the eleventh repeats the first
