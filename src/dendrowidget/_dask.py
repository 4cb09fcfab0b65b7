"""Dask DataFrames: features, micro-clusters and row answers computed on the cluster, lazily.

The rows never come back to the notebook: the exact column statistics (means, standard
deviations, categories) are computed once, each partition is transformed the way the
ColumnTransformer path transforms a pandas table (same columns, same order, same numbers), the
estimator is fitted on the dask array, and row answers stay dask Series.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from . import _data, _reduce
from ._built import Built, built
from ._errors import InputError
from ._features import categories, mixes_kinds, select_columns, weight_groups
from ._options import Options
from ._progress import Stages
from ._rows import LazyRows


def is_dask_frame(obj: object) -> bool:
    return type(obj).__module__.split(".")[0] == "dask" and hasattr(obj, "npartitions")


@dataclass(frozen=True)
class Transform:
    """Fitted per-partition transform: (kind, weight, columns) groups in ColumnTransformer order.
    A categorical column's one-hot columns are its sorted values, then missing (if any), as
    scikit-learn's OneHotEncoder orders them."""

    groups: list[tuple[str, float, list[Hashable]]]
    mean: dict[Hashable, float]
    scale: dict[Hashable, float]
    categories: dict[Hashable, list[Any]]
    has_missing: dict[Hashable, bool]
    as_text: dict[Hashable, bool]

    def width(self, c: Hashable) -> int:
        return len(self.categories[c]) + int(self.has_missing[c])

    def __call__(self, pdf: pd.DataFrame) -> np.ndarray:
        blocks = []
        for kind, w, cols in self.groups:
            if kind == "num":
                vals = pdf[cols].to_numpy(dtype=np.float64, na_value=np.nan)
                mean = np.array([self.mean[c] for c in cols])
                scale = np.array([self.scale[c] for c in cols])
                blocks.append((vals - mean) / scale * w)
                continue
            for c in cols:
                vals = categories(pdf[c], self.as_text[c])
                present = vals.notna().to_numpy()
                codes = np.full(len(pdf), len(self.categories[c]), dtype=np.int64)
                known = pd.Categorical(vals[present], categories=self.categories[c]).codes
                codes[present] = known
                onehot = np.zeros((len(pdf), self.width(c)))
                ok = codes >= 0
                onehot[np.flatnonzero(ok), codes[ok]] = 1.0
                blocks.append(onehot * w)
        return np.hstack(blocks) if blocks else np.empty((len(pdf), 0))


def fit_transform(ddf: Any, o: Options) -> Transform:
    """Exact statistics in one pass over the cluster, with the pandas path's error messages."""
    import dask

    num, cat = select_columns(ddf._meta, o)
    cols = list(num)
    values = ddf[cols].astype("float64") if cols else None
    todo: dict[str, Any] = {"rows": ddf.shape[0]}
    if cols:
        finite = values.map_partitions(lambda p: p.apply(np.isfinite))
        todo |= {"mean": values.mean(), "std": values.std(ddof=0), "bad": (~finite).sum()}
    for i, c in enumerate(cat):
        todo[f"cat{i}"] = ddf[c].dropna().unique()
        todo[f"nan{i}"] = ddf[c].isna().any()
    got = dict(zip(todo, dask.compute(*todo.values()), strict=True))
    if int(got["rows"]) < 2:
        raise InputError(f"hierarchical clustering needs at least 2 rows, got {int(got['rows'])}")
    if cols and int(got["bad"].sum()):
        detail = ", ".join(f"{c}: {int(n)}" for c, n in got["bad"].items() if n)
        raise InputError(
            f"the features have NaN or infinite values ({detail}). Drop those rows "
            "(ddf.dropna()) or fill them first."
        )
    mean = {c: float(got["mean"][c]) if o.scale else 0.0 for c in cols}
    std = {c: float(got["std"][c]) if o.scale else 1.0 for c in cols}
    # StandardScaler leaves constant columns unscaled (scale 1), so do we.
    std = {c: s if s > 0 else 1.0 for c, s in std.items()}
    cats: dict[Hashable, list[Any]] = {}
    as_text: dict[Hashable, bool] = {}
    for i, c in enumerate(cat):
        uniq = pd.Series(got[f"cat{i}"], dtype=object)
        as_text[c] = mixes_kinds(uniq)
        cats[c] = sorted(categories(uniq, as_text[c]).unique().tolist())
    missing = {c: bool(got[f"nan{i}"]) for i, c in enumerate(cat)}
    return Transform(weight_groups(num, cat), mean, std, cats, missing, as_text)


def features(ddf: Any, transform: Transform) -> Any:
    """The feature matrix as a dask array with known chunk sizes (partition by partition)."""
    width = sum(
        len(cols) if k == "num" else sum(transform.width(c) for c in cols)
        for k, _, cols in transform.groups
    )
    blocks = ddf.map_partitions(
        lambda p: pd.DataFrame(transform(p), index=p.index),
        meta=pd.DataFrame({i: pd.Series(dtype="float64") for i in range(width)}),
    )
    return blocks.to_dask_array(lengths=True)


def default_estimator(k: int) -> Any:
    try:
        from dask_ml.cluster import KMeans
    except ImportError:
        raise InputError(
            "reduce=N on a Dask DataFrame uses dask_ml.cluster.KMeans: pip install dask-ml, or "
            "pass reduce=<an estimator with fit/predict/cluster_centers_>"
        ) from None
    return KMeans(n_clusters=k, random_state=0)


def leaf_series(ddf: Any, transform: Transform, estimator: Any, remap: np.ndarray | None) -> Any:
    """Lazy dask Series: the micro-cluster (leaf) of every row, aligned with ddf's index."""
    k = len(estimator.cluster_centers_)
    name = type(estimator).__name__

    def part(p: pd.DataFrame) -> pd.Series:
        raw = _reduce.checked_ids(estimator.predict(transform(p)), k, name)
        return pd.Series(raw if remap is None else remap[raw], index=p.index, name="leaf")

    return ddf.map_partitions(part, meta=pd.Series(dtype="int64", name="leaf"))


def _value_counts(ddf: Any, leaves: Any, column: Hashable) -> pd.DataFrame:
    """(leaf, name, n) for one column, computed on the cluster."""
    return (
        ddf[[column]]
        .assign(leaf=leaves)
        .groupby(["leaf", column])
        .size()
        .compute()
        .rename("n")
        .reset_index()
        .rename(columns={column: "name"})
    )


def build(ddf: Any, o: Options) -> Built:
    """Micro-clusters fitted on the cluster, the weighted Ward tree here, row answers lazy."""
    if o.reduce is None:
        raise InputError(
            "a Dask DataFrame needs reduce=N (micro-clusters computed on the cluster); "
            "or call .compute() first for a small table"
        )
    _data.refuse_lazy(o)
    if o.tooltip:
        from ._features import check_columns

        check_columns(ddf._meta, list(o.tooltip), "tooltip")
    stages = Stages(["features", "micro-clusters", "linkage"], enabled=o.progress, rows=None)
    try:
        with stages.step("features"):
            tf = fit_transform(ddf, o)
            X = features(ddf, tf)
        with stages.step("micro-clusters"):
            est = default_estimator(o.reduce) if isinstance(o.reduce, int) else o.reduce
            est.fit(X)
            centers = _reduce.checked_centers(est, X.shape[1])
            raw = leaf_series(ddf, tf, est, None).value_counts().compute()
            sizes = np.zeros(len(centers), dtype=np.int64)
            sizes[raw.index.to_numpy()] = raw.to_numpy()
            used = np.flatnonzero(sizes)
            if len(used) < 2:
                raise InputError("the rows fell into fewer than 2 micro-clusters: nothing to do")
            remap = np.full(len(centers), -1, dtype=np.int64)
            remap[used] = np.arange(len(used))
            leaves = leaf_series(ddf, tf, est, remap)
            sizes = sizes[used]
            if o.label is not None:
                labels = _reduce.top_labels(_value_counts(ddf, leaves, o.label), sizes)
            else:
                labels = [f"{int(n):,} rows" for n in sizes]
            tips = {"rows": [str(int(n)) for n in sizes]}
            for c in o.tooltip:
                tips[str(c)] = _reduce.top_tooltip(_value_counts(ddf, leaves, c), sizes)
        with stages.step("linkage"):
            Z = _reduce.weighted_ward(centers[used], sizes, o.optimal_ordering)
    finally:
        stages.close()
    return built(Z, LazyRows(ddf, leaves, o.label), o, labels, tooltips=tips)
