"""Numeric columns -> small integer codes plus the numbers that decode them.

A heatmap cell travels as one uint16 (or uint8) code: the value is ``raw_offset + code *
raw_step`` in original units, and ``offset + code * step`` in the colour scale's units. The top
code (65535, or 255) means missing. Codes span each column's own finite [min, max], so the error
of a decoded value is at most half a step: (max - min) / 131068. Integer-valued columns whose
range fits the codes (counts, booleans, Int64) get step 1 and travel exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np

Scale = Literal["zscore", "minmax", "none"]
SCALES: tuple[str, ...] = ("zscore", "minmax", "none")
# Order of the per-column numbers in the "stats" buffer (the JS decoder reads the same order).
STAT_FIELDS = ("mean", "std", "min", "max", "offset", "step", "raw_offset", "raw_step")
MISSING = {"uint8": 255, "uint16": 65535}
ZSCORE_CLIP = 3.0


# Rows are read in blocks of this many, all columns together: the columns of a frame built from
# a 2-D array are strided views of one block, and a block of rows is one stretch of its memory,
# read once per pass into a small matrix that stays in the CPU cache. Column by column, with
# whole-column temporaries, 1,000,000 x 20 took 0.75 s here; in row blocks about 0.3 s.
BLOCK = 4096


@dataclass(frozen=True)
class Summary:
    """A column's known values: NaN and +-inf are missing."""

    count: int
    mean: float
    std: float  # ddof = 0
    lo: float
    hi: float
    span: float | None  # hi - lo when every known value is a whole number, else None


def _rows(columns: list[np.ndarray], a: int, out: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows [a, a + BLOCK) of every column as a (columns x rows) matrix, and where it is finite."""
    b = min(a + BLOCK, len(columns[0]))
    X = out[:, : b - a]
    for j, x in enumerate(columns):
        X[j] = x[a:b]
    return X, np.isfinite(X)


def summarise(columns: list[np.ndarray]) -> list[Summary]:
    """count, mean, min, max and wholeness of the known values; std is left NaN (quantise
    measures it, in the same pass over the rows as the codes)."""
    m, n = len(columns), len(columns[0])
    buf = np.empty((m, min(n, BLOCK)))
    count = np.zeros(m, dtype=np.int64)
    total = np.zeros(m)
    lo, hi = np.full(m, np.inf), np.full(m, -np.inf)
    whole = np.ones(m, dtype=bool)
    for a in range(0, n, BLOCK):
        X, fin = _rows(columns, a, buf)
        gaps = ~fin if not fin.all() else None
        if gaps is not None:
            np.copyto(X, np.nan, where=gaps)  # +-inf too: fmin and fmax pass over NaN
        count += fin.sum(axis=1)
        lo = np.fmin(lo, np.fmin.reduce(X, axis=1))
        hi = np.fmax(hi, np.fmax.reduce(X, axis=1))
        if whole.any():  # most real columns fail at once, sparing the check afterwards
            whole &= ((np.floor(X) == X) | ~fin).all(axis=1)
        if gaps is not None:
            np.copyto(X, 0.0, where=gaps)
        total += X.sum(axis=1)
    out = []
    for j in range(m):
        if count[j] == 0:
            out.append(Summary(0, np.nan, np.nan, np.nan, np.nan, None))
            continue
        span = float(hi[j] - lo[j]) if whole[j] else None
        k = int(count[j])
        out.append(Summary(k, float(total[j] / k), np.nan, float(lo[j]), float(hi[j]), span))
    return out


def code_width(summaries: list[Summary]) -> str:
    """uint8 when every column fits 255 codes exactly (whole numbers spanning at most 254, or
    constant, or all missing), else uint16: at most 2 bytes per cell either way."""
    for s in summaries:
        if s.count and (s.span is None or s.span > MISSING["uint8"] - 1):
            return "uint16"
    return "uint8"


def raw_step(s: Summary, dtype: str) -> float:
    """Original units per code: 0 for a constant (or empty) column, 1 for whole numbers that fit
    the codes (they travel exactly, as themselves minus the minimum), else the range / top code."""
    missing = MISSING[dtype]
    if s.count == 0 or s.hi == s.lo:
        return 0.0
    if s.span is not None and s.span <= missing - 1:
        return 1.0
    return (s.hi - s.lo) / (missing - 1)


def quantise(
    columns: list[np.ndarray], summaries: list[Summary], steps: np.ndarray, dtype: str
) -> tuple[np.ndarray, list[Summary]]:
    """(columns x rows) codes of the values in their order: rint((x - min) / step) clipped to
    the codes, the top code for missing values (and for every value of an empty column); and
    the summaries with their std (ddof 0: the second of numpy's two passes, on these rows)."""
    m, n = len(columns), len(columns[0])
    missing = MISSING[dtype]
    known = [s.count > 0 for s in summaries]
    lo = np.array([s.lo if k else 0.0 for s, k in zip(summaries, known, strict=True)])[:, None]
    mean = np.array([s.mean if k else 0.0 for s, k in zip(summaries, known, strict=True)])
    div = np.where(steps > 0, steps, 1.0)[:, None]  # a constant column: x - min is 0 already
    codes = np.empty((m, n), dtype=dtype)
    buf, dev = np.empty((m, min(n, BLOCK))), np.empty((m, min(n, BLOCK)))
    sq = np.zeros(m)
    for a in range(0, n, BLOCK):
        X, fin = _rows(columns, a, buf)
        gaps = ~fin if not fin.all() else None
        d = np.subtract(X, mean[:, None], out=dev[:, : X.shape[1]])
        if gaps is not None:
            np.copyto(d, 0.0, where=gaps)
        sq += np.square(d, out=d).sum(axis=1)
        q = np.subtract(X, lo, out=X)
        q /= div
        np.rint(q, out=q)
        np.clip(q, 0, missing - 1, out=q)
        if gaps is not None:
            np.copyto(q, missing, where=gaps)
        codes[:, a : a + q.shape[1]] = q
    std = [float(np.sqrt(sq[j] / s.count)) if s.count else np.nan for j, s in enumerate(summaries)]
    return codes, [replace(s, std=v) for s, v in zip(summaries, std, strict=True)]


def scale_params(scale: str, s: Summary, raw_offset: float, raw_step: float) -> tuple[float, float]:
    """(offset, step) of the codes in the scale's units.

    zscore: (x - mean) / std; a constant column (std 0) is 0 everywhere, its mean.
    minmax: (x - min) / (max - min); a constant column is 0.5, the middle of the scale.
    none: original units (the colour range is shared by all columns).
    """
    if s.count == 0:
        return 0.0, 0.0
    if scale == "zscore":
        if s.std == 0:
            return 0.0, 0.0
        return (raw_offset - s.mean) / s.std, raw_step / s.std
    if scale == "minmax":
        if s.hi == s.lo:
            return 0.5, 0.0
        return (raw_offset - s.lo) / (s.hi - s.lo), raw_step / (s.hi - s.lo)
    return raw_offset, raw_step


def encode_columns(
    columns: list[np.ndarray], scale: str, order: np.ndarray | Callable[[], np.ndarray]
) -> tuple[np.ndarray, np.ndarray, str]:
    """Codes in drawn order (position p holds row order[p]), column-major (column j at
    [j*n, (j+1)*n)); the stats matrix (ncols x STAT_FIELDS); the code dtype. Codes are gathered
    into drawn order after quantising: moving 2 bytes per cell instead of 8. Columns are float64
    with NaN (or +-inf) for missing, at least one, each of len(order) values. `order` may be a
    function giving it, asked for only once the codes are made: the tree's layout, which
    decides the order, runs in the background meanwhile."""
    summaries = summarise(columns)
    dtype = code_width(summaries)
    steps = np.array([raw_step(s, dtype) for s in summaries])
    by_row, summaries = quantise(columns, summaries, steps, dtype)
    order = order() if callable(order) else order
    n = len(order)
    codes = np.empty(n * len(columns), dtype=dtype)
    for j, c in enumerate(by_row):  # row by row: faster
        np.take(c, order, out=codes[j * n : (j + 1) * n])
    return codes, _stats(summaries, list(steps), scale), dtype


def _stats(summaries: list[Summary], steps: list[float], scale: str) -> np.ndarray:
    stats = np.empty((len(summaries), len(STAT_FIELDS)), dtype=np.float64)
    for j, (s, step) in enumerate(zip(summaries, steps, strict=True)):
        raw_offset = s.lo if s.count else 0.0
        offset, scaled = scale_params(scale, s, raw_offset, step)
        stats[j] = (s.mean, s.std, s.lo, s.hi, offset, scaled, raw_offset, step)
    return stats
