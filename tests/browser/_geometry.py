"""Where things are on a view's canvas, found from its pixels (not from the front end's margins).

The height axis is found from the cut line: moving the cut moves ink along one row, so two cuts
at known heights give the linear map height -> row. The leaf axis is found from the root's bar: the
longest run of ink on the root's row spans from its left child to its right child, whose leaf-axis
positions the kernel computes. A second bar checks both maps before any test relies on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from _page import Canvas, NotebookPage

FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def settle(nb: NotebookPage) -> None:
    """Let the view draw what its attributes already say (two animation frames)."""
    nb.page.evaluate(FRAMES)


def _close(a: str | None, b: float | None) -> bool:
    if b is None:
        return a in (None, "")
    try:
        return a not in (None, "") and abs(float(a) - b) <= 1e-9 * max(1.0, abs(b))
    except ValueError:
        return False


def set_cut(nb: NotebookPage, h: float | None, i: int = 0) -> None:
    nb.kexec(f"w.cut_height = {h!r}")
    nb.wait_attr("data-cut-height", lambda v: _close(v, h), i=i)
    settle(nb)


def longest_run(mask: np.ndarray, max_gap: int = 1) -> tuple[int, int]:
    """(start, end) inclusive of the longest run of True, bridging gaps up to max_gap."""
    idx = np.flatnonzero(mask)
    if idx.size == 0:
        return (0, -1)
    best = (idx[0], idx[0])
    start = prev = idx[0]
    for v in idx[1:]:
        if v - prev > max_gap + 1:
            start = v
        prev = v
        if prev - start > best[1] - best[0]:
            best = (start, prev)
    return int(best[0]), int(best[1])


@dataclass
class Geometry:
    """Canvas pixel <-> (leaf units, height) for orientation "top" in the full view."""

    y0: float  # row of height 0
    ky: float  # rows per height unit (negative: up is higher)
    x0: float  # column of leaf-axis 0
    kx: float  # columns per leaf unit
    cut_row: dict[float, int]
    info: dict[str, Any]

    def y(self, h: float) -> float:
        return self.y0 + self.ky * h

    def x(self, u: float) -> float:
        return self.x0 + self.kx * u

    def height_at(self, row: float) -> float:
        return (row - self.y0) / self.ky


def cut_row(before: Canvas, after: Canvas) -> int:
    """The row that gained the most ink: where the cut line was drawn."""
    gained = after.ink() & ~before.ink()
    per_row = gained.sum(axis=1)
    row = int(per_row.argmax())
    assert per_row[row] > 0.3 * after.w, (
        f"no cut line found: at most {per_row[row]} new pixels in a row of {after.w}"
    )
    # A line 2-3 px thick: its centre.
    rows = np.flatnonzero(per_row >= 0.7 * per_row[row])
    rows = rows[np.abs(rows - row) <= 3]
    return round(rows.mean())


def calibrate(nb: NotebookPage, info: dict[str, Any], i: int = 0) -> Geometry:
    """Find the maps from the pixels of view i (cut restored afterwards)."""
    saved = nb.kjson("w.cut_height")
    steps = np.asarray(info["steps"])
    # Two cuts far apart, each halfway between two distinct merge heights.
    hi = float((steps[-2] + steps[-3]) / 2)
    lo = float((steps[-8] + steps[-9]) / 2)
    set_cut(nb, None, i)
    bare = nb.canvas(i)
    # Each cut against the other: what a cut adds besides its line (the band of cluster colours
    # under the leaves) is there in both pictures, so only the line's row gains ink.
    shots = {}
    for h in (hi, lo):
        set_cut(nb, h, i)
        shots[h] = nb.canvas(i)
    rows = {hi: cut_row(shots[lo], shots[hi]), lo: cut_row(shots[hi], shots[lo])}
    ky = (rows[lo] - rows[hi]) / (lo - hi)
    y0 = rows[hi] - ky * hi
    assert ky < 0, f"the cut line moved down as the cut went up: rows {rows}"

    # The root's bar: the longest run of ink near its row (the cut is off, so nothing crosses).
    # Strong ink only: the faint grid lines span the whole plot and may lie within a few rows.
    n = info["n"]
    root = 2 * n - 2
    xs, hs = info["x"], info["h"]
    bg = np.asarray(bare.background(), dtype=int)
    ink = np.abs(bare.rgba.astype(int) - bg).max(axis=-1) > 60
    r = round(y0 + ky * hs[root])

    def bar(node: int, row: int) -> tuple[int, int]:
        best = (0, -1)
        for rr in range(max(0, row - 3), min(bare.h, row + 4)):
            run = longest_run(ink[rr])
            if run[1] - run[0] > best[1] - best[0]:
                best = run
        return best

    a, b = bar(root, r)
    lo_u, hi_u = xs[info["left"][root - n]], xs[info["right"][root - n]]
    kx = (b - a) / (hi_u - lo_u)
    x0 = a - kx * lo_u
    geo = Geometry(y0=y0, ky=ky, x0=x0, kx=kx, cut_row=rows, info=info)

    # Check on the root's wider child: its bar must be where the maps say.
    kids = [info["left"][root - n], info["right"][root - n]]
    kid = max((k for k in kids if k >= n), key=lambda k: info["count"][k])
    ka, kb = bar(kid, round(geo.y(hs[kid])))
    want = (geo.x(xs[info["left"][kid - n]]), geo.x(xs[info["right"][kid - n]]))
    assert abs(ka - want[0]) <= 3 and abs(kb - want[1]) <= 3, (
        f"calibration check failed: bar of node {kid} drawn at columns {ka}..{kb}, "
        f"maps say {want[0]:.1f}..{want[1]:.1f} (root bar {a}..{b}, cut rows {rows})"
    )
    set_cut(nb, saved, i)
    return geo
