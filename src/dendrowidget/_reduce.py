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


@dataclass(frozen=True)
class Reduction:
    """Rows -> micro-clusters."""

    assign: np.ndarray  # int64 (rows,): micro-cluster of each row
    centers: np.ndarray  # float64 (k, d)
    sizes: np.ndarray  # int64 (k,): rows in each micro-cluster


def make_estimator(reduce: int | Any, n_rows: int) -> Any:
    """`reduce=N` means scikit-learn's MiniBatchKMeans with N clusters; an estimator with fit /
    predict / cluster_centers_ (e.g. dask_ml.cluster.KMeans) is used as given."""
    if isinstance(reduce, bool):
        raise InputError("reduce is a number of micro-clusters or an estimator, not a bool")
    if isinstance(reduce, (int, np.integer)):
        k = int(reduce)
        if k < 2:
            raise InputError(f"reduce={k}: ask for at least 2 micro-clusters")
        from sklearn.cluster import MiniBatchKMeans

        return MiniBatchKMeans(n_clusters=min(k, n_rows), random_state=0, n_init=3, batch_size=4096)
    for attr in ("fit", "predict"):
        if not callable(getattr(reduce, attr, None)):
            raise InputError(
                f"reduce must be a number of micro-clusters or an estimator with fit/predict/"
                f"cluster_centers_; {type(reduce).__name__} has no {attr}()"
            )
    return reduce


def reduce_rows(X: Any, estimator: Any) -> Reduction:
    """Fit the estimator and keep only the micro-clusters that received rows."""
    estimator.fit(X)
    assign = np.asarray(estimator.predict(X), dtype=np.int64)
    centers = np.asarray(estimator.cluster_centers_, dtype=np.float64)
    sizes = np.bincount(assign, minlength=len(centers))
    used = np.flatnonzero(sizes)
    if len(used) < 2:
        raise InputError("the rows fell into fewer than 2 micro-clusters: nothing to cluster")
    remap = np.full(len(centers), -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    return Reduction(assign=remap[assign], centers=centers[used], sizes=sizes[used])


def weighted_ward(centers: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Ward linkage of weighted points (nearest-neighbour chain, O(k^2 d) numpy work).

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
    return _to_scipy_order(merges, k)


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


def leaf_labels(red: Reduction, row_labels: list[str] | None) -> list[str]:
    """A micro-cluster's label: its most common row label and its size, "Apple (42 rows)"."""
    if row_labels is None:
        return [f"{int(s):,} rows" for s in red.sizes]
    import pandas as pd

    counts = (
        pd.DataFrame({"leaf": red.assign, "name": pd.Series(row_labels, dtype=object)})
        .value_counts()
        .rename("n")
        .reset_index()
    )
    return top_labels(counts, red.sizes)


def top_labels(counts: Any, sizes: np.ndarray) -> list[str]:
    """Leaf labels from a table of (leaf, name, n): the most common name (ties: the first in
    sorted order) and the leaf's size."""
    best = counts.sort_values(
        ["leaf", "n", "name"], ascending=[True, False, True], kind="stable"
    ).drop_duplicates("leaf")
    top = np.empty(len(sizes), dtype=object)
    top[best["leaf"].to_numpy()] = best["name"].astype(str).to_numpy()
    return [
        str(name) if s == 1 else f"{name} ({int(s):,} rows)"
        for name, s in zip(top, sizes, strict=True)
    ]
