"""Frame columns as plain arrays for the heatmap, the strips, the summary and explain.

One reading of every column, shared by all of them, so the browser's numbers and Python's agree:
- numeric: float64 with NaN for anything missing. pandas NA (nullable Int64, boolean) becomes NaN,
  booleans become 0/1, and +-inf counts as missing too (a colour scale has no end for it and a mean
  with it says nothing).
- categorical: integer codes, -1 for missing, in a fixed category order: a pandas Categorical keeps
  its categories' order (unused ones included); anything else is sorted by value, as pandas'
  ``Series.mode()`` sorts. That order decides ties everywhere (most common value, explain).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from ._errors import InputError

Kind = Literal["numeric", "categorical"]


def column_kind(s: pd.Series) -> Kind | None:
    """numeric (numbers and booleans), categorical (text, categories, objects), or None when the
    dtype cannot be shown (dates, durations, complex numbers)."""
    dtype = s.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return "categorical"
    if pd.api.types.is_complex_dtype(dtype):
        return None
    if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_numeric_dtype(dtype):
        return "numeric"
    if pd.api.types.is_datetime64_any_dtype(dtype) or pd.api.types.is_timedelta64_dtype(dtype):
        return None
    if isinstance(dtype, pd.PeriodDtype | pd.IntervalDtype):
        return None
    return "categorical"


def unusable_message(name: Hashable, s: pd.Series) -> str:
    return (
        f"column {name!r} has dtype {s.dtype}, which cannot be drawn as colours; convert it "
        f"first (e.g. df[{name!r}].dt.year, .astype(str) or .astype(float))"
    )


def raw_values(s: pd.Series) -> np.ndarray:
    """float64 values with NaN for missing, +-inf still in; a view when the column is float64."""
    try:
        # float64: NaN already means missing, so a view will do (no copy of the column)
        plain = s.dtype == np.float64
        return s.to_numpy() if plain else s.to_numpy(dtype=np.float64, na_value=np.nan)
    except (TypeError, ValueError):
        raise InputError(
            f"column {s.name!r} ({s.dtype}) holds values that are not numbers; "
            "use pd.to_numeric or pass it as a categorical column"
        ) from None


def _finite(x: np.ndarray) -> np.ndarray:
    inf = np.isinf(x)
    if inf.any():
        x = x.copy()  # may be a view of the caller's frame: never write into it
        x[inf] = np.nan
    return x


def numeric_values(s: pd.Series) -> np.ndarray:
    """float64 values, NaN where missing or infinite (read-only: may share the frame's memory)."""
    return _finite(raw_values(s))


def numeric_columns(frame: pd.DataFrame, cols: Sequence[Hashable]) -> list[np.ndarray]:
    """numeric_values of several columns, each contiguous in memory. The columns of a frame
    built from a 2-D array are strided views of one block, and every pass over such a view is
    several times slower than over a contiguous copy (the copy is made once: a ColumnStore keeps
    it). The infinity check runs on the copy, not on the strided view."""
    return [_finite(np.ascontiguousarray(raw_values(frame[c]))) for c in cols]


def category_codes(s: pd.Series) -> tuple[np.ndarray, list[Hashable]]:
    """(codes int64 with -1 for missing, categories in the order the codes count)."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.cat.codes.to_numpy().astype(np.int64)
        return codes, list(s.cat.categories)
    try:
        codes, uniques = pd.factorize(s, sort=True, use_na_sentinel=True)
    except TypeError:  # values of kinds that do not compare: order by type, then text
        codes, uniques = pd.factorize(s, sort=False, use_na_sentinel=True)
        keys = [(type(u).__name__, str(u)) for u in uniques]
        rank = sorted(range(len(uniques)), key=keys.__getitem__)
        remap = np.empty(len(uniques) + 1, dtype=np.int64)
        remap[np.asarray(rank, dtype=np.int64)] = np.arange(len(uniques))
        remap[-1] = -1
        codes = remap[codes]
        uniques = [uniques[i] for i in rank]
    return np.asarray(codes, dtype=np.int64), list(uniques)


@dataclass(frozen=True)
class Numeric:
    """A numeric column read once: values (NaN = missing) and its totals over all rows."""

    x: np.ndarray
    total: float  # sum of the known values
    count: int  # known values
    std: float  # over the known values, ddof=0 (NaN when none)


@dataclass(frozen=True)
class Categorical:
    """A categorical column read once: codes (-1 = missing), categories, rows per code."""

    codes: np.ndarray
    categories: list[Hashable]
    counts: np.ndarray


def _numeric(x: np.ndarray) -> Numeric:
    nan = np.isnan(x)
    count = len(x) - int(np.count_nonzero(nan))
    filled = np.where(nan, 0.0, x) if count < len(x) else x
    total = float(filled.sum())
    std = np.nan
    if count:
        dev = filled - total / count
        if count < len(x):
            dev[nan] = 0.0
        std = float(np.sqrt(np.square(dev, out=dev).sum() / count))
    return Numeric(x, total, count, std)


class ColumnStore:
    """The columns of one table snapshot, each read once and kept: explain and the summary ask
    again and again of a table that never changes (a widget's build)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self._num: dict[Hashable, Numeric] = {}
        self._cat: dict[Hashable, Categorical] = {}

    def numeric(self, c: Hashable) -> Numeric:
        if c not in self._num:
            self.read(c)
        return self._num[c]

    def read(self, *cols: Hashable) -> None:
        """Read the numeric columns not read yet, together (see numeric_columns)."""
        todo = [c for c in dict.fromkeys(cols) if c not in self._num]
        for c, x in zip(todo, numeric_columns(self.frame, todo), strict=True):
            self._num[c] = _numeric(x)

    def categorical(self, c: Hashable) -> Categorical:
        if c not in self._cat:
            codes, cats = category_codes(self.frame[c])
            counts = np.bincount(codes[codes >= 0], minlength=len(cats))
            self._cat[c] = Categorical(codes, cats, counts)
        return self._cat[c]
