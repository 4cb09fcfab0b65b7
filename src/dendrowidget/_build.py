"""Input -> Parts: everything computed before a widget exists, so bad input never leaves a
half-built widget behind."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from . import _features, _linkage, _reduce
from ._errors import InputError
from ._progress import Stages
from ._tree import SortOption, Tree, build_tree


@dataclass
class Parts:
    Z: np.ndarray
    tree: Tree
    frame: Any  # pandas DataFrame, or a dask DataFrame for Dask input
    labels: list[str] | None  # leaf labels; None: default labels (row positions)
    features: np.ndarray | None = None
    metric: str | None = None
    distances: np.ndarray | None = None
    tooltips: dict[str, list[str]] | None = None
    # With micro-clusters the leaves are groups of rows: assign[row] = leaf (a numpy array, or a
    # lazy dask Series), and the row labels differ from the leaf labels.
    assign: Any = None
    row_labels: list[str] | None = None
    label_column: str | None = None  # Dask input: the label column, read lazily
    build: dict[str, Any] | None = None  # from_dataframe arguments, for expand()

    @property
    def lazy(self) -> bool:
        """Dask input: row answers are lazy dask Series."""
        return self.assign is not None and not isinstance(self.assign, np.ndarray)


def layout(Z: np.ndarray, count_sort: object, distance_sort: object) -> Tree:
    return build_tree(
        Z,
        count_sort=_check_sort("count_sort", count_sort),
        distance_sort=_check_sort("distance_sort", distance_sort),
    )


def _check_sort(name: str, value: object) -> SortOption:
    if value in (True, False, "ascending", "descending"):
        return value  # type: ignore[return-value]
    raise InputError(f"{name} must be False, True, 'ascending' or 'descending', got {value!r}")


def labels_from(labels: Any, n: int) -> list[str] | None:
    if labels is None:
        return None
    if isinstance(labels, str):
        raise InputError(
            "labels must be a sequence of n labels, got a single string; to use a column "
            "as labels call Dendrogram.from_dataframe(df, label='column')"
        )
    values = list(labels)
    if len(values) != n:
        raise InputError(f"labels has {len(values)} entries but the data has {n} rows")
    return [str(v) for v in values]


def row_labels(df: pd.DataFrame, label: str | None) -> list[str] | None:
    """The label column as text; else the index, unless it is just the row position (then
    nothing needs to travel)."""
    if label is not None:
        return df[label].astype(str).tolist()
    if isinstance(df.index, pd.RangeIndex) and df.index.start == 0 and df.index.step == 1:
        return None
    return [str(v) for v in df.index]


def _default_frame(labels: list[str] | None, n: int) -> pd.DataFrame:
    return pd.DataFrame({"label": labels if labels is not None else np.arange(n)})


def from_features(
    X: np.ndarray,
    frame: pd.DataFrame,
    labels: list[str] | None,
    *,
    method: str,
    metric: str,
    count_sort: object,
    distance_sort: object,
    optimal_ordering: bool,
) -> Parts:
    method = _linkage.resolve_method(method)
    metric = _linkage.resolve_metric(metric, method)
    # Sort options are checked before the (possibly long) linkage, not after it.
    _check_sort("count_sort", count_sort)
    _check_sort("distance_sort", distance_sort)
    Z = _linkage.linkage_from_features(X, method, metric, bool(optimal_ordering))
    tree = layout(Z, count_sort, distance_sort)
    return Parts(Z=Z, tree=tree, frame=frame, labels=labels, features=X, metric=metric)


def from_array(data: Any, *, labels: Any, **kw: Any) -> Parts:
    X, _names = _features.features_from_array(data)
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(X)
    return from_features(X, frame, labels_from(labels, X.shape[0]), **kw)


def from_table(
    df: Any,
    *,
    label: str | None,
    numeric: Any,
    categorical: Any,
    scale: bool,
    tooltip: Sequence[str] | str | None,
    method: str,
    metric: str,
    count_sort: object,
    distance_sort: object,
    optimal_ordering: bool,
    reduce: int | Any | None,
    progress: bool,
) -> Parts:
    from . import _dask

    build = {
        "label": label,
        "numeric": numeric,
        "categorical": categorical,
        "scale": scale,
        "method": method,
        "count_sort": count_sort,
        "distance_sort": distance_sort,
    }
    if _dask.is_dask_frame(df):
        parts = _dask.build_parts(df, reduce=reduce, progress=progress, **build)
        parts.build = build
        return parts
    if tooltip is not None:
        tooltip = [tooltip] if isinstance(tooltip, str) else list(tooltip)
        _features._check_columns(df, tooltip, "tooltip")
    names = (
        ["features", "micro-clusters", "linkage"] if reduce is not None else ["features", "linkage"]
    )
    stages = Stages(names, enabled=progress)
    try:
        with stages.step("features"):
            X, _names = _features.features_from_dataframe(
                df, label=label, numeric=numeric, categorical=categorical, scale=scale
            )
        if reduce is not None:
            parts = _reduced(df, X, label, reduce, method, count_sort, distance_sort, stages)
            parts.build = {**build, "tooltip": tooltip}
            return parts
        with stages.step("linkage"):
            parts = from_features(
                X,
                df,
                row_labels(df, label),
                method=method,
                metric=metric,
                count_sort=count_sort,
                distance_sort=distance_sort,
                optimal_ordering=optimal_ordering,
            )
    finally:
        stages.close()
    if tooltip:
        parts.tooltips = {str(c): df[c].astype(str).tolist() for c in tooltip}
    return parts


def check_reducible(method: str) -> None:
    if _linkage.resolve_method(method) != "ward":
        raise InputError(
            f"reduce= builds a size-weighted Ward tree over micro-clusters; method={method!r} "
            "has no weighted form here. Use method='ward', or drop reduce="
        )


def _reduced(
    df: pd.DataFrame,
    X: np.ndarray,
    label: str | None,
    reduce: int | Any,
    method: str,
    count_sort: object,
    distance_sort: object,
    stages: Stages,
) -> Parts:
    check_reducible(method)
    with stages.step("micro-clusters"):
        red = _reduce.reduce_rows(X, _reduce.make_estimator(reduce, X.shape[0]))
    with stages.step("linkage"):
        Z = _reduce.weighted_ward(red.centers, red.sizes)
        tree = layout(Z, count_sort, distance_sort)
    rows = row_labels(df, label)
    return Parts(
        Z=Z,
        tree=tree,
        frame=df,
        labels=_reduce.leaf_labels(red, rows),
        assign=red.assign,
        row_labels=rows,
        tooltips={"rows": [str(int(s)) for s in red.sizes]},
    )


def from_linkage(
    Z: Any,
    *,
    labels: Any,
    frame: pd.DataFrame | None,
    count_sort: object,
    distance_sort: object,
) -> Parts:
    Zv = _linkage.validate_linkage(Z)
    n = Zv.shape[0] + 1
    lab = labels_from(labels, n)
    tree = layout(Zv, count_sort, distance_sort)
    if frame is None:
        frame = _default_frame(lab, n)
    elif len(frame) != n:
        raise InputError(f"frame has {len(frame)} rows but the linkage has {n} leaves")
    return Parts(Z=Zv, tree=tree, frame=frame, labels=lab)


def from_distances(
    D: Any,
    *,
    method: str,
    labels: Any,
    count_sort: object,
    distance_sort: object,
    optimal_ordering: bool,
) -> Parts:
    from scipy.spatial.distance import squareform

    method = _linkage.resolve_method(method)
    Z = _linkage.linkage_from_distances(D, method, bool(optimal_ordering))
    n = Z.shape[0] + 1
    lab = labels_from(labels, n)
    tree = layout(Z, count_sort, distance_sort)
    arr = np.asarray(D, dtype=np.float64)
    condensed = arr if arr.ndim == 1 else squareform(arr, checks=False)
    return Parts(Z=Z, tree=tree, frame=_default_frame(lab, n), labels=lab, distances=condensed)
