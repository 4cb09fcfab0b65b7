"""Leaf order and drawn linkage against scipy's dendrogram, on data and on random trees."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import dendrogram, linkage
from strategies import SORTS, caterpillar, leaves_under, random_linkage, tie_data

from dendrowidget import Dendrogram
from dendrowidget._tree import build_tree

METHODS = ["single", "complete", "average", "weighted", "centroid", "median", "ward"]


@settings(max_examples=150, deadline=None)
@given(Z=random_linkage(), sort=st.sampled_from(SORTS))
def test_leaf_order_matches_scipy_on_random_trees(Z: np.ndarray, sort: dict) -> None:
    w = Dendrogram.from_linkage(Z, **sort)
    assert w.leaves == dendrogram(Z, no_plot=True, **sort)["leaves"]


@settings(max_examples=80, deadline=None)
@given(X=tie_data(), method=st.sampled_from(METHODS), sort=st.sampled_from(SORTS))
def test_leaf_order_matches_scipy_on_data(X: np.ndarray, method: str, sort: dict) -> None:
    w = Dendrogram(X, method=method, **sort)
    Z = linkage(X, method)
    assert w.leaves == dendrogram(Z, no_plot=True, **sort)["leaves"]


@settings(max_examples=100, deadline=None)
@given(Z=random_linkage(), sort=st.sampled_from(SORTS))
def test_linkage_rows_are_in_drawn_order(Z: np.ndarray, sort: dict) -> None:
    w = Dendrogram.from_linkage(Z, **sort)
    drawn = w.linkage
    pos = np.empty(w.n_leaves, dtype=int)
    pos[w.leaves] = np.arange(w.n_leaves)
    np.testing.assert_array_equal(drawn[:, 2:], Z[:, 2:])
    for row, orig in zip(drawn, Z, strict=True):
        assert {row[0], row[1]} == {orig[0], orig[1]}
        left = pos[list(leaves_under(Z, int(row[0])))]
        right = pos[list(leaves_under(Z, int(row[1])))]
        assert left.max() < right.min()


def test_deep_chain_needs_no_recursion() -> None:
    n = 200_000
    Z = caterpillar(n)
    assert sys.getrecursionlimit() <= 10_000
    tree = build_tree(Z, distance_sort="ascending")
    # The chain's newest leaf is the shallow side: distance_sort puts the leaf (height 0) first.
    assert tree.order[0] == n - 1 and tree.order[-2:].tolist() == [0, 1]
    w = Dendrogram.from_linkage(Z)
    w.cut_height = 10.5
    assert w.n_clusters == n - 10


def test_single_linkage_chain_from_points() -> None:
    x = np.cumsum(np.random.default_rng(3).uniform(1, 2, 3000))[:, None]
    w = Dendrogram(x, method="single")
    # Points on a line: single linkage joins neighbours; every cut keeps runs of neighbours.
    w.n_clusters = 7
    ids = w.clusters.to_numpy()
    assert len(np.unique(ids)) == 7
    order = np.argsort(x[:, 0])
    assert np.all(np.diff(ids[order]) != 0) == False  # noqa: E712 - runs, not alternation
    assert np.count_nonzero(np.diff(ids[order])) == 6


@pytest.mark.parametrize("n", [2, 3])
def test_tiny_trees(n: int) -> None:
    X = np.arange(n, dtype=float)[:, None] ** 2
    for method in METHODS:
        w = Dendrogram(X, method=method)
        assert w.leaves == dendrogram(linkage(X, method), no_plot=True)["leaves"]


def test_background_layout_equals_build_tree_and_is_read_only() -> None:
    from dendrowidget import _options
    from dendrowidget._built import layout
    from dendrowidget._merges import Merges
    from dendrowidget._tree import Layout

    rng = np.random.default_rng(8)
    Z = linkage(rng.normal(size=(300, 3)), "centroid")  # inversions: the sparse-table path
    for sort in SORTS:
        o = _options.make(method=None, metric=None, **sort)
        ref, tree = build_tree(Z, **sort), layout(Merges.of(Z), o)
        for name in ["left", "right", "height", *Layout.__dataclass_fields__]:
            got = getattr(tree, name)
            np.testing.assert_array_equal(got, getattr(ref, name))
            assert not got.flags.writeable, name


def test_layout_errors_surface_on_first_use() -> None:
    from concurrent.futures import Future

    from dendrowidget._merges import Merges
    from dendrowidget._tree import start_tree

    def failing(fn: object) -> Future:
        f: Future = Future()
        f.set_exception(MemoryError("no room for the layout"))
        return f

    tree = start_tree(Merges.of(linkage(np.arange(8.0)[:, None])), False, False, failing)
    assert tree.n == 8 and len(tree.left) == 7  # the payload's part is there
    with pytest.raises(MemoryError, match="no room"):
        _ = tree.order


def test_the_layout_waits_for_a_drawn_view_or_an_answer() -> None:
    # At a million leaves the layout is 0.2 s of CPU: it must not run while the page decodes and
    # draws the first frame. It starts when a view says it has drawn, or when an answer needs it.
    from concurrent.futures import wait

    Z = linkage(np.random.default_rng(3).normal(size=(40, 2)), "ward")
    w = Dendrogram.from_linkage(Z)
    w._repr_mimebundle_()  # displaying it neither
    assert "no cut" in repr(w) and not w._t.pending.done()
    w._on_view_message(w, {"type": "drawn"}, [])
    assert wait([w._t.pending], timeout=30).done  # computed by the background worker
    assert w.leaves == dendrogram(Z, no_plot=True)["leaves"]
    w2 = Dendrogram.from_linkage(Z)
    assert not w2._t.pending.done()
    assert w2.leaves == w.leaves  # no view at all: the answer computes it


def test_a_deferred_layout_is_computed_once_whoever_asks_first() -> None:
    import threading

    from dendrowidget._built import Later
    from dendrowidget._tree import Layout

    calls = []

    def slow() -> Layout:
        calls.append(threading.current_thread().name)
        threading.Event().wait(0.05)
        return Layout(*(np.zeros(1) for _ in range(7)))

    for _ in range(5):
        calls.clear()
        later = Later(slow)
        got: list[object] = []
        ask = [later.result, got.append]
        askers = [threading.Thread(target=lambda a=ask: a[1](a[0]())) for _ in range(4)]
        later.start()
        for t in askers:
            t.start()
        later.start()
        for t in askers:
            t.join()
        assert len(calls) == 1 and len(got) == 4 and all(g is got[0] for g in got)

    def broken() -> Layout:
        raise MemoryError("no room for the layout")

    later = Later(broken)
    for _ in range(2):  # the layout's own error, to every asker
        with pytest.raises(MemoryError, match="no room"):
            later.result()
