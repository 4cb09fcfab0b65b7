"""Hypothesis strategies shared by the engine tests: data with ties, random trees with ties and
inversions, and scipy-based oracles."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from scipy.cluster.hierarchy import fcluster

SORTS = [
    {},
    {"count_sort": True},
    {"count_sort": "ascending"},
    {"count_sort": "descending"},
    {"distance_sort": True},
    {"distance_sort": "ascending"},
    {"distance_sort": "descending"},
    {"count_sort": "descending", "distance_sort": "ascending"},
]


@st.composite
def tie_data(draw: st.DrawFn, min_rows: int = 2, max_rows: int = 40) -> np.ndarray:
    """Small integer-valued data: many equal distances, duplicate rows, zero heights."""
    n = draw(st.integers(min_rows, max_rows))
    d = draw(st.integers(1, 3))
    levels = draw(st.integers(1, 4))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    return rng.integers(0, levels + 1, size=(n, d)).astype(float)


@st.composite
def random_linkage(draw: st.DrawFn, max_leaves: int = 60) -> np.ndarray:
    """A random valid Z: random topology, heights from a few values (ties), unordered (inversions
    wherever a merge gets a lower height than one of its children)."""
    n = draw(st.integers(2, max_leaves))
    seed = draw(st.integers(0, 2**32 - 1))
    monotone = draw(st.booleans())
    rng = np.random.default_rng(seed)
    values = rng.integers(0, draw(st.integers(1, 6)), size=n - 1).astype(float) / 2
    if monotone:
        values = np.sort(values)
    active = list(range(n))
    size = {i: 1 for i in range(n)}
    Z = np.empty((n - 1, 4))
    for i in range(n - 1):
        a, b = rng.choice(len(active), size=2, replace=False)
        x, y = active[a], active[b]
        for j in sorted((a, b), reverse=True):
            active.pop(j)
        Z[i] = (x, y, values[i], size[x] + size[y])
        size[n + i] = size[x] + size[y]
        active.append(n + i)
    return Z


def leaves_under(Z: np.ndarray, node: int) -> set[int]:
    n = Z.shape[0] + 1
    out, stack = set(), [node]
    while stack:
        v = stack.pop()
        if v < n:
            out.add(v)
        else:
            stack.extend((int(Z[v - n, 0]), int(Z[v - n, 1])))
    return out


def same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    """Two labelings describe the same partition (ids may differ)."""
    a, b = np.asarray(a), np.asarray(b)
    pairs = set(zip(a.tolist(), b.tolist(), strict=True))
    return len(pairs) == len(set(a.tolist())) == len(set(b.tolist()))


def fcluster_at(Z: np.ndarray, t: float) -> np.ndarray:
    return fcluster(Z, t, criterion="distance")


def interesting_cuts(Z: np.ndarray) -> list[float]:
    """Every merge height (ties join there), midpoints between them, 0 and above the root."""
    h = np.unique(Z[:, 2])
    mids = (h[:-1] + h[1:]) / 2 if len(h) > 1 else np.array([])
    return sorted({0.0, float(h.max()) + 1.0, *h.tolist(), *mids.tolist()})


def caterpillar(n: int) -> np.ndarray:
    """Z of a single-linkage chain: merge i adds leaf i+1 at height i+1, n-1 deep."""
    idx = np.arange(1, n - 1)
    Z = np.empty((n - 1, 4))
    Z[0] = (0, 1, 1.0, 2)
    Z[1:] = np.column_stack([n + idx - 1, idx + 1, 1.0 + idx, idx + 2])
    return Z
