"""Engine speed against the anchors, measured in one run: layout vs scipy's dendrogram, cut vs
fcluster, linkage vs scipy. Prints a markdown table for the README.

    python benchmarks/engine.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

import numpy as np
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage

from dendrowidget import Dendrogram
from dendrowidget._cut import row_ids
from dendrowidget._linkage import linkage_from_features
from dendrowidget._tree import build_tree


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    """Best of `repeat` wall-clock runs, in seconds (the least disturbed run)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def random_tree(n: int, seed: int = 0) -> np.ndarray:
    """A random valid Z with increasing heights (random topology, like a noisy clustering)."""
    rng = np.random.default_rng(seed)
    active = list(range(n))
    size = np.ones(2 * n - 1)
    Z = np.empty((n - 1, 4))
    heights = np.sort(rng.random(n - 1))
    picks = rng.random((n - 1, 2))
    for i in range(n - 1):
        m = len(active)
        a = int(picks[i, 0] * m)
        x = active[a]
        active[a] = active[-1]
        active.pop()
        b = int(picks[i, 1] * (m - 1))
        y = active[b]
        active[b] = n + i
        size[n + i] = size[x] + size[y]
        Z[i] = (min(x, y), max(x, y), heights[i], size[n + i])
    return Z


def caterpillar(n: int) -> np.ndarray:
    """Each merge adds one leaf to the previous cluster: a tree n-1 deep."""
    idx = np.arange(1, n - 1)
    Z = np.empty((n - 1, 4))
    Z[0] = (0, 1, 1.0, 2)
    Z[1:] = np.column_stack([n + idx - 1, idx + 1, 1.0 + idx, idx + 2])
    return Z


def row(name: str, ours: float, anchor: float, anchor_name: str) -> str:
    return (
        f"| {name} | {ours * 1e3:,.2f} ms | {anchor * 1e3:,.1f} ms ({anchor_name}) | "
        f"{anchor / ours:,.0f}x |"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = ap.parse_args()
    sys.setrecursionlimit(100_000)  # scipy's dendrogram recurses; give it a fair chance
    rng = np.random.default_rng(0)
    lines = ["| step | dendrowidget | anchor | speed-up |", "|---|---|---|---|"]

    n = 2_000 if args.quick else 20_000
    X = rng.normal(size=(n, 8))
    Z = linkage_from_features(X, "ward", "euclidean")
    ours = best(lambda: build_tree(Z, distance_sort="ascending"))
    theirs = best(lambda: dendrogram(Z, no_plot=True, distance_sort="ascending"), repeat=3)
    lines.append(row(f"layout, n = {n:,} (ward)", ours, theirs, "scipy dendrogram no_plot"))

    t_fc = best(lambda: linkage_from_features(X, "ward", "euclidean"), repeat=1)
    t_sp = best(lambda: linkage(X, "ward"), repeat=1)
    lines.append(row(f"ward linkage, n = {n:,}, d = 8", t_fc, t_sp, "scipy linkage"))

    big = 100_000 if args.quick else 1_000_000
    Zb = random_tree(big)
    tree = build_tree(Zb)
    t = float(np.quantile(Zb[:, 2], 0.999))
    ours = best(lambda: row_ids(tree, t), repeat=20)
    theirs = best(lambda: fcluster(Zb, t, criterion="distance"), repeat=3)
    lines.append(row(f"cut -> cluster ids, n = {big:,}", ours, theirs, "scipy fcluster"))
    w = Dendrogram.from_linkage(Zb)
    w.cut_height = t
    ours_series = best(lambda: w.clusters, repeat=20)
    lines.append(
        row(f"cut -> `w.clusters` Series, n = {big:,}", ours_series, theirs, "scipy fcluster")
    )
    layout_big = best(lambda: build_tree(Zb), repeat=3)
    scipy_big = best(lambda: dendrogram(Zb, no_plot=True), repeat=1)
    lines.append(
        row(f"layout, n = {big:,} (random tree)", layout_big, scipy_big, "scipy dendrogram no_plot")
    )

    chain = caterpillar(5_000)
    ours = best(lambda: build_tree(chain))
    sys.setrecursionlimit(1_000)  # Python's default
    try:
        dendrogram(chain, no_plot=True)
        verdict = "ran"
    except RecursionError:
        verdict = "RecursionError"
    sys.setrecursionlimit(100_000)
    lines.append(
        f"| layout, 5,000-deep chain (single linkage shape) | {ours * 1e3:,.2f} ms | "
        f"scipy dendrogram at the default recursion limit: {verdict} | |"
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
