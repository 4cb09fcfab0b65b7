"""Numeric columns -> small integer codes plus the numbers that decode them.

A heatmap cell travels as one uint16 (or uint8) code: the value is ``raw_offset + code *
raw_step`` in original units, and ``offset + code * step`` in the colour scale's units. The top
code (65535, or 255) means missing. Codes span each column's own finite [min, max], so the error
of a decoded value is at most half a step: (max - min) / 131068. Integer-valued columns whose
range fits the codes (counts, booleans, Int64) get step 1 and travel exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

Scale = Literal["zscore", "minmax", "none"]
SCALES: tuple[str, ...] = ("zscore", "minmax", "none")
# Order of the per-column numbers in the "stats" buffer (the JS decoder reads the same order).
STAT_FIELDS = ("mean", "std", "min", "max", "offset", "step", "raw_offset", "raw_step")
MISSING = {"uint8": 255, "uint16": 65535}
ZSCORE_CLIP = 3.0


@dataclass(frozen=True)
class Summary:
    """One pass over a column's known values (NaN = missing)."""

    known: np.ndarray | None  # mask of known values; None when all are known
    count: int
    mean: float
    std: float  # ddof = 0
    lo: float
    hi: float
    span: float | None  # hi - lo when every known value is a whole number, else None


def _whole(x: np.ndarray) -> bool:
    # A strided sample first: most real columns fail it at once, sparing the full pass.
    sample = x[:: max(1, x.size // 1024)]
    return bool(np.all(sample == np.floor(sample))) and bool(np.all(x == np.floor(x)))


def summarise(x: np.ndarray) -> Summary:
    nan = np.isnan(x)
    known = ~nan if nan.any() else None
    v = x if known is None else x[known]
    if v.size == 0:
        return Summary(known, 0, np.nan, np.nan, np.nan, np.nan, None)
    lo, hi = float(v.min()), float(v.max())
    return Summary(
        known, v.size, float(v.mean()), float(v.std()), lo, hi, hi - lo if _whole(v) else None
    )


def code_width(summaries: list[Summary]) -> str:
    """uint8 when every column fits 255 codes exactly (whole numbers spanning at most 254, or
    constant, or all missing), else uint16: at most 2 bytes per cell either way."""
    for s in summaries:
        if s.count and (s.span is None or s.span > MISSING["uint8"] - 1):
            return "uint16"
    return "uint8"


def quantise(x: np.ndarray, s: Summary, dtype: str) -> tuple[np.ndarray, float, float]:
    """(codes, raw_offset, raw_step) of float64 values with NaN for missing, in their order."""
    missing = MISSING[dtype]
    if s.count == 0:
        return np.full(x.shape, missing, dtype=dtype), 0.0, 0.0
    if s.hi == s.lo:
        step = 0.0
    elif s.span is not None and s.span <= missing - 1:
        step = 1.0  # exact: whole numbers travel as themselves minus the minimum
    else:
        step = (s.hi - s.lo) / (missing - 1)
    if step == 0:
        q = np.zeros(x.shape)
    else:
        q = x - s.lo
        if step != 1.0:
            q /= step
        np.rint(q, out=q)
        np.clip(q, 0, missing - 1, out=q)
    if s.known is not None:
        q[~s.known] = missing
    return q.astype(dtype), s.lo, step


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
    columns: list[np.ndarray], scale: str, order: np.ndarray
) -> tuple[np.ndarray, np.ndarray, str]:
    """Codes in drawn order (position p holds row order[p]), column-major (column j at
    [j*n, (j+1)*n)); the stats matrix (ncols x STAT_FIELDS); the code dtype. Codes are gathered
    into drawn order after quantising: moving 2 bytes per cell instead of 8."""
    summaries = [summarise(x) for x in columns]
    dtype = code_width(summaries)
    n = len(order)
    codes = np.empty(n * len(columns), dtype=dtype)
    stats = np.empty((len(columns), len(STAT_FIELDS)), dtype=np.float64)
    for j, (x, s) in enumerate(zip(columns, summaries, strict=True)):
        c, raw_offset, raw_step = quantise(x, s, dtype)
        np.take(c, order, out=codes[j * n : (j + 1) * n])
        offset, step = scale_params(scale, s, raw_offset, raw_step)
        stats[j] = (s.mean, s.std, s.lo, s.hi, offset, step, raw_offset, raw_step)
    return codes, stats, dtype
