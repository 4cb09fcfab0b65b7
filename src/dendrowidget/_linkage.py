"""Features, distances, or a fitted model -> a validated linkage matrix Z (scipy convention)."""

from __future__ import annotations

import os
from typing import Any

import numpy as np
from scipy.cluster import hierarchy
from scipy.spatial import distance

from . import _memory
from ._arrays import as_float_array
from ._errors import InputError
from ._merges import Merges, ids_dtype

METHODS = ("single", "complete", "average", "weighted", "centroid", "median", "ward")
METRIC_ALIASES = {
    "manhattan": "cityblock",
    "maximum": "chebyshev",
    "l1": "cityblock",
    "l2": "euclidean",
}
METRICS = tuple(sorted(distance._METRICS_NAMES))  # every metric pdist accepts by name
EUCLIDEAN_ONLY = ("centroid", "median", "ward")
# fastcluster.linkage_vector: O(n*d) memory, for these methods with the euclidean metric.
VECTOR_METHODS = ("single", "ward", "centroid", "median")
# Up to this many rows scipy's own implementation runs (well under a second): the tree is then
# bit-identical to scipy's, ties included. fastcluster breaks ties and rounds heights differently
# (measured: ~1e-14) for average/weighted/centroid/median/ward; single and complete agree exactly.
EXACT_MAX_ROWS = 3000


def resolve_method(method: str) -> str:
    if not isinstance(method, str) or method.lower() not in METHODS:
        raise InputError(f"unknown method {method!r}; choose one of: {', '.join(METHODS)}")
    return method.lower()


def resolve_metric(metric: str, method: str) -> str:
    if not isinstance(metric, str):
        raise InputError(
            f"metric must be a metric name, got {metric!r}; choose one of: "
            f"{', '.join(METRICS)} (aliases: {', '.join(METRIC_ALIASES)})"
        )
    name = METRIC_ALIASES.get(metric.lower(), metric.lower())
    if name not in METRICS:
        raise InputError(
            f"unknown metric {metric!r}; choose one of: {', '.join(METRICS)} "
            f"(aliases: {', '.join(f'{a}={b}' for a, b in METRIC_ALIASES.items())})"
        )
    if method in EUCLIDEAN_ONLY and name != "euclidean":
        raise InputError(
            f"method={method!r} needs the euclidean metric (its merge heights are defined by "
            f"centroids in euclidean space), got metric={metric!r}. Use method='average', "
            "'complete', 'single' or 'weighted' with this metric, or metric='euclidean'."
        )
    return name


def _fastcluster() -> Any | None:
    if os.environ.get("DENDROWIDGET_NO_FASTCLUSTER"):
        return None
    try:
        import fastcluster  # type: ignore[import-untyped]
    except ImportError:
        return None
    return fastcluster


def check_memory(n: int, method: str, metric: str, optimal_ordering: bool) -> None:
    """Refuse an O(n^2) distance matrix that would not fit, before allocating it; the message
    names what forces the matrix and the way out."""
    need = n * (n - 1) // 2 * 8 * 2  # condensed float64 distances plus the algorithm's working copy
    have = _memory.available_memory()
    if need <= 0.8 * have:
        return
    vector = method in VECTOR_METHODS and metric == "euclidean"
    if optimal_ordering:
        cause = (
            "optimal_ordering=True reorders the leaves with scipy's optimal_leaf_ordering, which "
            "needs every pairwise distance"
        )
        way_out = "drop optimal_ordering=True" + (
            f" (method={method!r} with metric='euclidean' then needs O(n*d) memory)"
            if vector
            else ""
        )
    elif vector:
        cause = "fastcluster is not available, so scipy needs every pairwise distance"
        way_out = "pip install fastcluster (its linkage_vector needs O(n*d) memory)"
    else:
        cause = f"method={method!r} with metric={metric!r} needs every pairwise distance"
        way_out = (
            "use method='ward', 'single', 'centroid' or 'median' with metric='euclidean' "
            "(O(n*d) memory)"
        )
    gib = 1024**3
    raise InputError(
        f"{cause}: on {n:,} rows about {need / gib:.1f} GiB, but only {have / gib:.1f} GiB is "
        f"available to this process. Way out: {way_out}, or reduce the rows first "
        "(from_dataframe(..., reduce=N) or a sample)."
    )


def linkage_from_features(
    X: np.ndarray, method: str, metric: str, optimal_ordering: bool = False
) -> np.ndarray:
    """Z for a feature matrix, with the fastest library that gives scipy's tree."""
    n = X.shape[0]
    fc = _fastcluster()
    exact = optimal_ordering or fc is None or (n <= EXACT_MAX_ROWS and method != "single")
    if not exact and method in VECTOR_METHODS and metric == "euclidean":
        return np.asarray(fc.linkage_vector(X, method=method, metric="euclidean"), dtype=float)
    check_memory(n, method, metric, optimal_ordering)
    D = _distances(X, metric)
    if exact:
        Z = hierarchy.linkage(D, method=method, optimal_ordering=optimal_ordering)
    else:
        Z = fc.linkage(D, method=method)
    return np.asarray(Z, dtype=np.float64)


def _distances(X: np.ndarray, metric: str) -> np.ndarray:
    """pdist, refusing metrics that are undefined on some rows (scipy would only say the
    distances are not finite)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        D = distance.pdist(X, metric=metric)
    if not np.all(np.isfinite(D)):
        hint = {
            "cosine": "rows of all zeros have no direction",
            "correlation": "constant rows have no correlation",
            "jensenshannon": "rows must be non-negative with a positive sum",
            "mahalanobis": "it needs more rows than features and an invertible covariance",
        }.get(metric, "some rows are outside its domain")
        raise InputError(
            f"metric={metric!r} gives NaN or infinite distances on this data ({hint}); fix or "
            "drop those rows, or choose another metric"
        )
    return D


def condensed_distances(D: Any) -> np.ndarray:
    """A private, checked condensed copy of a condensed or square distance matrix."""
    arr = as_float_array(D, "the distance matrix")
    if arr.ndim == 2:
        if arr.shape[0] != arr.shape[1]:
            raise InputError(
                f"a 2-D distance matrix must be square, got shape {arr.shape}; pass a condensed "
                "vector (scipy.spatial.distance.pdist) or an n x n matrix"
            )
        if not np.all(np.isfinite(arr)):
            raise InputError("the distance matrix has NaN or infinite entries; fix or drop them")
        if not np.allclose(arr, arr.T):
            raise InputError("the square distance matrix is not symmetric: D[i, j] != D[j, i]")
        if np.any(np.diag(arr) != 0):
            raise InputError("the square distance matrix must have zeros on its diagonal")
        arr = distance.squareform(arr, checks=False)
    elif arr.ndim != 1:
        raise InputError(f"distances must be condensed (1-D) or square (2-D), got {arr.ndim}-D")
    m = arr.shape[0]
    n = n_from_condensed(m)
    if n * (n - 1) // 2 != m or n < 2:
        raise InputError(
            f"a condensed distance vector has n*(n-1)/2 entries for n >= 2 rows; got {m} entries"
        )
    if not np.all(np.isfinite(arr)):
        raise InputError("the distances have NaN or infinite entries; fix or drop them")
    if np.any(arr < 0):
        raise InputError("distances must be >= 0; found negative entries")
    return arr


def n_from_condensed(m: int) -> int:
    return int(np.rint((1 + np.sqrt(1 + 8 * m)) / 2))


def linkage_from_distances(
    condensed: np.ndarray, method: str, optimal_ordering: bool = False
) -> np.ndarray:
    """Z for checked condensed distances (see condensed_distances)."""
    n = n_from_condensed(condensed.shape[0])
    fc = _fastcluster()
    if fc is not None and n > EXACT_MAX_ROWS and not optimal_ordering:
        Z = fc.linkage(condensed, method=method)
    else:
        Z = hierarchy.linkage(condensed, method=method, optimal_ordering=optimal_ordering)
    return np.asarray(Z, dtype=np.float64)


def check_linkage(Z: Any) -> Merges:
    """Check a user's Z; its columns as private copies. Errors say which rule a row breaks.

    A float64 Z is read in place, never copied whole: at a million rows the copy was 32 MB of
    fresh memory on the way to the first frame. It is read only here: nothing keeps it."""
    arr = as_float_array(Z, "the linkage matrix", copy=False)
    if arr.ndim != 2 or arr.shape[1] != 4:
        raise InputError(
            f"a linkage matrix has shape (n-1, 4) as scipy.cluster.hierarchy.linkage returns; "
            f"got shape {arr.shape}"
        )
    if arr.shape[0] < 1:
        raise InputError("the linkage matrix is empty: clustering needs at least 2 rows")
    merges = _checked(arr)
    if merges is None:
        _raise_broken_rule(arr)  # names the rule
        raise InputError("the linkage matrix breaks a rule of scipy's linkage format")
    return merges


RULE_BLOCK = 1 << 16  # rows checked at a time: small temporaries, reused from block to block


def _checked(arr: np.ndarray) -> Merges | None:
    """The columns of Z if it obeys every rule of _raise_broken_rule, else None. Checked in
    node-id integers, a block of rows at a time: in a new kernel a million-row check costs what
    its memory costs when first touched (about 2 ms per MB, measured), so the temporaries stay at
    a few hundred KB, the same pages each time, and the only fresh memory is the columns kept.
    NaN, infinite or huge values cast to garbage integers, which the equality checks catch."""
    n = arr.shape[0] + 1
    m = 2 * n - 1
    ids = ids_dtype(m)
    out = Merges(
        np.empty(n - 1, dtype=ids),
        np.empty(n - 1, dtype=ids),
        np.empty(n - 1, dtype=np.float64),
        np.empty(n - 1, dtype=ids),  # each merge's count, read exactly (checked below)
    )
    used = np.zeros(m, dtype=bool)
    for lo in range(0, n - 1, RULE_BLOCK):
        hi = min(n - 1, lo + RULE_BLOCK)
        rows = arr[lo:hi]
        a, b, c, heights = out.a[lo:hi], out.b[lo:hi], out.count[lo:hi], out.height[lo:hi]
        with np.errstate(invalid="ignore"):
            for dst, j in ((a, 0), (b, 1), (c, 3)):
                np.copyto(dst, rows[:, j], casting="unsafe")
        if not (
            np.array_equal(a, rows[:, 0])
            and np.array_equal(b, rows[:, 1])
            and np.array_equal(c, rows[:, 3])
        ):
            return None
        # row i may only join ids below n + i
        if min(a.min(), b.min()) < 0 or (np.maximum(a, b) >= np.arange(n + lo, n + hi)).any():
            return None
        heights[:] = rows[:, 2]
        if not (np.isfinite(heights).all() and (heights >= 0).all()):
            return None
        used[a] = True
        used[b] = True
        # Children come before their merge (checked above), so their counts are known and exact:
        # from the leaves up each count is the true one, at most n, and no sum can wrap.
        ca = np.where(a < n, 1, out.count[np.maximum(a - n, 0)])
        cb = np.where(b < n, 1, out.count[np.maximum(b - n, 0)])
        if not np.array_equal(c, ca + cb):
            return None
    return out if used[: m - 1].all() else None


def _raise_broken_rule(arr: np.ndarray) -> None:
    """Raise InputError naming the first rule Z breaks (the slow, wordy path)."""
    if not np.all(np.isfinite(arr)):
        bad = np.flatnonzero(~np.all(np.isfinite(arr), axis=1))
        raise InputError(
            f"the linkage matrix has NaN or infinite values in rows {bad[:5].tolist()}; "
            "every index, height and count must be finite"
        )
    n = arr.shape[0] + 1
    # Contiguous integer columns: the checks below are memory-bound at a million rows.
    with np.errstate(invalid="ignore"):  # huge values: the check below names them
        a, b = arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64)
    if (
        not (np.array_equal(a, arr[:, 0]) and np.array_equal(b, arr[:, 1]))
        or min(a.min(), b.min()) < 0
    ):
        raise InputError("linkage children (columns 0 and 1) must be non-negative integers")
    late = np.maximum(a, b) >= np.arange(n, 2 * n - 1)
    if late.any():
        raise InputError(
            f"linkage row {int(np.flatnonzero(late)[0])} uses a cluster before it is formed "
            f"(row i may only join ids < {n}+i)"
        )
    # 2n-2 child slots, each id below the root: all ids covered <=> each used exactly once.
    used = np.zeros(2 * n - 1, dtype=bool)
    used[a] = True
    used[b] = True
    if not used[: 2 * n - 2].all():
        raise InputError(
            "every leaf and every merge except the root must be joined exactly once; "
            "this linkage uses some twice or never"
        )
    if np.any(arr[:, 2] < 0):
        raise InputError("linkage heights (column 2) must be >= 0")
    counts = np.ones(2 * n - 1)
    counts[n:] = arr[:, 3]
    wrong = counts[n:] != counts[a] + counts[b]
    if wrong.any():
        row = int(np.flatnonzero(wrong)[0])
        raise InputError(
            f"linkage row {row} has count {arr[row, 3]:g}, but its children hold "
            f"{counts[a[row]] + counts[b[row]]:g} leaves (column 3 must count the leaves)"
        )


def linkage_from_model(model: Any) -> np.ndarray:
    """Z from a fitted sklearn AgglomerativeClustering (children_, distances_, labels_)."""
    from sklearn.cluster import AgglomerativeClustering, FeatureAgglomeration

    name = type(model).__name__
    if not isinstance(model, (AgglomerativeClustering, FeatureAgglomeration)):
        raise InputError(
            f"from_model takes a fitted sklearn.cluster.AgglomerativeClustering; got {name}, "
            "which builds no merge tree. Cluster its input instead: Dendrogram(X), or "
            "Dendrogram.from_dataframe(df, ...)"
        )
    children = getattr(model, "children_", None)
    if children is None:
        raise InputError(f"this {name} is not fitted (no children_); call .fit(X) first")
    distances = getattr(model, "distances_", None)
    if distances is None:
        raise InputError(
            "the model was fitted without merge distances. Fit it with "
            "AgglomerativeClustering(distance_threshold=0, n_clusters=None) or "
            "compute_distances=True, then pass it again"
        )
    children = np.asarray(children, dtype=np.int64)
    n = children.shape[0] + 1
    counts = np.ones(2 * n - 1)
    for i, (a, b) in enumerate(children):  # sequential by nature: each merge uses earlier counts
        counts[n + i] = counts[a] + counts[b]
    # Checked as any user's Z is, by from_linkage.
    return np.column_stack([children, np.asarray(distances, dtype=np.float64), counts[n:]])
