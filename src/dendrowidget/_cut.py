"""Cut height <-> flat clusters, in drawn order.

Each internal node is the lowest common ancestor of exactly one pair of adjacent leaves in drawn
order, and fcluster(criterion="distance") keeps two leaves together iff their LCA's subtree max
height is <= t. So a cut is one comparison per gap and a cumulative sum: O(n), no tree walk.
"""

from __future__ import annotations

import numpy as np

from ._errors import InputError
from ._tree import Tree
from ._values import number


def check_cut_height(t: object) -> float:
    """A cut height must be a finite number >= 0."""
    value = number(t, "cut_height (None for no cut)")
    if value < 0:
        raise InputError(f"cut_height must be >= 0, got {value!r}; use None to remove the cut")
    return value


def drawn_ids(tree: Tree, t: float | None) -> np.ndarray:
    """Cluster id (1..k, left to right) of each drawn position."""
    ids = np.ones(tree.n, dtype=np.int64)
    if t is None:
        return ids
    np.cumsum(tree.gap_height > t, out=ids[1:])
    ids += 1
    ids[0] = 1
    return ids


def row_ids(tree: Tree, t: float | None) -> np.ndarray:
    """Cluster id of each row (input position), numbered left to right as drawn."""
    out = np.empty(tree.n, dtype=np.int64)
    out[tree.order] = drawn_ids(tree, t)
    return out


def n_clusters_at(tree: Tree, t: float | None) -> int:
    if t is None:
        return 1
    return int(np.count_nonzero(tree.gap_height > t)) + 1


def height_for_k(tree: Tree, k: int) -> float:
    """A cut height giving exactly k clusters: midway between the merges that bound it.

    Raises when no height gives k clusters (ties, or zero-height merges for k close to n).
    """
    n = tree.n
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise InputError(f"n_clusters must be an integer between 1 and {n}, got {k!r}")
    k = int(k)
    if not 1 <= k <= n:
        raise InputError(f"n_clusters must be between 1 and {n} (the number of leaves), got {k}")
    g = np.sort(tree.gap_height)[::-1]  # descending; k clusters need exactly k-1 gaps above t
    if k == 1:
        return float(g[0]) if n > 1 else 0.0
    upper = float(g[k - 2])  # must stay strictly above t
    lower = float(g[k - 1]) if k - 1 < len(g) else 0.0  # must be <= t
    if lower >= upper:
        possible = _possible_counts_near(g, k)
        raise InputError(
            f"no cut height gives exactly {k} clusters: {_tie_count(g, upper)} merges tie at "
            f"height {upper:.6g}, so the count jumps over {k}. Nearest possible: {possible}"
        )
    t = lower + (upper - lower) / 2
    if not lower <= t < upper:  # adjacent floats: the lower bound itself is a valid cut
        t = lower
    return t


def _tie_count(g_desc: np.ndarray, h: float) -> int:
    return int(np.count_nonzero(g_desc == h))


def _possible_counts_near(g_desc: np.ndarray, k: int) -> str:
    """The achievable cluster counts on either side of k, for the error message."""
    heights = np.unique(g_desc)  # ascending distinct heights
    counts = [int(np.count_nonzero(g_desc > h)) + 1 for h in heights]
    if heights[0] > 0:
        counts.append(len(g_desc) + 1)
    below = [c for c in counts if c < k]
    above = [c for c in counts if c > k]
    parts = []
    if below:
        parts.append(f"{max(below)}")
    if above:
        parts.append(f"{min(above)}")
    return " or ".join(parts) + " clusters"


def cluster_nodes(tree: Tree, t: float | None) -> np.ndarray:
    """The subtree root of each cluster, in cluster-id order (left to right): the nodes entirely
    below the cut whose parent is not."""
    root = 2 * tree.n - 2
    if t is None:
        return np.array([root])
    below = tree.maxh <= t
    tops = np.flatnonzero(below & ~below[tree.parent])
    if below[root]:
        tops = np.array([root])
    return tops[np.argsort(tree.start[tops], kind="stable")]


def cut_steps(tree: Tree) -> np.ndarray:
    """Distinct merge heights (subtree max) in ascending order: where the cluster count changes."""
    return np.unique(tree.gap_height)
