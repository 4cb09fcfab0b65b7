"""Tables too big for a tree over every row: micro-clusters first, then a size-weighted Ward tree.

A centroid standing for 1,000 rows is not one row: Ward's criterion between clusters A and B is
sqrt(2 |A| |B| / (|A| + |B|)) * ||c_A - c_B||, with |A| counted in rows, which reduces to scipy's
ward heights when every micro-cluster holds one row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ._errors import InputError
from ._payload import cell


@dataclass(frozen=True)
class Reduction:
    """Rows -> micro-clusters."""

    assign: np.ndarray  # int64 (rows,): micro-cluster of each row
    centers: np.ndarray  # float64 (k, d)
    sizes: np.ndarray  # int64 (k,): rows in each micro-cluster


def make_estimator(reduce: int | Any, n_rows: int) -> Any:
    """`reduce=N` means scikit-learn's MiniBatchKMeans with N clusters; an estimator with fit /
    predict / cluster_centers_ (e.g. dask_ml.cluster.KMeans) is used as given. `reduce` was
    checked by the options."""
    if isinstance(reduce, int):
        from sklearn.cluster import MiniBatchKMeans

        k = min(reduce, n_rows)
        return MiniBatchKMeans(n_clusters=k, random_state=0, n_init=3, batch_size=4096)
    return reduce


def checked_centers(estimator: Any, d: int) -> np.ndarray:
    """The estimator's cluster_centers_ as a (k, d) finite float64 array, or a clear error."""
    name = type(estimator).__name__
    raw = getattr(estimator, "cluster_centers_", None)
    if raw is None:
        raise InputError(
            f"reduce={name}: after fit() it has no cluster_centers_; reduce= needs an estimator "
            "that exposes its centres (KMeans, MiniBatchKMeans, dask_ml KMeans, ...)"
        )
    try:
        centers = np.array(raw, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(f"reduce={name}: cluster_centers_ is not numeric") from None
    if centers.ndim != 2 or centers.shape[1] != d:
        raise InputError(
            f"reduce={name}: cluster_centers_ has shape {centers.shape}, expected (k, {d}) "
            "centres in the feature space"
        )
    bad = ~np.all(np.isfinite(centers), axis=1)
    if bad.any():
        raise InputError(
            f"reduce={name}: {int(bad.sum())} of its {len(centers)} cluster_centers_ are NaN "
            "or infinite (rows {}); use an estimator whose centres are finite, e.g. "
            "reduce=<a number> for MiniBatchKMeans".format(np.flatnonzero(bad)[:5].tolist())
        )
    return centers


def checked_ids(raw: Any, n_centers: int, name: str) -> np.ndarray:
    """predict()'s output as int64 micro-cluster ids 0..k-1, or a clear error."""
    ids = np.asarray(raw)
    if ids.ndim != 1 or not np.issubdtype(ids.dtype, np.integer):
        if ids.ndim == 1 and np.issubdtype(ids.dtype, np.floating) and np.all(ids == np.round(ids)):
            ids = ids.astype(np.int64)
        else:
            raise InputError(
                f"reduce={name}: predict() must return one integer centre id per row, got "
                f"{ids.dtype} with shape {ids.shape}"
            )
    ids = ids.astype(np.int64)
    if len(ids) and (ids.min() < 0 or ids.max() >= n_centers):
        lo, hi = int(ids.min()), int(ids.max())
        raise InputError(
            f"reduce={name}: predict() returned ids {lo}..{hi}, but there are {n_centers} "
            f"cluster_centers_ (ids 0..{n_centers - 1}); noise labels such as -1 are not "
            "micro-clusters. Use an estimator that assigns every row to one of its centres"
        )
    return ids


def reduce_rows(X: Any, estimator: Any) -> Reduction:
    """Fit the estimator and keep only the micro-clusters that received rows."""
    estimator.fit(X)
    centers = checked_centers(estimator, X.shape[1])
    assign = checked_ids(estimator.predict(X), len(centers), type(estimator).__name__)
    sizes = np.bincount(assign, minlength=len(centers))
    used = np.flatnonzero(sizes)
    if len(used) < 2:
        raise InputError("the rows fell into fewer than 2 micro-clusters: nothing to cluster")
    remap = np.full(len(centers), -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    return Reduction(assign=remap[assign], centers=centers[used], sizes=sizes[used])


def weighted_ward(
    centers: np.ndarray, sizes: np.ndarray, optimal_ordering: bool = False
) -> np.ndarray:
    """Ward linkage of weighted points (nearest-neighbour chain, O(k^2 d) numpy work).
    optimal_ordering flips merges so adjacent micro-clusters are close (scipy's
    optimal_leaf_ordering on the centres' distances), as it does for a tree over rows.

    Returns a scipy linkage matrix over the k points; column 3 counts points (micro-clusters),
    as scipy's convention requires.
    """
    k = len(centers)
    cent = np.array(centers, dtype=np.float64)
    size = np.asarray(sizes, dtype=np.float64).copy()
    active = np.ones(k, dtype=bool)
    ids = np.arange(k)  # generation id of the cluster held in each slot
    merges: list[tuple[int, int, float]] = []
    chain: list[int] = []
    next_id = k

    def dist_from(a: int) -> np.ndarray:
        diff = cent - cent[a]
        d2 = np.einsum("ij,ij->i", diff, diff)
        w = 2.0 * size[a] * size / (size[a] + size)
        out = np.sqrt(w * d2)
        out[~active] = np.inf
        out[a] = np.inf
        return out

    for _ in range(k - 1):
        if not chain:
            chain.append(int(np.flatnonzero(active)[0]))
        while True:
            a = chain[-1]
            d = dist_from(a)
            b = int(np.argmin(d))
            # Prefer the previous chain element on ties, so the chain always terminates.
            if len(chain) > 1 and d[chain[-2]] <= d[b]:
                b = chain[-2]
            if len(chain) > 1 and b == chain[-2]:
                break
            chain.append(b)
        a, b = chain.pop(), chain.pop()
        h = float(d[b])
        merges.append((int(ids[a]), int(ids[b]), h))
        total = size[a] + size[b]
        cent[b] = (size[a] * cent[a] + size[b] * cent[b]) / total
        size[b] = total
        active[a] = False
        ids[b] = next_id
        next_id += 1
    Z = _to_scipy_order(merges, k)
    if optimal_ordering:
        from scipy.cluster.hierarchy import optimal_leaf_ordering
        from scipy.spatial.distance import pdist

        Z = optimal_leaf_ordering(Z, pdist(centers))
    return Z


def _to_scipy_order(merges: list[tuple[int, int, float]], k: int) -> np.ndarray:
    """Sort chain merges by height (children first on ties) and renumber as scipy does."""
    gen = np.arange(len(merges))
    heights = np.array([m[2] for m in merges])
    # Rounding can leave a parent a hair below a child: lift it so the order stays valid.
    count = np.ones(2 * k - 1)
    hmax = np.zeros(2 * k - 1)
    for i, (x, y, h) in enumerate(merges):
        hmax[k + i] = max(h, hmax[x], hmax[y])
        count[k + i] = count[x] + count[y]
    heights = hmax[k:]
    order = np.lexsort((gen, heights))
    new_id = np.arange(2 * k - 1)
    new_id[k + order] = k + np.arange(len(merges))
    Z = np.empty((len(merges), 4))
    for row, i in enumerate(order):
        x, y, _ = merges[i]
        a, b = sorted((int(new_id[x]), int(new_id[y])))
        Z[row] = (a, b, heights[i], count[k + i])
    return Z


def leaf_counts(assign: np.ndarray, values: list[str]) -> Any:
    """(leaf, name, n): how often each value occurs in each micro-cluster."""
    import pandas as pd

    return (
        pd.DataFrame({"leaf": assign, "name": pd.Series(values, dtype=object)})
        .value_counts()
        .rename("n")
        .reset_index()
    )


def top_values(counts: Any, n_leaves: int) -> tuple[np.ndarray, np.ndarray]:
    """From a table of (leaf, name, n): each leaf's most common name (ties: the first in sorted
    order) and its count."""
    best = counts.sort_values(
        ["leaf", "n", "name"], ascending=[True, False, True], kind="stable"
    ).drop_duplicates("leaf")
    top = np.full(n_leaves, "", dtype=object)
    n = np.zeros(n_leaves, dtype=np.int64)
    top[best["leaf"].to_numpy()] = best["name"].astype(str).to_numpy()
    n[best["leaf"].to_numpy()] = best["n"].to_numpy()
    return top, n


def top_labels(counts: Any, sizes: np.ndarray) -> list[str]:
    """A micro-cluster's label: its most common row label and its size, "Apple (42 rows)"."""
    top, _ = top_values(counts, len(sizes))
    return [
        str(name) if s == 1 else f"{name} ({int(s):,} rows)"
        for name, s in zip(top, sizes, strict=True)
    ]


def top_tooltip(counts: Any, sizes: np.ndarray) -> list[str]:
    """A tooltip column for a micro-cluster: its most common value and that value's share."""
    top, n = top_values(counts, len(sizes))
    return [
        cell(v) if s == 1 else f"{cell(v)} ({c / s:.0%})"
        for v, c, s in zip(top, n, sizes, strict=True)
    ]
