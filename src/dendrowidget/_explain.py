"""What sets a group of rows apart from another: one row per column, largest effect first.

numeric column: inside/outside are the means (original units, missing values skipped) and
    effect = (mean inside - mean outside) / std of the column over ALL rows (ddof=0). A constant
    column (std 0) has effect 0: both means are that constant.
categorical column: the value whose share differs most between the groups (shares among the rows
    whose value is known; ties go to the first in category order); inside/outside are its shares
    and effect = share inside - share outside. "value" names it (None for numeric columns).
When a side has no known value, its mean/share is NaN and so is the effect (for a categorical
column the value is then the most common one of the other side). NaN effects sort last; equal
effects keep the column order given (numeric columns, then categorical ones).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._colvalues import Categorical, ColumnStore, Numeric
from ._errors import InputError
from ._summary import check_columns

Rows = Sequence[int] | Sequence[bool] | np.ndarray


def row_mask(rows: Rows, n: int, what: str) -> np.ndarray:
    """A boolean mask of n rows from a mask or from row positions (repeats count once)."""
    arr = np.asarray(rows)
    if arr.dtype == bool:
        if arr.shape != (n,):
            raise InputError(f"{what} mask must have one entry per row ({n}), got {arr.shape}")
        return arr
    if arr.size == 0:
        return np.zeros(n, dtype=bool)
    if arr.ndim != 1 or not np.issubdtype(arr.dtype, np.integer):
        raise InputError(f"{what} must be a boolean mask or integer row positions")
    if arr.min() < 0 or arr.max() >= n:
        raise InputError(f"{what} row positions must be in 0..{n - 1}")
    mask = np.zeros(n, dtype=bool)
    mask[arr] = True
    return mask


def _sum_count(x: np.ndarray) -> tuple[float, int]:
    known = x[~np.isnan(x)]
    return float(known.sum()), int(known.size)


def _numeric_row(col: Numeric, inside: np.ndarray, outside: np.ndarray | None) -> tuple:
    """outside None: every other row, from the column's totals (no pass over those rows)."""
    s_in, c_in = _sum_count(col.x[inside])
    if outside is None:
        s_out, c_out = col.total - s_in, col.count - c_in
    else:
        s_out, c_out = _sum_count(col.x[outside])
    m_in = s_in / c_in if c_in else np.nan
    m_out = s_out / c_out if c_out else np.nan
    if np.isnan(m_in) or np.isnan(m_out):
        effect = np.nan
    else:
        effect = 0.0 if col.std == 0 else (m_in - m_out) / col.std
    return None, m_in, m_out, effect


def _shares(counts: np.ndarray) -> np.ndarray:
    total = counts.sum()
    return counts / total if total else np.full(len(counts), np.nan)


def _categorical_row(col: Categorical, inside: np.ndarray, outside: np.ndarray | None):
    cats = col.categories
    if not cats:
        return None, np.nan, np.nan, np.nan
    codes = col.codes[inside]
    c_in = np.bincount(codes[codes >= 0], minlength=len(cats))
    if outside is None:
        c_out = col.counts - c_in
    else:
        codes = col.codes[outside]
        c_out = np.bincount(codes[codes >= 0], minlength=len(cats))
    s_in, s_out = _shares(c_in), _shares(c_out)
    if np.isnan(s_in[0]) or np.isnan(s_out[0]):
        side = s_out if np.isnan(s_in[0]) else s_in
        if np.isnan(side[0]):
            return None, np.nan, np.nan, np.nan
        j = int(side.argmax())
        return cats[j], float(s_in[j]), float(s_out[j]), np.nan
    diff = s_in - s_out
    j = int(np.abs(diff).argmax())  # argmax keeps the first of equal differences
    return cats[j], float(s_in[j]), float(s_out[j]), float(diff[j])


def explain(
    frame: pd.DataFrame,
    numeric_cols: Sequence[Hashable],
    categorical_cols: Sequence[Hashable],
    inside: Rows,
    outside: Rows | None = None,
    store: ColumnStore | None = None,
) -> pd.DataFrame:
    """Columns "column", "inside", "outside", "effect", "value" (the category a categorical row's
    shares are about; None for numeric rows), sorted by |effect| descending.

    inside/outside: boolean masks or row positions. outside=None means every row not inside;
    rows in both are counted inside only. An empty inside is an error; an empty outside gives
    NaN outside values and effects. `store`: the frame's columns read once (a widget keeps one).
    """
    check_columns(frame, numeric_cols, categorical_cols)
    n = len(frame)
    ins = row_mask(inside, n, "inside")
    if not ins.any():
        raise InputError(
            "nothing to explain: no rows are inside. Select a subtree first (click a node in "
            "the view, or set w.selection = [node id])"
        )
    store = store if store is not None else ColumnStore(frame)
    store.read(*numeric_cols)
    ins_idx = np.flatnonzero(ins)
    out_idx = None if outside is None else np.flatnonzero(row_mask(outside, n, "outside") & ~ins)
    rows: list[tuple[Any, ...]] = []
    for c in numeric_cols:
        rows.append((c, *_numeric_row(store.numeric(c), ins_idx, out_idx)))
    for c in categorical_cols:
        rows.append((c, *_categorical_row(store.categorical(c), ins_idx, out_idx)))
    table = pd.DataFrame(
        [(r[0], *r[2:]) for r in rows], columns=["column", "inside", "outside", "effect"]
    )
    table["value"] = pd.Series([r[1] for r in rows], dtype=object)  # None, not NaN
    order = np.argsort(-np.abs(table["effect"].to_numpy(dtype=np.float64)), kind="stable")
    # argsort puts NaN (from -|NaN|) last already; stable keeps the given column order on ties.
    return table.iloc[order].reset_index(drop=True)
