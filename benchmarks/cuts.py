"""Cut advice speed against the anchors, measured in one run: cut_branches vs scikit-learn's
HDBSCAN selection, suggest_cuts vs k calls to fcluster plus scikit-learn's scores; compare_trees
and to_newick for scale. Prints a markdown table for the README.

    python benchmarks/cuts.py [--quick]
"""

from __future__ import annotations

import argparse
import warnings

import numpy as np
from engine import best, caterpillar, random_tree
from scipy.cluster.hierarchy import fcluster
from sklearn.cluster import HDBSCAN
from sklearn.cluster._hdbscan._tree import HIERARCHY_dtype, tree_to_labels
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score

from dendrowidget._branches import cut_branches
from dendrowidget._compare import compare_trees
from dendrowidget._linkage import linkage_from_features
from dendrowidget._newick import to_newick
from dendrowidget._suggest import suggest_cuts
from dendrowidget._tree import build_tree


def staircase(blocks: int, size: int) -> np.ndarray:
    """`blocks` chains of `size` leaves (heights < 1) joined one after another at heights 1, 2,
    ...: every join is a split, so the condensed cluster tree is `blocks` deep (the worst case
    for the excess-of-mass recursion)."""
    n = blocks * size
    first = np.arange(blocks) * size
    base = n + np.arange(blocks) * (size - 1)  # id of each block's first merge
    Zb = np.empty((blocks, size - 1, 4))
    Zb[:, 0, 0], Zb[:, 0, 1] = first, first + 1
    for j in range(1, size - 1):
        Zb[:, j, 0], Zb[:, j, 1] = base + j - 1, first + j + 1
    Zb[:, :, 2] = np.arange(1, size) / size / 2
    Zb[:, :, 3] = np.arange(2, size + 1)
    joins = n + blocks * (size - 1) + np.arange(blocks - 1)
    Zs = np.empty((blocks - 1, 4))
    Zs[:, 0] = np.concatenate([[base[0] + size - 2], joins[:-1]])
    Zs[:, 1] = base[1:] + size - 2
    Zs[:, 2] = np.arange(1, blocks)
    Zs[:, 3] = np.arange(2, blocks + 1) * size
    return np.vstack([Zb.reshape(-1, 4), Zs])


def sklearn_selection(Z: np.ndarray, m: int) -> np.ndarray:
    h = np.empty(len(Z), dtype=HIERARCHY_dtype)
    h["left_node"], h["right_node"] = Z[:, 0], Z[:, 1]
    h["value"], h["cluster_size"] = Z[:, 2], Z[:, 3]
    return tree_to_labels(h, m, "eom", False)[0]


def check_same(tree, nodes: np.ndarray, labels: np.ndarray) -> None:
    """The benchmark compares equal answers: the same clusters and the same noise."""
    ours = np.full(tree.n, -1)
    for i, v in enumerate(nodes):
        ours[tree.order[tree.start[v] : tree.start[v] + tree.count[v]]] = i
    pairs = set(zip(ours.tolist(), labels.tolist(), strict=True))
    assert len(pairs) == len(set(ours.tolist())) == len(set(labels.tolist()))
    assert np.array_equal(ours == -1, labels == -1)


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def row(name: str, ours: float, anchor: float | None = None, anchor_name: str = "") -> str:
    if anchor is None:
        return f"| {name} | {ms(ours)} | | |"
    return f"| {name} | {ms(ours)} | {ms(anchor)} ({anchor_name}) | {anchor / ours:,.0f}x |"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = ap.parse_args()
    warnings.simplefilter("ignore", FutureWarning)  # HDBSCAN's `copy` default
    big = 100_000 if args.quick else 1_000_000
    lines = ["| step | dendrowidget | anchor | speed-up |", "|---|---|---|---|"]

    # scikit-learn's selection walks its condensed tree in Python-level lists (quadratic in
    # places): its anchor runs at 100,000 leaves, ours at both sizes.
    mid = 20_000 if args.quick else 100_000
    for size in sorted({mid, big}):
        Z = random_tree(size)
        tree = build_tree(Z)
        for m in (5, 2):
            ours = best(lambda m=m, tree=tree: cut_branches(tree, m), repeat=3)
            name = f"cut_branches, n = {size:,} random tree, min_cluster_size = {m}"
            if size != mid:
                lines.append(row(name, ours))
                continue
            theirs = best(lambda m=m, Z=Z: sklearn_selection(Z, m), repeat=1)
            check_same(tree, cut_branches(tree, m), sklearn_selection(Z, m))
            lines.append(row(name, ours, theirs, "scikit-learn's condense + select, same tree"))
    chain = build_tree(caterpillar(big))
    lines.append(row(f"cut_branches, {big:,}-deep chain", best(lambda: cut_branches(chain, 5), 3)))
    stairs = build_tree(staircase(big // 5, 5))
    lines.append(
        row(
            f"cut_branches, n = {big:,}, cluster tree {big // 5:,} deep",
            best(lambda: cut_branches(stairs, 5), 3),
        )
    )

    n = 10_000 if args.quick else 50_000
    rng = np.random.default_rng(0)
    centers = rng.uniform(-20, 20, size=(20, 2))
    Y = centers[rng.integers(0, 20, n)] + rng.normal(size=(n, 2))

    def ours_end_to_end() -> np.ndarray:
        return cut_branches(build_tree(linkage_from_features(Y, "single", "euclidean")), 5)

    model = HDBSCAN(min_cluster_size=5, min_samples=1, copy=True)
    tree_y = build_tree(linkage_from_features(Y, "single", "euclidean"))
    check_same(tree_y, cut_branches(tree_y, 5), model.fit(Y).labels_)
    lines.append(
        row(
            f"single linkage + cut_branches, n = {n:,}, d = 2",
            best(ours_end_to_end, 1),
            best(lambda: model.fit(Y), 1),
            "HDBSCAN(min_samples=1).fit",
        )
    )

    n = 20_000 if args.quick else 100_000
    X = rng.normal(size=(n, 10))
    Zs = random_tree(n, seed=1)
    small = build_tree(Zs)

    def anchor() -> None:
        for k in range(2, 21):
            labels = fcluster(Zs, k, "maxclust")
            silhouette_score(X, labels, sample_size=5000, random_state=0)
            calinski_harabasz_score(X, labels)
            davies_bouldin_score(X, labels)

    lines.append(
        row(
            f"suggest_cuts, n = {n:,}, d = 10, k = 2..20, silhouette on 5,000 rows",
            best(lambda: suggest_cuts(small, X), 3),
            best(anchor, 1),
            "19 x fcluster maxclust + silhouette_score(sample_size=5000) + CH + DB",
        )
    )
    other = build_tree(random_tree(n, seed=2))
    lines.append(
        row(
            f"compare_trees, n = {n:,}, k = 2..20, cophenetic on 2,000 rows",
            best(lambda: compare_trees(small, other), 1),
        )
    )
    labels = [f"row {i}" for i in range(big)]
    lines.append(
        row(f"to_newick, n = {big:,} random tree", best(lambda: to_newick(tree, labels), 1))
    )
    lines.append(row(f"to_newick, {big:,}-deep chain", best(lambda: to_newick(chain, labels), 1)))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
