"""Numeric columns -> small integer codes plus the numbers that decode them.

A heatmap cell travels as one uint16 (or uint8) code: the value is ``raw_offset + code *
raw_step`` in original units, and ``offset + code * step`` in the colour scale's units. The top
code (65535, or 255) means missing. Codes span each column's own finite [min, max], so the error
of a decoded value is at most half a step: (max - min) / 131068. Integer-valued columns whose
range fits the codes (counts, booleans, Int64) get step 1 and travel exactly.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

Scale = Literal["zscore", "minmax", "none"]
SCALES: tuple[str, ...] = ("zscore", "minmax", "none")
# Order of the per-column numbers in the "stats" buffer (the JS decoder reads the same order).
STAT_FIELDS = ("mean", "std", "min", "max", "offset", "step", "raw_offset", "raw_step")
MISSING = {"uint8": 255, "uint16": 65535}
ZSCORE_CLIP = 3.0


def _integral_range(x: np.ndarray) -> float | None:
    """max - min when every finite value is a whole number, else None."""
    if not np.all(x == np.floor(x)):
        return None
    return float(x.max() - x.min())


def code_width(columns: list[np.ndarray]) -> str:
    """uint8 when every column fits 255 codes exactly (whole numbers spanning at most 254, or
    constant, or all missing), else uint16: at most 2 bytes per cell either way."""
    for x in columns:
        finite = x[~np.isnan(x)]
        if finite.size == 0:
            continue
        span = _integral_range(finite)
        if span is None or span > MISSING["uint8"] - 1:
            return "uint16"
    return "uint8"


def quantise(x: np.ndarray, dtype: str) -> tuple[np.ndarray, float, float]:
    """(codes, raw_offset, raw_step) for float64 values with NaN for missing."""
    missing = MISSING[dtype]
    codes = np.full(x.shape, missing, dtype=dtype)
    ok = ~np.isnan(x)
    if not ok.any():
        return codes, 0.0, 0.0
    finite = x[ok]
    lo, hi = float(finite.min()), float(finite.max())
    span = _integral_range(finite)
    if hi == lo:
        step = 0.0
    elif span is not None and span <= missing - 1:
        step = 1.0  # exact: whole numbers travel as themselves minus the minimum
    else:
        step = (hi - lo) / (missing - 1)
    if step > 0:
        q = np.rint((finite - lo) / step)
        codes[ok] = np.clip(q, 0, missing - 1).astype(dtype)
    else:
        codes[ok] = 0
    return codes, lo, step


def column_stats(x: np.ndarray) -> tuple[float, float, float, float]:
    """(mean, std with ddof=0, min, max) over the non-missing values; NaN when there are none."""
    finite = x[~np.isnan(x)]
    if finite.size == 0:
        return (np.nan,) * 4
    mean = float(finite.mean())
    return mean, float(finite.std()), float(finite.min()), float(finite.max())


def scale_params(
    scale: str, stats: tuple[float, float, float, float], raw_offset: float, raw_step: float
) -> tuple[float, float]:
    """(offset, step) of the codes in the scale's units.

    zscore: (x - mean) / std; a constant column (std 0) is 0 everywhere, its mean.
    minmax: (x - min) / (max - min); a constant column is 0.5, the middle of the scale.
    none: original units (the colour range is shared by all columns).
    """
    mean, std, lo, hi = stats
    if np.isnan(mean):
        return 0.0, 0.0
    if scale == "zscore":
        if std == 0:
            return 0.0, 0.0
        return (raw_offset - mean) / std, raw_step / std
    if scale == "minmax":
        if hi == lo:
            return 0.5, 0.0
        return (raw_offset - lo) / (hi - lo), raw_step / (hi - lo)
    return raw_offset, raw_step


def encode_columns(columns: list[np.ndarray], scale: str) -> tuple[np.ndarray, np.ndarray, str]:
    """Codes column-major (column j at [j*n, (j+1)*n)), the stats matrix (ncols x STAT_FIELDS)
    and the code dtype."""
    dtype = code_width(columns)
    n = columns[0].shape[0] if columns else 0
    codes = np.empty(n * len(columns), dtype=dtype)
    stats = np.empty((len(columns), len(STAT_FIELDS)), dtype=np.float64)
    for j, x in enumerate(columns):
        c, raw_offset, raw_step = quantise(x, dtype)
        codes[j * n : (j + 1) * n] = c
        st = column_stats(x)
        offset, step = scale_params(scale, st, raw_offset, raw_step)
        stats[j] = (*st, offset, step, raw_offset, raw_step)
    return codes, stats, dtype
