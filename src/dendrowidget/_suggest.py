"""Cut suggestions: for k = 2..k_max, the height giving k clusters and how good those k clusters
are by scikit-learn's internal scores, from one pass over the tree.

The partitions for every k are coarsenings of the finest one (`_kcuts`), so the expensive part of
the silhouette, each sampled row's summed distance to every finest segment, is computed once and
each k only adds columns together. Calinski-Harabasz and Davies-Bouldin cost O(n d) per k, on the
rows in drawn order where every cluster is one contiguous run.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.spatial.distance import cdist
from sklearn.metrics import pairwise_distances

from ._errors import InputError
from ._kcuts import KCuts, check_k_max, k_cuts
from ._linkage import resolve_metric
from ._tree import Tree

COLUMNS = ["height", "silhouette", "calinski_harabasz", "davies_bouldin", "gap"]
BLOCK = 1024  # sampled rows per block of distances (BLOCK x sample floats at a time)


def suggest_cuts(
    tree: Tree,
    features: np.ndarray | None = None,
    distances: np.ndarray | None = None,
    metric: str = "euclidean",
    k_max: int = 20,
    sample: int = 5000,
    random_state: int = 0,
) -> pd.DataFrame:
    """A DataFrame indexed by k = 2..min(k_max, n - 1) with columns:

    - "height": a cut height giving exactly k clusters, midway between the merges that bound it
      (as `_cut.height_for_k`); NaN where ties make k unreachable, and then every column is NaN.
    - "silhouette": `sklearn.metrics.silhouette_score` of the k clusters, with `metric` on
      `features`, else on the condensed `distances`; NaN without either. When n > sample, on the
      rows `silhouette_score(..., sample_size=sample, random_state=random_state)` would draw
      (the same seeded permutation), else on all rows.
    - "calinski_harabasz", "davies_bouldin": scikit-learn's scores on `features` (euclidean by
      their definition, whatever `metric`); NaN without features.
    - "gap": (upper - lower) / upper, where upper is the height (subtree maximum, as cuts use)
      of the merge that would join two of the k clusters and lower that of the highest merge
      inside them: every cut in [lower, upper) gives exactly these k clusters, and gap is that
      band's width as a share of its top. 1: the clusters are tight (merged at height 0) and far
      apart; near 0: a hair's breadth separates k from k - 1 or k + 1 clusters.

    A k for which the sampled rows hold fewer than 2 clusters, or as many clusters as rows,
    gets a NaN silhouette (scikit-learn refuses those).
    """
    k_max = check_k_max(k_max)
    sample = check_sample(sample)
    seed = check_seed(random_state)
    n = tree.n
    X = None if features is None else _check_features(features, n)
    D = None if distances is None or X is not None else _check_distances(distances, n)
    kc = k_cuts(tree, k_max)
    out = pd.DataFrame(np.nan, index=pd.Index(kc.ks, name="k"), columns=COLUMNS)
    ok = kc.reachable
    out["height"] = kc.height
    with np.errstate(invalid="ignore", divide="ignore"):
        out["gap"] = np.where(ok, (kc.upper - kc.lower) / kc.upper, np.nan)
    if X is not None or D is not None:
        rows = np.arange(n) if n <= sample else np.random.RandomState(seed).permutation(n)[:sample]
        out["silhouette"] = _silhouettes(kc, tree, rows, _pair_sums(kc, tree, rows, X, D, metric))
    if X is not None:
        out["calinski_harabasz"], out["davies_bouldin"] = _ch_db(kc, X[tree.order], X.mean(0))
    return out


def check_sample(sample: object) -> int:
    if isinstance(sample, bool) or not isinstance(sample, (int, np.integer)) or sample < 2:
        raise InputError(
            f"sample must be an integer >= 2 (rows used for the silhouette), got {sample!r}"
        )
    return int(sample)


def check_seed(seed: object) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed < 2**32:
        raise InputError(f"random_state must be an integer between 0 and 2**32 - 1, got {seed!r}")
    return int(seed)


def _check_features(features: object, n: int) -> np.ndarray:
    try:
        X = np.asarray(features, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError("features must be a numeric array of shape (n_rows, n_features)") from None
    if X.ndim != 2 or X.shape[0] != n or X.shape[1] == 0:
        raise InputError(
            f"features must have shape ({n}, n_features), one row per leaf; got {X.shape}"
        )
    if not np.isfinite(X).all():
        raise InputError("features hold NaN or infinite values; the scores need finite numbers")
    return X


def _check_distances(distances: object, n: int) -> np.ndarray:
    D = np.asarray(distances, dtype=np.float64)
    if D.ndim != 1 or len(D) != n * (n - 1) // 2:
        raise InputError(
            f"distances must be a condensed distance vector of length n*(n-1)/2 = "
            f"{n * (n - 1) // 2} (scipy's pdist form; squareform(D) converts a square matrix), "
            f"got shape {D.shape}"
        )
    if not np.isfinite(D).all() or (D < 0).any():
        raise InputError("distances must be finite and >= 0")
    return D


def _pair_sums(
    kc: KCuts, tree: Tree, rows: np.ndarray, X: np.ndarray | None, D: np.ndarray | None, metric: str
) -> np.ndarray:
    """(len(rows), k_top): each sampled row's summed distance to the sampled rows of each finest
    segment, in blocks so no len(rows)^2 matrix is held."""
    n = tree.n
    seg = np.empty(n, dtype=np.int64)
    seg[tree.order] = kc.fine
    onehot = np.zeros((len(rows), kc.coarse.shape[1]))
    onehot[np.arange(len(rows)), seg[rows]] = 1.0
    kw = {}
    if X is not None:
        metric = resolve_metric(metric, "average")
        kw = _metric_params(X, metric)
    out = np.empty((len(rows), onehot.shape[1]))
    for lo in range(0, len(rows), BLOCK):
        block = rows[lo : lo + BLOCK]
        if X is not None:
            d = cdist(X[block], X[rows], metric, **kw)
        else:
            d = _condensed_block(D, n, block, rows)  # type: ignore[arg-type]
        out[lo : lo + BLOCK] = d @ onehot
    return out


def _metric_params(X: np.ndarray, metric: str) -> dict:
    """pdist derives these from all rows: keep them so a sample sees the tree's distances."""
    if metric == "seuclidean":
        return {"V": np.var(X, axis=0, ddof=1)}
    if metric == "mahalanobis":
        return {"VI": np.linalg.inv(np.cov(X.T)).T}
    return {}


def _condensed_block(D: np.ndarray, n: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    i, j = rows[:, None], cols[None, :]
    a, b = np.minimum(i, j), np.maximum(i, j)
    idx = n * a - a * (a + 1) // 2 + (b - a - 1)
    return np.where(a == b, 0.0, D[np.where(a == b, 0, idx)])


def _silhouettes(kc: KCuts, tree: Tree, rows: np.ndarray, sums: np.ndarray) -> np.ndarray:
    """scikit-learn's silhouette_samples, averaged, for each reachable k."""
    seg = np.empty(tree.n, dtype=np.int64)
    seg[tree.order] = kc.fine
    seg = seg[rows]
    s = len(rows)
    out = np.full(len(kc.ks), np.nan)
    for i in np.flatnonzero(kc.reachable):
        k = int(kc.ks[i])
        to_cluster = np.zeros((kc.coarse.shape[1], k))
        to_cluster[np.arange(kc.coarse.shape[1]), kc.coarse[i]] = 1.0
        total = sums @ to_cluster  # (s, k): summed distance to each cluster's sampled rows
        label = kc.coarse[i][seg]
        size = np.bincount(label, minlength=k).astype(np.float64)
        if not 2 <= np.count_nonzero(size) <= s - 1:
            continue
        with np.errstate(invalid="ignore", divide="ignore"):
            intra = total[np.arange(s), label] / (size[label] - 1)
            mean = total / size
        mean[:, size == 0] = np.inf
        mean[np.arange(s), label] = np.inf
        inter = mean.min(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            sil = (inter - intra) / np.maximum(intra, inter)
        out[i] = float(np.mean(np.nan_to_num(sil)))
    return out


def _ch_db(kc: KCuts, Xd: np.ndarray, mean: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """calinski_harabasz_score and davies_bouldin_score for each reachable k; `Xd` holds the rows
    in drawn order, so each cluster is a contiguous run."""
    n = len(Xd)
    ch = np.full(len(kc.ks), np.nan)
    db = np.full(len(kc.ks), np.nan)
    for i in np.flatnonzero(kc.reachable):
        k = int(kc.ks[i])
        starts = np.concatenate([[0], np.flatnonzero(np.diff(kc.drawn_labels(i))) + 1])
        size = np.diff(np.append(starts, n))
        centroid = np.add.reduceat(Xd, starts, axis=0) / size[:, None]
        diff = Xd - np.repeat(centroid, size, axis=0)
        sq = np.einsum("ij,ij->i", diff, diff)
        within = sq.sum()
        between = float((size * ((centroid - mean) ** 2).sum(axis=1)).sum())
        ch[i] = 1.0 if within == 0.0 else between * (n - k) / (within * (k - 1.0))
        spread = np.add.reduceat(np.sqrt(sq), starts) / size
        apart = pairwise_distances(centroid)  # scikit-learn's, so zero tests agree with it
        if np.all(np.isclose(spread, 0.0)) or np.all(np.isclose(apart, 0.0)):
            db[i] = 0.0
            continue
        apart[apart == 0] = np.inf
        db[i] = float(np.mean(np.max((spread[:, None] + spread) / apart, axis=1)))
    return ch, db
