"""One partition model: cluster nodes (disjoint subtrees, outliers -1) or a cut line, checked
against a brute-force assignment and against fcluster."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import fcluster_at, interesting_cuts, leaves_under, random_linkage, same_partition

from dendrowidget import Dendrogram, InputError


def disjoint(Z: np.ndarray, candidates: list[int]) -> list[int]:
    kept: list[int] = []
    taken: set[int] = set()
    for v in candidates:
        under = leaves_under(Z, v)
        if not under & taken:
            kept.append(v)
            taken |= under
    return kept


@settings(max_examples=100, deadline=None)
@given(Z=random_linkage(), data=st.data())
def test_cluster_nodes_match_a_brute_force_assignment(Z: np.ndarray, data: st.DataObject) -> None:
    w = Dendrogram.from_linkage(Z)
    n = w.n_leaves
    nodes = disjoint(Z, data.draw(st.lists(st.integers(0, 2 * n - 2), max_size=6)))
    w.cluster_nodes = nodes
    ids = w.clusters.to_numpy()
    expected = np.full(n, -1)
    for v in nodes:
        expected[list(leaves_under(Z, v))] = 0
    assert np.array_equal(ids == -1, expected == -1)  # outliers exactly the rows under none
    for v in nodes:
        assert len(set(ids[list(leaves_under(Z, v))].tolist())) == 1
    assert w.n_clusters == len(nodes) == len(set(ids[ids > 0].tolist()))
    # Ids 1..k left to right as drawn.
    drawn = [int(ids[r]) for r in w.leaves if ids[r] > 0]
    assert drawn == sorted(drawn) and (not drawn or drawn[0] == 1)
    assert sorted(w.cluster_nodes) == sorted(nodes)
    for c, v in enumerate(w.cluster_nodes, start=1):
        w.selection = [v]
        assert set(w.selected_indices) == set(np.flatnonzero(ids == c).tolist())
    if w.cut_height is not None:  # only when a horizontal line makes the same clusters
        assert same_partition(ids, fcluster_at(Z, w.cut_height))


@settings(max_examples=80, deadline=None)
@given(Z=random_linkage())
def test_a_horizontal_partition_is_kept_as_its_cut(Z: np.ndarray) -> None:
    w = Dendrogram.from_linkage(Z)
    for t in interesting_cuts(Z):
        w.cut_height = t
        nodes = w.cluster_nodes
        w.cut_height = None
        w.cluster_nodes = list(nodes)
        assert same_partition(w.clusters.to_numpy(), fcluster_at(Z, t))
        if len(nodes) > 1:
            assert w.cut_height is not None
            assert same_partition(fcluster_at(Z, w.cut_height), fcluster_at(Z, t))
        w.cluster_nodes = None


def test_cut_line_replaces_a_per_branch_partition() -> None:
    X = np.random.default_rng(0).normal(size=(30, 2))
    w = Dendrogram(X)
    root = 2 * w.n_leaves - 2
    w.cluster_nodes = [int(w.linkage[-1, 0])]  # the root's left child only: the rest outliers
    assert w.cut_height is None and w.n_clusters == 1 and (w.clusters == -1).any()
    w.cut_height = float(w.linkage[-2, 2])
    assert (w.clusters > 0).all() and w.n_clusters >= 2
    w.cluster_nodes = []  # no cluster: every row an outlier
    assert w.n_clusters == 0 and (w.clusters == -1).all() and w.cluster_colors == {}
    w.cluster_nodes = [root]
    assert w.n_clusters == 1 and (w.clusters == 1).all()


def test_invalid_node_lists() -> None:
    w = Dendrogram(np.random.default_rng(1).normal(size=(20, 2)))
    root = 2 * w.n_leaves - 2
    child = int(w.linkage[-1, 0])
    with pytest.raises(InputError, match=f"node {child} lies under node {root}"):
        w.cluster_nodes = [root, child]
    with pytest.raises(InputError, match="out of range"):
        w.cluster_nodes = [root + 1]
    with pytest.raises(InputError, match="node ids"):
        w.cluster_nodes = ["a"]
    assert w._cluster_nodes is None


def test_the_view_writes_cluster_nodes_as_int32() -> None:
    w = Dendrogram(np.random.default_rng(2).normal(size=(20, 2)))
    sent: list[object] = []
    w.send_state = lambda key=None: sent.append(key)  # type: ignore[method-assign]
    left = int(w.linkage[-1, 0])
    w.set_state({"_cluster_nodes": {"nodes": memoryview(np.array([left], dtype="<i4"))}})
    assert w.cluster_nodes == (left,) and w.cut_height is None
    state = w.get_state()["_cluster_nodes"]
    assert np.frombuffer(state["nodes"], dtype="<i4").tolist() == [left]
    root = 2 * w.n_leaves - 2
    with pytest.warns(UserWarning, match="lies under"):
        w.set_state({"_cluster_nodes": {"nodes": [root, left]}})
    assert w.cluster_nodes == (left,) and sent[-1] == ["_cluster_nodes"]
