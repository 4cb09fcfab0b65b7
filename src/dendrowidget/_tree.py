"""Linkage matrix -> drawn tree: leaf order, node spans, subtree max heights.

Everything is vectorized numpy and iterative: single linkage on 100k points makes chains 100k deep,
so nothing here may recurse or loop in Python per node.

A Tree has its drawn children and heights at once (all the view needs); the rest of its layout
is computed on first use, or earlier in the background (`Tree.prefetch`, see `_built.Later`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Literal

import numpy as np

from ._merges import Merges, ids_dtype

SortOption = Literal["ascending", "descending"] | bool


@dataclass(frozen=True)
class Layout:
    """What drawing order adds to the merges (arrays of int32 ids, float64 heights)."""

    count: np.ndarray  # (2n-1,): leaves under each node
    start: np.ndarray  # (2n-1,): drawn position of each node's first leaf
    order: np.ndarray  # (n,): row at each drawn position
    maxh: np.ndarray  # (2n-1,): max merge height in each subtree (0 for leaves)
    gap_height: np.ndarray  # (n-1,): maxh of the LCA of drawn positions g and g+1
    gap_node: np.ndarray  # (n-1,): that LCA's node id
    parent: np.ndarray  # (2n-1,): parent of each node (the root is its own parent)


@dataclass(frozen=True)
class Tree:
    """A linkage tree in drawn order. Node ids follow scipy: leaves 0..n-1, merge i is n+i.

    `left`, `right` (children drawn left and right of each merge) and `height` are there at
    once; the `Layout` fields read through, waiting for the layout if it is still computed."""

    n: int
    left: np.ndarray  # (n-1,)
    right: np.ndarray  # (n-1,)
    height: np.ndarray  # float64 (n-1,)
    pending: Future  # of the Layout

    @property
    def layout(self) -> Layout:
        return self.pending.result()

    def prefetch(self) -> None:
        """Start computing the layout in the background, if its future can (see `_built.Later`)."""
        start = getattr(self.pending, "start", None)
        if start is not None:
            start()

    count = property(lambda self: self.layout.count)
    start = property(lambda self: self.layout.start)
    order = property(lambda self: self.layout.order)
    maxh = property(lambda self: self.layout.maxh)
    gap_height = property(lambda self: self.layout.gap_height)
    gap_node = property(lambda self: self.layout.gap_node)
    parent = property(lambda self: self.layout.parent)

    @property
    def linkage(self) -> np.ndarray:
        """Z with each row's children in drawn order (left first)."""
        n = self.n
        return np.column_stack([self.left, self.right, self.height, self.count[n:]]).astype(
            np.float64
        )


def _counts(m: Merges) -> np.ndarray:
    """Leaves under each node (2n-1,)."""
    n = m.n
    count = np.ones(2 * n - 1, dtype=ids_dtype(2 * n - 1))
    count[n:] = m.count
    return count


def _orient(
    m: Merges, count_sort: SortOption, distance_sort: SortOption
) -> tuple[np.ndarray, np.ndarray]:
    """Decide which child is drawn left, exactly as scipy's dendrogram does.

    scipy compares the children's leaf counts (count_sort, which wins over distance_sort) or the
    heights of the children's own merges (distance_sort; a leaf counts as height 0).
    """
    n, a, b = m.n, m.a, m.b
    if count_sort in ("ascending", True, "descending"):
        count = _counts(m)
        swap = count[a] > count[b]
        if count_sort == "descending":
            swap = ~swap
    elif distance_sort in ("ascending", True, "descending"):
        height_of = np.zeros(2 * n - 1, dtype=np.float64)
        height_of[n:] = m.height
        swap = height_of[a] > height_of[b]
        if distance_sort == "descending":
            swap = ~swap
    else:
        return a, b  # as given: the merges' own (private) arrays
    return np.where(swap, b, a), np.where(swap, a, b)


def _subtree_max(start: np.ndarray, count: np.ndarray, gap_h: np.ndarray, n: int) -> np.ndarray:
    """max of gap heights over each internal node's span: the internal nodes of a subtree are
    exactly the LCAs of its adjacent leaf pairs. Sparse table, O(n log n) vectorized."""
    lo = start[n:].astype(np.intp)
    hi = lo + count[n:] - 1  # exclusive end of the node's gaps; span length >= 1
    length = hi - lo
    levels = [gap_h]
    k = 1
    while 2 * k <= len(gap_h):
        prev = levels[-1]
        levels.append(np.maximum(prev[:-k], prev[k:]))
        k *= 2
    j = np.floor(np.log2(length)).astype(np.int64)
    # Guard against log2 rounding at exact powers of two.
    j = np.where((1 << (j + 1)) <= length, j + 1, j)
    j = np.where((1 << j) > length, j - 1, j)
    out = np.empty(len(lo), dtype=np.float64)
    for level in np.unique(j):
        sel = j == level
        table = levels[level]
        w = 1 << int(level)
        out[sel] = np.maximum(table[lo[sel]], table[hi[sel] - w])
    return out


def lay_out(left: np.ndarray, right: np.ndarray, height: np.ndarray, count: np.ndarray) -> Layout:
    """Spans, order, gaps and subtree max heights of a tree whose children are in drawn order."""
    n = len(left) + 1
    m = 2 * n - 1
    root = m - 1
    merge_ids = np.arange(n, m, dtype=count.dtype)
    # numpy indexes with intp: convert each index array once, not at every use.
    lp, rp = left.astype(np.intp), right.astype(np.intp)
    left_count = np.take(count, lp)
    parent = np.empty(m, dtype=count.dtype)
    parent[root] = root
    parent[lp] = merge_ids
    parent[rp] = merge_ids
    offset = np.zeros(m, dtype=count.dtype)
    offset[rp] = left_count
    # Start of each merge: the sum of `offset` over its path to the root, by pointer jumping
    # (O(n log depth) numpy work: a 1M-deep caterpillar costs 20 rounds, not 1M steps). Merges
    # only (their parents are merges); a leaf then adds its own offset to its parent's start.
    # Invariant: total[i] sums the path from merge i (inclusive) to merge up[i] (exclusive).
    up = parent[n:].astype(np.intp) - n
    total = offset[n:]  # a fresh slice of a temporary: updated in place
    top = n - 2
    while not (up == top).all():
        total += np.take(total, up)
        up = np.take(up, up)
    start = np.empty(m, dtype=count.dtype)
    start[n:] = total
    start[:n] = np.take(total, parent[:n].astype(np.intp) - n) + offset[:n]

    order = np.empty(n, dtype=count.dtype)
    order[start[:n]] = np.arange(n, dtype=count.dtype)
    gap_node = np.empty(n - 1, dtype=count.dtype)
    gap_node[start[n:] + left_count - 1] = merge_ids
    maxh = np.zeros(m, dtype=np.float64)
    # An inversion anywhere shows as some merge higher than its parent.
    if n > 2 and np.any(height[:-1] > np.take(height, parent[n:root].astype(np.intp) - n)):
        maxh[n:] = _subtree_max(start, count, np.take(height, gap_node.astype(np.intp) - n), n)
    else:
        maxh[n:] = height
    gap_height = np.take(maxh, gap_node.astype(np.intp))
    return Layout(count, start, order, maxh, gap_height, gap_node, parent)


def start_tree(
    m: Merges,
    count_sort: SortOption,
    distance_sort: SortOption,
    run: Callable[[Callable[[], Layout]], Future],
) -> Tree:
    """A Tree of valid merges with its drawn children now and its layout given to `run` (which
    may compute it in the background)."""
    left, right = _orient(m, count_sort, distance_sort)
    return Tree(m.n, left, right, m.height, run(lambda: lay_out(left, right, m.height, _counts(m))))


def now(fn: Callable[[], Layout]) -> Future:
    """Run `fn` at once (the synchronous `run` of `start_tree`)."""
    done: Future = Future()
    done.set_result(fn())
    return done


def build_tree(
    Z: np.ndarray,
    *,
    count_sort: SortOption = False,
    distance_sort: SortOption = False,
) -> Tree:
    """Lay out a valid linkage matrix (see `_linkage.check_linkage`) the way scipy draws it."""
    return start_tree(Merges.of(Z), count_sort, distance_sort, now)
