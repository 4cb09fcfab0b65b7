"""The data beside the tree, planned once per build: which columns the heatmap and the strips
show (in which order), which columns `explain` and `cluster_summary` answer for, and the table
with one row per leaf the payloads are cut from.

A leaf is a row, or a micro-cluster after ``reduce=``: then the heatmap shows each micro-cluster's
mean and the strips its most common value (computed from the rows, `_summary`'s group sums),
while `explain` and `cluster_summary` still answer for the rows themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._colvalues import column_kind, numeric_values
from ._errors import InputError
from ._heatmap import annotations_payload, choose_columns, heatmap_payload
from ._options import Options
from ._summary import cluster_summary
from ._tree import build_tree

CHUNK = 65_536  # rows per block of the column correlation: bounded memory at any n


@dataclass(frozen=True)
class DataPlan:
    """What the heatmap, the strips and the data answers show. Empty: nothing beside the tree."""

    leaf_frame: pd.DataFrame | None = None  # one row per leaf (drawn order applied later)
    heatmap: tuple[Hashable, ...] = ()  # left to right as drawn (cluster_columns applied)
    annotations: tuple[Hashable, ...] = ()
    numeric: tuple[Hashable, ...] = ()  # numeric columns of explain / cluster_summary
    categorical: tuple[Hashable, ...] = ()
    column_tree: np.ndarray | None = None  # Z over the drawn heatmap columns, children in order


def _unique(cols: Sequence[Hashable]) -> tuple[Hashable, ...]:
    return tuple(dict.fromkeys(cols))


def plan(
    frame: pd.DataFrame | None,
    o: Options,
    numeric: Sequence[Hashable] = (),
    categorical: Sequence[Hashable] = (),
    *,
    assign: np.ndarray | None = None,
    n_leaves: int | None = None,
) -> DataPlan:
    """The plan for a table of rows (`frame`, None when the user gave none) whose features were
    `numeric` / `categorical`; `assign[row]` is the row's micro-cluster when leaves are groups."""
    heat, ann = choose_columns(frame, numeric, categorical, o.heatmap, o.annotations)
    if frame is None:
        return DataPlan()
    cat = _unique([*categorical, *(c for c in ann if column_kind(frame[c]) == "categorical")])
    num = _unique([*heat, *numeric, *(c for c in ann if column_kind(frame[c]) == "numeric")])
    num = tuple(c for c in num if c not in cat)
    tree = None
    if o.cluster_columns:
        if len(heat) < 2:
            raise InputError(
                f"cluster_columns=True orders the heatmap's columns by a tree of them; the "
                f"heatmap has {len(heat)} column(s). Show at least 2 (heatmap=[...]) or drop it"
            )
        heat, tree = _column_tree(frame, heat)
    leaf_frame = frame
    if assign is not None:
        leaf_frame = _leaf_table(frame, [*heat, *(c for c in ann if c not in heat)], assign)
        if n_leaves is not None and len(leaf_frame) != n_leaves:
            raise InputError(f"{len(leaf_frame)} micro-cluster summaries for {n_leaves} leaves")
    return DataPlan(leaf_frame, tuple(heat), tuple(ann), num, cat, tree)


def refuse_lazy(o: Options) -> None:
    """A Dask table's rows stay on the cluster: nothing beside the tree, and say so when asked."""
    asked = [
        name
        for name, v in (("heatmap", o.heatmap), ("annotations", o.annotations))
        if v not in (None, False, ())
    ] + [name for name in ("split", "cluster_columns") if getattr(o, name)]
    if asked:
        raise InputError(
            f"{', '.join(asked)}: the heatmap and strips need the rows in memory, and a Dask "
            "table's rows stay on the cluster. Leave these options out, or build from a pandas "
            "frame (ddf.compute(), or a sample of it)"
        )


def _leaf_table(frame: pd.DataFrame, cols: list[Hashable], assign: np.ndarray) -> pd.DataFrame:
    """One row per micro-cluster: the mean of each numeric column, the most common value of each
    other column (reduce_rows numbers micro-clusters 0..k-1, every one holding rows)."""
    if not cols:
        return pd.DataFrame(index=pd.RangeIndex(int(assign.max()) + 1))
    inner = {f"c{i}": frame[c] for i, c in enumerate(cols)}  # positional names: no clashes
    sub = pd.DataFrame(inner, index=frame.index)
    num = [k for k, c in zip(inner, cols, strict=True) if column_kind(frame[c]) == "numeric"]
    cat = [k for k in inner if k not in num]
    summary = cluster_summary(sub, num, cat, np.asarray(assign) + 1)
    return pd.DataFrame(
        {c: summary[k].to_numpy() for k, c in zip(inner, cols, strict=True)},
        index=pd.RangeIndex(len(summary)),
    )


def _column_tree(frame: pd.DataFrame, cols: Sequence[Hashable]) -> tuple[list, np.ndarray]:
    """Columns ordered by average linkage on correlation distance (1 - r); the tree as Z over
    drawn positions. Missing values count as the column's mean; a constant or empty column is
    uncorrelated with every other (distance 1). Row blocks keep memory at O(CHUNK x columns)."""
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    m = len(cols)
    values, centre, scale = [], np.zeros(m), np.ones(m)
    for j, c in enumerate(cols):
        x = numeric_values(frame[c])
        known = x[~np.isnan(x)]
        if known.size and known.std() > 0:
            centre[j], scale[j] = known.mean(), known.std()
        else:
            centre[j], scale[j] = np.nan, np.nan  # contributes nothing
        values.append(x)
    gram = np.zeros((m, m))
    n = len(frame)
    block = np.empty((min(CHUNK, n), m))
    for a in range(0, n, CHUNK):
        b = min(n, a + CHUNK)
        z = block[: b - a]
        for j, x in enumerate(values):
            np.subtract(x[a:b], centre[j], out=z[:, j])
            z[:, j] /= scale[j]
        np.nan_to_num(z, copy=False, nan=0.0)
        gram += z.T @ z
    d = np.sqrt(np.diag(gram))
    with np.errstate(invalid="ignore", divide="ignore"):
        r = gram / np.outer(d, d)
    r = np.where(np.isfinite(r), r, 0.0)
    dist = np.clip(1.0 - r, 0.0, 2.0)
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    tree = build_tree(linkage(squareform(dist, checks=False), "average"))
    pos = np.empty(m, dtype=np.int64)
    pos[tree.order] = np.arange(m)  # column i is drawn at pos[i]
    Z = tree.linkage
    for k in (0, 1):
        leaf = Z[:, k] < m
        Z[leaf, k] = pos[Z[leaf, k].astype(np.int64)]
    return [cols[i] for i in tree.order], Z


def payloads(
    p: DataPlan, order: Callable[[], np.ndarray], o: Options
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The `_heatmap` and `_annotations` traits (docs/heatmap-payload.md). `order` gives the
    drawn order: the heatmap's codes are made before it is asked for (the layout runs meanwhile)."""
    if p.leaf_frame is None:
        return {}, {}
    heat = heatmap_payload(p.leaf_frame, list(p.heatmap), order, scale=o.heatmap_scale)
    ann = annotations_payload(p.leaf_frame, list(p.annotations), order()) if p.annotations else {}
    if heat:
        heat["split"] = o.split
        if p.column_tree is not None:
            Z = p.column_tree
            heat["column_tree"] = {
                "n": len(p.heatmap),
                "left": Z[:, 0].astype(int).tolist(),
                "right": Z[:, 1].astype(int).tolist(),
                "height": Z[:, 2].tolist(),
            }
    if ann:
        ann["split"] = o.split
    return heat, ann
