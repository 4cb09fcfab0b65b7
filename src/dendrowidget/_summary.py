"""Why a cluster is a cluster: a summary row per cluster, and what sets a group of rows apart.

Both are numpy group sums (bincount over cluster ids, gathers over row positions), never a
pandas groupby per call: at 1,000,000 rows x 20 columns each answer takes well under 0.5 s
(benchmarks/summary.py).

Shared rules (the same as the heatmap's, see `_colvalues`):
- missing values (NaN, pandas NA, +-inf) are skipped: a mean is over the known values, and a
  category's share is among the rows whose value is known (as ``value_counts(normalize=True)``);
- ties between categories go to the first in category order (a Categorical's own order, else
  sorted by value), which makes the most common value ``Series.mode().iloc[0]``.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._colvalues import ColumnStore
from ._errors import ColumnError, InputError

DENSE_LIMIT = 50_000_000  # cluster x category counts beyond this are counted by sorting instead


def check_columns(
    frame: pd.DataFrame, numeric: Sequence[Hashable], categorical: Sequence[Hashable]
) -> None:
    cols = [*numeric, *categorical]
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise ColumnError(f"column(s) {missing} not in the table: {list(frame.columns)}")
    if len(set(cols)) != len(cols):
        raise InputError(f"columns named more than once in numeric/categorical: {cols}")


def _modes(
    g: np.ndarray, codes: np.ndarray, groups: int, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(code of the most common value, its count, rows with a known value) per group. Ties go to
    the lowest code, the first in category order."""
    key = g.astype(np.int64) * k + codes
    if codes.min(initial=0) < 0:
        key = key[codes >= 0]
    if groups * k <= DENSE_LIMIT:
        counts = np.bincount(key, minlength=groups * k).reshape(groups, k)
        top = counts.argmax(axis=1)  # argmax keeps the first of equal counts
        return top, counts[np.arange(groups), top], counts.sum(axis=1)
    # Many clusters and many categories: count only the (group, code) pairs that occur.
    uniq, cnt = np.unique(key, return_counts=True)
    if uniq.size == 0:
        empty = np.zeros(groups, dtype=np.int64)
        return empty, empty, empty
    grp, code = uniq // k, uniq % k
    best = np.lexsort((code, -cnt, grp))
    first = best[np.r_[True, grp[best][1:] != grp[best][:-1]]]
    top = np.zeros(groups, dtype=np.int64)
    top_cnt = np.zeros(groups, dtype=np.int64)
    top[grp[first]] = code[first]
    top_cnt[grp[first]] = cnt[first]
    return top, top_cnt, np.bincount(grp, weights=cnt, minlength=groups).astype(np.int64)


def _values(s: pd.Series, categories: list[Hashable], codes: np.ndarray, known: np.ndarray):
    """Category values for codes, missing where a group has no known value; a Categorical stays
    one."""
    codes = np.where(known, codes, -1)
    if isinstance(s.dtype, pd.CategoricalDtype):
        return pd.Categorical.from_codes(codes, dtype=s.dtype)
    table = np.empty(len(categories) + 1, dtype=object)  # the last slot (code -1) stays None
    for i, c in enumerate(categories):  # a loop: tuples as values must stay whole
        table[i] = c
    return table[codes]


def cluster_summary(
    frame: pd.DataFrame,
    numeric_cols: Sequence[Hashable],
    categorical_cols: Sequence[Hashable],
    ids: Sequence[int] | np.ndarray,
    store: ColumnStore | None = None,
) -> pd.DataFrame:
    """One row per cluster id present (1..k; outliers, id -1, are left out), indexed "cluster":
    "size", the mean of each numeric column (NaN when a cluster has no known value), and for each
    categorical column its most common value and that value's share ("<name> share")."""
    check_columns(frame, numeric_cols, categorical_cols)
    ids = np.asarray(ids)
    if ids.shape != (len(frame),) or not np.issubdtype(ids.dtype, np.integer):
        raise InputError(f"ids must be {len(frame)} integer cluster ids, one per row")
    if ((ids < 1) & (ids != -1)).any():
        raise InputError("cluster ids must be 1..k, or -1 for rows under no cluster")
    k = int(ids.max(initial=0))
    g = np.where(ids >= 1, ids, 0)  # group 0 gathers the outliers and is dropped
    size = np.bincount(g, minlength=k + 1)
    keep = np.flatnonzero(size[1:]) + 1
    out: dict[Hashable, Any] = {"size": size[keep]}
    store = store if store is not None else ColumnStore(frame)
    store.read(*numeric_cols)
    for c in numeric_cols:
        col = store.numeric(c)
        x = col.x
        if col.count < len(x):
            nan = np.isnan(x)
            sums = np.bincount(g, weights=np.where(nan, 0.0, x), minlength=k + 1)[keep]
            # the missing values are few, as a rule: count them, not the known ones
            known = (size - np.bincount(g[nan], minlength=k + 1))[keep]
        else:
            sums, known = np.bincount(g, weights=x, minlength=k + 1)[keep], size[keep]
        with np.errstate(invalid="ignore", divide="ignore"):
            out[c] = np.where(known > 0, sums / known, np.nan)
    for c in categorical_cols:
        cc = store.categorical(c)
        codes, cats = cc.codes, cc.categories
        top, cnt, known = (a[keep] for a in _modes(g, codes, k + 1, max(len(cats), 1)))
        out[c] = _values(frame[c], cats, top, known > 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[f"{c} share"] = np.where(known > 0, cnt / np.maximum(known, 1), np.nan)
    return pd.DataFrame(out, index=pd.Index(keep, name="cluster"))
