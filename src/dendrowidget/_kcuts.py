"""Horizontal cuts for k = 2..k_max clusters, all from one sort of the gap heights.

A horizontal cut keeps the gaps (between adjacent drawn leaves) whose height is above it, so k
clusters are the k-1 highest gaps, if a height separates them from the rest (ties can make k
unreachable: see `_cut.height_for_k`). Sorting the gaps once by height gives every k: the cut
gaps for k are a prefix of that order, so the partitions for all k are coarsenings of the finest
one, and each k's labels are one lookup from the finest segments.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._errors import InputError
from ._tree import Tree


@dataclass(frozen=True)
class KCuts:
    """Cuts for ks = 2..k_top; rows of the arrays follow ks."""

    ks: np.ndarray  # int64 (m,)
    upper: np.ndarray  # height of the merge joining two of the k clusters (k-1 highest gap)
    lower: np.ndarray  # height of the highest merge inside them (0 when k = n)
    height: np.ndarray  # a cut height giving exactly k clusters, midway; NaN if unreachable
    fine: np.ndarray  # int64 (n,): finest segment (0..k_top-1) of each drawn position
    coarse: np.ndarray  # int64 (m, k_top): cluster (0..k-1, left to right) of each segment

    @property
    def reachable(self) -> np.ndarray:
        return ~np.isnan(self.height)

    def drawn_labels(self, i: int) -> np.ndarray:
        """Cluster (0..k-1, left to right) of each drawn position for ks[i]."""
        return self.coarse[i][self.fine]

    def row_labels(self, tree: Tree, i: int) -> np.ndarray:
        """Cluster (0..k-1, numbered left to right as drawn) of each row for ks[i]."""
        out = np.empty(tree.n, dtype=np.int64)
        out[tree.order] = self.drawn_labels(i)
        return out


K_MAX_LIMIT = 1000  # each k is a pass over the rows, and the tables grow as k_max^2


def check_k_max(k_max: object) -> int:
    if isinstance(k_max, bool) or not isinstance(k_max, (int, np.integer)) or k_max < 2:
        raise InputError(f"k_max must be an integer >= 2 (the most clusters to try), got {k_max!r}")
    if k_max > K_MAX_LIMIT:
        raise InputError(
            f"k_max={k_max} is too many cuts to score (each one is a pass over the rows); "
            f"ask for at most {K_MAX_LIMIT}"
        )
    return int(k_max)


def k_cuts(tree: Tree, k_max: int) -> KCuts:
    """The cuts for k = 2..min(k_max, n - 1)."""
    n = tree.n
    top = max(min(k_max, n - 1), 1)
    ks = np.arange(2, top + 1, dtype=np.int64)
    g = tree.gap_height
    rank = np.argsort(-g, kind="stable")  # gaps from the highest down
    g_desc = g[rank]
    upper = g_desc[ks - 2]
    lower = np.where(ks - 1 < n - 1, g_desc[np.minimum(ks - 1, n - 2)], 0.0)
    height = lower + (upper - lower) / 2
    height = np.where((lower <= height) & (height < upper), height, lower)  # adjacent floats
    height = np.where(lower < upper, height, np.nan)
    # The finest segments: cut at the top-1 highest gaps; gap j (in drawn order) is cut for k
    # when its rank is below k-1.
    cut_gaps = np.sort(rank[: top - 1])
    fine = np.zeros(n, dtype=np.int64)
    fine[cut_gaps + 1] = 1
    np.cumsum(fine, out=fine)
    order_of = np.empty(n - 1, dtype=np.int64)
    order_of[rank] = np.arange(n - 1)
    opens = order_of[cut_gaps][None, :] < (ks - 1)[:, None]  # (m, top-1)
    coarse = np.zeros((len(ks), top), dtype=np.int64)
    np.cumsum(opens, axis=1, out=coarse[:, 1:])
    return KCuts(ks, upper, lower, height, fine, coarse)
