"""Dask DataFrames: features, micro-clusters and row answers computed on the cluster, lazily.

The rows never come back to the notebook: the exact column statistics (means, standard
deviations, categories) are computed once, each partition is transformed the way the
ColumnTransformer path transforms a pandas table (same columns, same order, same numbers), the
estimator is fitted on the dask array, and row answers stay dask Series.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._errors import InputError
from ._features import ColumnSpec, select_columns, weight_groups


def is_dask_frame(obj: object) -> bool:
    return type(obj).__module__.split(".")[0] == "dask" and hasattr(obj, "npartitions")


@dataclass(frozen=True)
class Transform:
    """Fitted per-partition transform: (kind, weight, columns) groups in ColumnTransformer order."""

    groups: list[tuple[str, float, list[str]]]
    mean: dict[str, float]
    scale: dict[str, float]
    categories: dict[str, list[Any]]

    def __call__(self, pdf: pd.DataFrame) -> np.ndarray:
        blocks = []
        for kind, w, cols in self.groups:
            if kind == "num":
                vals = pdf[cols].to_numpy(dtype=np.float64)
                mean = np.array([self.mean[c] for c in cols])
                scale = np.array([self.scale[c] for c in cols])
                blocks.append((vals - mean) / scale * w)
            else:
                for c in cols:
                    cats = pd.Categorical(pdf[c], categories=self.categories[c])
                    onehot = np.zeros((len(pdf), len(self.categories[c])))
                    codes = cats.codes
                    ok = codes >= 0
                    onehot[np.flatnonzero(ok), codes[ok]] = 1.0
                    blocks.append(onehot * w)
        return np.hstack(blocks) if blocks else np.empty((len(pdf), 0))


def fit_transform(
    ddf: Any,
    *,
    label: str | None,
    numeric: ColumnSpec,
    categorical: ColumnSpec,
    scale: bool,
) -> Transform:
    """Exact statistics in one pass over the cluster, with the pandas path's error messages."""
    import dask

    num, cat = select_columns(ddf._meta, label, numeric, categorical)
    cols = list(num)
    values = ddf[cols].astype("float64") if cols else None
    todo: dict[str, Any] = {"rows": ddf.shape[0]}
    if cols:
        finite = values.map_partitions(lambda p: p.apply(np.isfinite))
        todo |= {"mean": values.mean(), "std": values.std(ddof=0), "bad": (~finite).sum()}
    for c in cat:
        todo[f"cat:{c}"] = ddf[c].dropna().unique()
    got = dict(zip(todo, dask.compute(*todo.values()), strict=True))
    if int(got["rows"]) < 2:
        raise InputError(f"hierarchical clustering needs at least 2 rows, got {int(got['rows'])}")
    if cols and int(got["bad"].sum()):
        detail = ", ".join(f"{c}: {int(n)}" for c, n in got["bad"].items() if n)
        raise InputError(
            f"the features have NaN or infinite values ({detail}). Drop those rows "
            "(ddf.dropna()) or fill them first."
        )
    groups = weight_groups(num, cat)
    mean = {c: float(got["mean"][c]) if scale else 0.0 for c in cols}
    std = {c: float(got["std"][c]) if scale else 1.0 for c in cols}
    # StandardScaler leaves constant columns unscaled (scale 1), so do we.
    std = {c: s if s > 0 else 1.0 for c, s in std.items()}
    cats = {c: sorted(pd.Series(got[f"cat:{c}"]).tolist()) for c in cat}
    return Transform(groups=groups, mean=mean, scale=std, categories=cats)


def features(ddf: Any, transform: Transform) -> Any:
    """The feature matrix as a dask array with known chunk sizes (partition by partition)."""
    width = sum(
        len(cols) if k == "num" else sum(len(transform.categories[c]) for c in cols)
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

    def part(p: pd.DataFrame) -> pd.Series:
        raw = np.asarray(estimator.predict(transform(p)), dtype=np.int64)
        return pd.Series(raw if remap is None else remap[raw], index=p.index, name="leaf")

    return ddf.map_partitions(part, meta=pd.Series(dtype="int64", name="leaf"))


def map_leaves(leaves: Any, table: np.ndarray, name: str) -> Any:
    """Lazy dask Series: table[leaf] for every row."""
    return leaves.map_partitions(
        lambda s: pd.Series(table[s.to_numpy()], index=s.index, name=name),
        meta=pd.Series(dtype=table.dtype, name=name),
    )


def build_parts(
    ddf: Any,
    *,
    label: str | None,
    numeric: ColumnSpec,
    categorical: ColumnSpec,
    scale: bool,
    reduce: int | Any | None,
    method: str,
    count_sort: object,
    distance_sort: object,
    progress: bool,
) -> Any:
    """Micro-clusters fitted on the cluster, the weighted Ward tree here, row answers lazy."""
    from . import _reduce
    from ._build import Parts, check_reducible, layout
    from ._progress import Stages

    if reduce is None:
        raise InputError(
            "a Dask DataFrame needs reduce=N (micro-clusters computed on the cluster); "
            "or call .compute() first for a small table"
        )
    check_reducible(method)
    stages = Stages(["features", "micro-clusters", "linkage"], enabled=progress)
    try:
        with stages.step("features"):
            tf = fit_transform(
                ddf, label=label, numeric=numeric, categorical=categorical, scale=scale
            )
            X = features(ddf, tf)
        with stages.step("micro-clusters"):
            if isinstance(reduce, (int, np.integer)) and not isinstance(reduce, bool):
                est = default_estimator(int(reduce))
            else:
                est = _reduce.make_estimator(reduce, 0)
            est.fit(X)
            centers = np.asarray(est.cluster_centers_, dtype=np.float64)
            raw = leaf_series(ddf, tf, est, None).value_counts().compute()
            sizes = np.zeros(len(centers), dtype=np.int64)
            sizes[raw.index.to_numpy()] = raw.to_numpy()
            used = np.flatnonzero(sizes)
            remap = np.full(len(centers), -1, dtype=np.int64)
            remap[used] = np.arange(len(used))
            leaves = leaf_series(ddf, tf, est, remap)
            sizes = sizes[used]
            if label is not None:
                counts = (
                    ddf[[label]]
                    .assign(leaf=leaves)
                    .groupby(["leaf", label])
                    .size()
                    .compute()
                    .rename("n")
                    .reset_index()
                    .rename(columns={label: "name"})
                )
                labels = _reduce.top_labels(counts, sizes)
            else:
                labels = [f"{int(n):,} rows" for n in sizes]
        with stages.step("linkage"):
            Z = _reduce.weighted_ward(centers[used], sizes)
            tree = layout(Z, count_sort, distance_sort)
    finally:
        stages.close()
    return Parts(
        Z=Z,
        tree=tree,
        frame=ddf,
        labels=labels,
        assign=leaves,
        label_column=label,
        tooltips={"rows": [str(int(n)) for n in sizes]},
    )
