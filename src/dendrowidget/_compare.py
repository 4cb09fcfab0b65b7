"""Do two trees over the same rows agree? Their k-cluster partitions compared for every k
(dendextend's Bk plot), and the correlation of their cophenetic distances.

The cophenetic distance of two rows is the height of the merge that first joins them: their
lowest common ancestor, which is the highest node id among the gaps between them in drawn order
(an ancestor is always created after its descendants). So for sampled rows sorted by drawn
position, every pair's value is a running maximum over the gaps between neighbours: O(sample^2)
numpy work and memory for the pairs only, never an n x n matrix.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score, fowlkes_mallows_score

from ._errors import InputError
from ._kcuts import check_k_max, k_cuts
from ._suggest import check_sample, check_seed
from ._tree import Tree

SAMPLE_LIMIT = 10_000  # 50 million pairs of cophenetic distances per tree
SCORES = {
    "adjusted_rand": adjusted_rand_score,
    "adjusted_mutual_info": adjusted_mutual_info_score,
    "fowlkes_mallows": fowlkes_mallows_score,
}


def compare_trees(
    tree_a: Tree, tree_b: Tree, k_max: int = 20, sample: int = 2000, random_state: int = 0
) -> pd.DataFrame:
    """A DataFrame indexed by k = 2..min(k_max, n - 1) with scikit-learn's "adjusted_rand",
    "adjusted_mutual_info" and "fowlkes_mallows" between the two trees' k-cluster partitions
    (horizontal cuts, rows matched by position, all rows), NaN where either tree cannot make
    exactly k clusters (ties). `df.attrs["cophenetic_correlation"]` holds
    `cophenetic_correlation(tree_a, tree_b, sample, random_state)`.
    """
    k_max = check_k_max(k_max)
    _check_same_rows(tree_a, tree_b)
    cuts_a, cuts_b = k_cuts(tree_a, k_max), k_cuts(tree_b, k_max)
    out = pd.DataFrame(np.nan, index=pd.Index(cuts_a.ks, name="k"), columns=list(SCORES))
    both = cuts_a.reachable & cuts_b.reachable
    for i in np.flatnonzero(both):
        a, b = cuts_a.row_labels(tree_a, i), cuts_b.row_labels(tree_b, i)
        out.iloc[i] = [float(score(a, b)) for score in SCORES.values()]
    out.attrs["cophenetic_correlation"] = cophenetic_correlation(
        tree_a, tree_b, sample, random_state
    )
    return out


def cophenetic_correlation(
    tree_a: Tree, tree_b: Tree, sample: int = 2000, random_state: int = 0
) -> float:
    """Pearson correlation of the two trees' cophenetic distances over all pairs of rows (as
    `scipy.cluster.hierarchy.cophenet(Z_a, cophenet(Z_b))[0]`) when n <= sample, else over the
    pairs of `sample` rows drawn with `np.random.RandomState(random_state).permutation`.
    NaN when either tree's distances are all equal."""
    sample = check_sample(sample)
    if sample > SAMPLE_LIMIT:
        raise InputError(
            f"sample={sample} rows make {sample * (sample - 1) // 2:,} pairs to hold; "
            f"ask for at most {SAMPLE_LIMIT:,} rows"
        )
    seed = check_seed(random_state)
    _check_same_rows(tree_a, tree_b)
    n = tree_a.n
    rows = np.arange(n) if n <= sample else np.random.RandomState(seed).permutation(n)[:sample]
    x, y = cophenetic_pairs(tree_a, rows), cophenetic_pairs(tree_b, rows)
    x, y = x - x.mean(), y - y.mean()
    denom = np.sqrt(np.dot(x, x) * np.dot(y, y))
    return float(np.dot(x, y) / denom) if denom > 0 else float("nan")


def cophenetic_pairs(tree: Tree, rows: np.ndarray) -> np.ndarray:
    """Cophenetic distances of the given rows in scipy's condensed order: pair (a, b), a < b
    positions in `rows`, at index s*a - a*(a+1)/2 + b - a - 1."""
    s = len(rows)
    out = np.empty(s * (s - 1) // 2)
    if s < 2:
        return out
    pos = tree.start[rows].astype(np.int64)  # a leaf's start is its drawn position
    by_pos = np.argsort(pos)
    p = pos[by_pos]
    # Highest gap node between each sampled row and the next in drawn order.
    between = np.maximum.reduceat(tree.gap_node[: p[-1]], p[:-1]).astype(np.int64)
    heights = tree.height
    for i in range(s - 1):
        lca = np.maximum.accumulate(between[i:])
        a, b = by_pos[i], by_pos[i + 1 :]
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        out[s * lo - lo * (lo + 1) // 2 + hi - lo - 1] = heights[lca - tree.n]
    return out


def _check_same_rows(tree_a: Tree, tree_b: Tree) -> None:
    if tree_a.n != tree_b.n:
        raise InputError(
            f"the two trees must be over the same rows, in the same order: one has "
            f"{tree_a.n} leaves, the other {tree_b.n}"
        )


def compare(
    a: object, b: object, k_max: int = 20, sample: int = 2000, random_state: int = 0
) -> pd.DataFrame:
    """Do two dendrograms over the same rows agree? For k = 2..k_max: adjusted Rand, adjusted
    mutual information and Fowlkes-Mallows between their k-cluster cuts (rows matched by
    position; NaN where ties make k unreachable in either), and
    ``df.attrs["cophenetic_correlation"]`` between the two trees (on ``sample`` seeded rows when
    there are more). For example: does average linkage agree with Ward on these rows?"""
    from ._widget import Dendrogram

    for name, w in (("a", a), ("b", b)):
        if not isinstance(w, Dendrogram):
            raise TypeError(f"compare takes two Dendrogram widgets; {name} is {type(w).__name__}")
        if w._b.rows.expandable:
            raise InputError(
                f"compare needs trees whose leaves are rows; {name} was built with reduce= (its "
                "leaves are micro-clusters). Compare trees of the same rows without reduce="
            )
    return compare_trees(a._b.tree, b._b.tree, k_max, sample, random_state)  # type: ignore[attr-defined]
