"""cut_branches against scikit-learn's HDBSCAN: the same partition, noise included, on single
linkage of data without ties; on one and the same tree (ties, zero heights, any shape) the same
labels as scikit-learn's own selection code; clear refusals of bad arguments."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import linkage
from sklearn.cluster import HDBSCAN
from sklearn.cluster._hdbscan._tree import HIERARCHY_dtype, tree_to_labels
from strategies import caterpillar, random_linkage, same_partition, tie_data

from dendrowidget import InputError, _branches
from dendrowidget._branches import cut_branches
from dendrowidget._tree import build_tree

SELECT = st.sampled_from([("eom", False), ("eom", True), ("leaf", False), ("leaf", True)])


def labels_of(tree, nodes: np.ndarray) -> np.ndarray:
    """Rows under the i-th node get label i, the rest -1; checks the nodes are disjoint."""
    labels = np.full(tree.n, -1)
    for i, v in enumerate(nodes):
        rows = tree.order[tree.start[v] : tree.start[v] + tree.count[v]]
        assert (labels[rows] == -1).all(), "selected subtrees overlap"
        labels[rows] = i
    return labels


def same_clustering(ours: np.ndarray, theirs: np.ndarray) -> bool:
    return same_partition(ours, theirs) and np.array_equal(ours == -1, theirs == -1)


def hdbscan(X: np.ndarray, m: int, method: str, single: bool, **kw) -> np.ndarray:
    model = HDBSCAN(
        min_cluster_size=m,
        min_samples=1,
        cluster_selection_method=method,
        allow_single_cluster=single,
        copy=True,
        **kw,
    )
    return model.fit(X).labels_


def sklearn_selection(Z: np.ndarray, m: int, method: str, single: bool) -> np.ndarray:
    """scikit-learn's condensing and selection run on our Z."""
    h = np.empty(len(Z), dtype=HIERARCHY_dtype)
    h["left_node"], h["right_node"] = Z[:, 0], Z[:, 1]
    h["value"], h["cluster_size"] = Z[:, 2], Z[:, 3]
    return tree_to_labels(h, m, method, single)[0]


@st.composite
def blobs(draw: st.DrawFn) -> np.ndarray:
    """Continuous data (no tied distances) in a few blobs of random sizes and spreads."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n = draw(st.integers(2, 150))
    d = draw(st.integers(1, 3))
    k = draw(st.integers(1, 5))
    centers = rng.uniform(-10, 10, size=(k, d))
    spread = rng.uniform(0.1, 3.0, size=k)
    which = rng.integers(0, k, size=n)
    return centers[which] + rng.normal(size=(n, d)) * spread[which, None]


@settings(max_examples=120, deadline=None)
@given(X=blobs(), m=st.integers(2, 12), select=SELECT)
def test_matches_hdbscan_without_ties(X: np.ndarray, m: int, select: tuple[str, bool]) -> None:
    method, single = select
    tree = build_tree(linkage(X, "single"))
    ours = labels_of(tree, cut_branches(tree, m, method, single))
    assert same_clustering(ours, hdbscan(X, m, method, single))


@contextmanager
def recursion_in(loop: bool) -> Iterator[None]:
    """Run the excess-of-mass recursion all in numpy rounds, or all in the plain loop."""
    saved = _branches.SEQUENTIAL_BELOW
    _branches.SEQUENTIAL_BELOW = 10**9 if loop else 1
    try:
        yield
    finally:
        _branches.SEQUENTIAL_BELOW = saved


@settings(max_examples=150, deadline=None)
@given(X=tie_data(max_rows=60), m=st.integers(2, 8), select=SELECT, loop=st.booleans())
def test_same_tree_same_selection_with_ties(
    X: np.ndarray, m: int, select: tuple[str, bool], loop: bool
) -> None:
    """Ties, duplicates (height 0, lambda inf, NaN stabilities): on scipy's tree, exactly what
    scikit-learn's own condensing and selection give on that tree."""
    method, single = select
    Z = linkage(X, "single")
    tree = build_tree(Z)
    with recursion_in(loop):
        ours = labels_of(tree, cut_branches(tree, m, method, single))
    assert same_clustering(ours, sklearn_selection(Z, m, method, single))


@settings(max_examples=150, deadline=None)
@given(Z=random_linkage(), m=st.integers(2, 8), select=SELECT, loop=st.booleans())
def test_same_selection_on_any_tree(
    Z: np.ndarray, m: int, select: tuple[str, bool], loop: bool
) -> None:
    """Random shapes with tied and zero heights, and inversions. With inversions (which
    scikit-learn never builds) and the root as the single cluster, the documented difference:
    the returned subtree holds every row scikit-learn keeps, and maybe more."""
    method, single = select
    monotone = bool(np.all(np.diff(Z[:, 2]) >= 0))  # heights in merge order: no inversion
    tree = build_tree(Z)
    with recursion_in(loop):
        ours = labels_of(tree, cut_branches(tree, m, method, single))
    try:
        theirs = sklearn_selection(Z, m, method, single)
    except KeyError:  # its labelling fails when inversions leave one non-root cluster selected
        assert not monotone and single and len(np.unique(ours[ours >= 0])) == 1
        return
    if not monotone and single and method == "eom" and ours.max() == 0:
        assert theirs.max() <= 0 and (ours[theirs == 0] == 0).all()
    else:
        assert same_clustering(ours, theirs)


def test_ties_can_differ_from_hdbscan_but_not_on_its_own_tree() -> None:
    """The documented difference: on tied distances scikit-learn's minimum spanning tree merges
    equal-height pairs in another order than scipy; run on scikit-learn's tree, the selection
    agrees again."""
    X = np.array([[0.0], [1.0], [3.0], [0.0], [2.0], [3.0]])
    tree = build_tree(linkage(X, "single"))
    ours = labels_of(tree, cut_branches(tree, 2))
    model = HDBSCAN(min_cluster_size=2, min_samples=1, copy=True).fit(X)
    assert not same_clustering(ours, model.labels_)
    slt = model._single_linkage_tree_
    Z = np.column_stack([slt["left_node"], slt["right_node"], slt["value"], slt["cluster_size"]])
    theirs_tree = build_tree(Z.astype(float))
    assert same_clustering(labels_of(theirs_tree, cut_branches(theirs_tree, 2)), model.labels_)


def test_nodes_are_left_to_right_and_disjoint() -> None:
    rng = np.random.default_rng(3)
    X = np.concatenate([rng.normal(c, 0.3, size=(40, 2)) for c in (0, 5, 10, 15)])
    tree = build_tree(linkage(X, "single"))
    nodes = cut_branches(tree, 10)
    assert len(nodes) == 4
    assert nodes.dtype == np.int64
    assert np.all(np.diff(tree.start[nodes]) > 0)
    labels_of(tree, nodes)


def test_no_cluster_qualifies_gives_empty() -> None:
    X = np.arange(6, dtype=float)[:, None] ** 2  # a chain: every merge peels one row
    tree = build_tree(linkage(X, "single"))
    for method in ("eom", "leaf"):
        assert cut_branches(tree, 3, method).size == 0
    assert cut_branches(tree, 10).size == 0  # fewer rows than min_cluster_size
    assert cut_branches(tree, 3, "leaf", allow_single_cluster=True).size == 0  # as sklearn
    assert cut_branches(tree, 10, allow_single_cluster=True).tolist() == [2 * 6 - 2]


def test_all_duplicates() -> None:
    X = np.zeros((8, 2))
    tree = build_tree(linkage(X, "single"))
    for method, single in [("eom", False), ("eom", True), ("leaf", False)]:
        ours = labels_of(tree, cut_branches(tree, 2, method, single))
        assert same_clustering(ours, hdbscan(X, 2, method, single))


def test_million_leaf_chain_without_recursion() -> None:
    n = 1_000_000
    tree = build_tree(caterpillar(n))
    assert cut_branches(tree, 5).size == 0
    # The chain dissolves at the lowest node holding 5 rows (merge 3): that is the cluster.
    assert cut_branches(tree, 5, allow_single_cluster=True).tolist() == [n + 3]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_cluster_size": 1}, "min_cluster_size must be an integer >= 2"),
        ({"min_cluster_size": 2.5}, "min_cluster_size must be an integer >= 2"),
        ({"min_cluster_size": True}, "min_cluster_size must be an integer >= 2"),
        ({"method": "excess"}, 'method must be "eom"'),
        ({"allow_single_cluster": "yes"}, "allow_single_cluster must be True or False"),
    ],
)
def test_bad_arguments(kwargs: dict, message: str) -> None:
    tree = build_tree(linkage(np.arange(10.0)[:, None], "single"))
    with pytest.raises(InputError, match=message):
        cut_branches(tree, **kwargs)


def reference_stability(Z: np.ndarray, m: int) -> dict[int, float]:
    """Stability per birth node, condensing breadth-first from the root and adding one term per
    condensed-tree row in that order (as scikit-learn's condensed tree is laid out)."""
    n = len(Z) + 1

    def size(v: int) -> int:
        return 1 if v < n else int(Z[v - n, 3])

    def rows_below(v: int) -> list[int]:
        out, queue = [], [v]
        while queue:
            out += [u for u in queue if u < n]
            queue = [int(c) for u in queue if u >= n for c in Z[u - n, :2]]
        return out

    label = {2 * n - 2: 2 * n - 2}  # node -> birth node of its cluster
    born = {2 * n - 2: 0.0}
    total: dict[int, float] = {2 * n - 2: 0.0}
    queue = [2 * n - 2]
    while queue:
        nxt = []
        for v in queue:
            if v < n or v not in label:
                continue
            a, b, h = int(Z[v - n, 0]), int(Z[v - n, 1]), Z[v - n, 2]
            lam = 1.0 / h if h > 0 else np.inf
            c = label[v]
            rows: list[int] = []
            if size(a) >= m and size(b) >= m:
                for child in (a, b):
                    total[c] += (lam - born[c]) * size(child)
                    label[child], born[child], total[child] = child, lam, 0.0
            else:
                for child in (a, b):
                    if size(child) >= m:
                        label[child] = c
                    else:
                        rows += rows_below(child)
            for _ in rows:
                total[c] += lam - born[c]
            nxt += [a, b]
        queue = nxt
    return total


@settings(max_examples=100, deadline=None)
@given(Z=random_linkage(), m=st.integers(2, 6))
def test_stability_summed_in_sklearns_order(Z: np.ndarray, m: int) -> None:
    """Bit for bit, so that near-ties between a cluster and its children go the same way."""
    Z = Z.copy()
    Z[:, 2] = Z[:, 2] * np.pi / 7  # heights whose reciprocals and sums round
    tree = build_tree(Z)
    c = _branches.condense(tree, m)
    with np.errstate(invalid="ignore"):
        ours = dict(zip(c.births.tolist(), _branches.stability(c).tolist(), strict=True))
        expected = reference_stability(Z, m)
    assert ours.keys() == expected.keys()
    for node, value in expected.items():
        assert ours[node] == value or (np.isnan(ours[node]) and np.isnan(value)), node
