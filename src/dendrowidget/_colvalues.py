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

from collections.abc import Hashable
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


def numeric_values(s: pd.Series) -> np.ndarray:
    """float64 values, NaN where missing or infinite (read-only: may share the frame's memory)."""
    try:
        x = s.to_numpy(dtype=np.float64, na_value=np.nan)
    except (TypeError, ValueError):
        raise InputError(
            f"column {s.name!r} ({s.dtype}) holds values that are not numbers; "
            "use pd.to_numeric or pass it as a categorical column"
        ) from None
    inf = np.isinf(x)
    if inf.any():
        x = x.copy()  # may be a view of the caller's frame: never write into it
        x[inf] = np.nan
    return x


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
