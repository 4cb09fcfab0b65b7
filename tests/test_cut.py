"""Cuts against fcluster: same partition for every height (ties, inversions, zero heights), ids
1..k left to right, n_clusters = k exactly or a clear refusal."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import linkage
from strategies import (
    SORTS,
    fcluster_at,
    interesting_cuts,
    random_linkage,
    same_partition,
    tie_data,
)

from dendrowidget import Dendrogram, InputError

METHODS = ["single", "complete", "average", "weighted", "centroid", "median", "ward"]


def check_ids_left_to_right(w: Dendrogram) -> None:
    drawn = w.clusters.to_numpy()[w.leaves]
    assert drawn[0] == 1
    assert set(np.diff(drawn).tolist()) <= {0, 1}
    assert drawn[-1] == w.n_clusters


@settings(max_examples=150, deadline=None)
@given(Z=random_linkage(), sort=st.sampled_from(SORTS))
def test_cut_matches_fcluster_on_random_trees(Z: np.ndarray, sort: dict) -> None:
    w = Dendrogram.from_linkage(Z, **sort)
    for t in interesting_cuts(Z):
        w.cut_height = t
        expected = fcluster_at(Z, t)
        assert same_partition(w.clusters.to_numpy(), expected), t
        assert w.n_clusters == len(np.unique(expected))
        check_ids_left_to_right(w)
        for cid, node in enumerate(w.cluster_nodes, start=1):
            w.selection = [node]
            assert set(w.selected_indices) == set(np.flatnonzero(w.clusters.to_numpy() == cid))


@settings(max_examples=60, deadline=None)
@given(X=tie_data(), method=st.sampled_from(METHODS))
def test_cut_matches_fcluster_on_data(X: np.ndarray, method: str) -> None:
    w = Dendrogram(X, method=method)
    Z = linkage(X, method)
    for t in interesting_cuts(Z):
        w.cut_height = t
        assert same_partition(w.clusters.to_numpy(), fcluster_at(Z, t)), t
        check_ids_left_to_right(w)


def achievable_counts(Z: np.ndarray) -> set[int]:
    return {len(np.unique(fcluster_at(Z, t))) for t in interesting_cuts(Z)}


@settings(max_examples=100, deadline=None)
@given(Z=random_linkage(max_leaves=30))
def test_n_clusters_exact_or_refused(Z: np.ndarray) -> None:
    w = Dendrogram.from_linkage(Z)
    possible = achievable_counts(Z)
    for k in range(1, w.n_leaves + 1):
        if k in possible:
            w.n_clusters = k
            assert w.n_clusters == k
            assert len(np.unique(fcluster_at(Z, w.cut_height))) == k
        else:
            before = w.cut_height
            with pytest.raises(InputError, match="no cut height gives exactly"):
                w.n_clusters = k
            assert w.cut_height == before


def test_tie_message_names_the_neighbours() -> None:
    # Four points on a square: both pairs merge at the same height.
    X = np.array([[0, 0], [0, 1], [5, 0], [5, 1]], dtype=float)
    w = Dendrogram(X, method="single")
    with pytest.raises(InputError, match=r"2 merges tie .* Nearest possible: 2 or 4"):
        w.n_clusters = 3


def test_duplicates_cannot_be_split() -> None:
    w = Dendrogram(np.array([[0.0], [0.0], [1.0]]), method="average")
    with pytest.raises(InputError, match="tie at height 0"):
        w.n_clusters = 3
    w.n_clusters = 2
    assert w.clusters.tolist() in ([1, 1, 2], [2, 2, 1])


def test_centroid_inversion_cut() -> None:
    # The centroid method makes an inversion here: the second merge is lower than the first.
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, 0.9]])
    Z = linkage(X, "centroid")
    assert Z[1, 2] < Z[0, 2]
    w = Dendrogram(X, method="centroid")
    for t in [Z[1, 2], (Z[0, 2] + Z[1, 2]) / 2, Z[0, 2]]:
        w.cut_height = t
        assert same_partition(w.clusters.to_numpy(), fcluster_at(Z, t))


def test_no_cut_is_one_cluster() -> None:
    w = Dendrogram(np.random.default_rng(0).normal(size=(10, 2)))
    assert w.cut_height is None and w.n_clusters == 1
    assert (w.clusters == 1).all() and w.clusters.name == "cluster"


def test_clusters_align_with_dataframe_index() -> None:
    import pandas as pd

    df = pd.DataFrame({"a": [0.0, 0.1, 5.0, 5.1]}, index=["w", "x", "y", "z"])
    w = Dendrogram(df, method="single")
    w.n_clusters = 2
    assert list(w.clusters.index) == ["w", "x", "y", "z"]
    assert w.clusters["w"] == w.clusters["x"] != w.clusters["y"]


@pytest.mark.parametrize("bad", [-1.0, float("nan"), float("inf"), "high"])
def test_bad_cut_heights_are_refused(bad: object) -> None:
    w = Dendrogram(np.random.default_rng(0).normal(size=(10, 2)))
    w.cut_height = 1.0
    with pytest.raises(InputError):
        w.cut_height = bad
    assert w.cut_height == 1.0


def test_balanced_tree_levels() -> None:
    from dendrowidget._cut import row_ids
    from dendrowidget._tree import build_tree

    n = 2**16  # a perfectly balanced tree: merges at level L have height L
    ids = np.arange(n)
    rows = []
    nxt = n
    h = 1.0
    while len(ids) > 1:
        pairs = ids.reshape(-1, 2)
        new = np.arange(nxt, nxt + len(pairs))
        rows.append(np.column_stack([pairs, np.full(len(pairs), h), np.zeros(len(pairs))]))
        nxt += len(pairs)
        ids = new
        h += 1
    Zb = np.vstack(rows)
    counts = np.ones(2 * n - 1)
    for i, (a, b) in enumerate(Zb[:, :2].astype(int)):
        counts[n + i] = counts[a] + counts[b]
    Zb[:, 3] = counts[n:]
    tree = build_tree(Zb)
    assert len(np.unique(row_ids(tree, 3.5))) == n // 8
