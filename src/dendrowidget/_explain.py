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

from ._colvalues import category_codes, numeric_values
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


def _mean(x: np.ndarray) -> float:
    known = x[~np.isnan(x)]
    return float(known.mean()) if known.size else np.nan


def _numeric_row(x: np.ndarray, inside: np.ndarray, outside: np.ndarray) -> tuple:
    m_in, m_out, std = _mean(x[inside]), _mean(x[outside]), _std(x)
    if np.isnan(m_in) or np.isnan(m_out):
        effect = np.nan
    else:
        effect = 0.0 if std == 0 else (m_in - m_out) / std
    return None, m_in, m_out, effect


def _std(x: np.ndarray) -> float:
    known = x[~np.isnan(x)]
    return float(known.std()) if known.size else np.nan


def _shares(codes: np.ndarray, k: int) -> np.ndarray:
    counts = np.bincount(codes[codes >= 0], minlength=k)
    total = counts.sum()
    return counts / total if total else np.full(k, np.nan)


def _categorical_row(codes: np.ndarray, cats: list, inside: np.ndarray, outside: np.ndarray):
    if not cats:
        return None, np.nan, np.nan, np.nan
    s_in, s_out = _shares(codes[inside], len(cats)), _shares(codes[outside], len(cats))
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
) -> pd.DataFrame:
    """Columns "column", "inside", "outside", "effect", "value" (the category a categorical row's
    shares are about; None for numeric rows), sorted by |effect| descending.

    inside/outside: boolean masks or row positions. outside=None means every row not inside;
    rows in both are counted inside only. An empty inside is an error; an empty outside gives
    NaN outside values and effects.
    """
    check_columns(frame, numeric_cols, categorical_cols)
    n = len(frame)
    ins = row_mask(inside, n, "inside")
    if not ins.any():
        raise InputError(
            "nothing to explain: no rows are inside. Select a subtree first (click a node in "
            "the view, or set w.selection = [node id])"
        )
    out = ~ins if outside is None else row_mask(outside, n, "outside") & ~ins
    ins_idx, out_idx = np.flatnonzero(ins), np.flatnonzero(out)
    rows: list[tuple[Any, ...]] = []
    for c in numeric_cols:
        rows.append((c, *_numeric_row(numeric_values(frame[c]), ins_idx, out_idx)))
    for c in categorical_cols:
        codes, cats = category_codes(frame[c])
        rows.append((c, *_categorical_row(codes, cats, ins_idx, out_idx)))
    table = pd.DataFrame(
        [(r[0], *r[2:]) for r in rows], columns=["column", "inside", "outside", "effect"]
    )
    table["value"] = pd.Series([r[1] for r in rows], dtype=object)  # None, not NaN
    order = np.argsort(-np.abs(table["effect"].to_numpy(dtype=np.float64)), kind="stable")
    # argsort puts NaN (from -|NaN|) last already; stable keeps the given column order on ties.
    return table.iloc[order].reset_index(drop=True)
