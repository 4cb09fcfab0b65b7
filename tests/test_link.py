"""link(): the tree's selection and another widget's selection of rows stay in sync both ways.
The cover (rows -> fewest subtrees) is checked against a plain walk of Z on random trees."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import traitlets as t
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import leaves_under, random_linkage

from dendrowidget import Dendrogram, InputError, Link, datasets, link
from dendrowidget._cover import cover

jscatter = pytest.importorskip("jscatter")

NUM = ["weight_grams", "sweetness_level", "color_intensity"]


def parent_of(Z: np.ndarray) -> dict[int, int]:
    n = Z.shape[0] + 1
    return {int(c): n + i for i, row in enumerate(Z) for c in row[:2]}


@settings(max_examples=150, deadline=None)
@given(Z=random_linkage(max_leaves=40), data=st.data())
def test_cover_is_the_maximal_full_subtrees(Z: np.ndarray, data: st.DataObject) -> None:
    w = Dendrogram.from_linkage(Z)
    n = w.n_leaves
    chosen = data.draw(st.sets(st.integers(0, n - 1), max_size=n))
    mask = np.zeros(n, dtype=bool)
    mask[list(chosen)] = True
    nodes = cover(w._t, mask)
    Zd = w.linkage
    under = [leaves_under(Zd, v) for v in nodes]
    assert set().union(*under) == chosen if nodes else chosen == set()
    assert sum(len(u) for u in under) == len(chosen)  # disjoint
    up = parent_of(Zd)
    for v in nodes:  # maximal: its parent holds a leaf that is not chosen
        assert v == 2 * n - 2 or not leaves_under(Zd, up[v]) <= chosen
    starts = [w.leaves.index(min(u, key=w.leaves.index)) for u in under]
    assert starts == sorted(starts)  # left to right as drawn
    w.selection = nodes
    assert set(w.selected_indices) == chosen


def test_cover_has_no_recursion_on_a_deep_chain() -> None:
    n = 200_000
    Z = np.column_stack(
        [np.r_[0, np.arange(n, 2 * n - 2)], np.arange(1, n), np.arange(1, n), np.arange(2, n + 1)]
    ).astype(float)
    w = Dendrogram.from_linkage(Z)
    mask = np.zeros(n, dtype=bool)
    mask[: n // 2] = True  # the chain's first half: one subtree
    (v,) = cover(w._t, mask)
    assert w._t.count[v] == n // 2


def fruits(**kw: object) -> Dendrogram:
    return Dendrogram.from_dataframe(datasets.fruits(), label="fruit_name", numeric=NUM, **kw)


def scatter() -> object:
    df = datasets.fruits()
    return jscatter.Scatter(data=df, x="weight_grams", y="sweetness_level")


def lasso(sc: object, rows: list[int]) -> None:
    """What jupyter-scatter's view sends after a lasso: a binary uint32 array."""
    arr = np.asarray(rows, dtype=np.uint32)
    sc.widget.set_state(  # type: ignore[attr-defined]
        {"selection": {"view": memoryview(arr.tobytes()), "dtype": "uint32", "shape": arr.shape}}
    )


def test_tree_to_scatter_and_lasso_to_tree() -> None:
    w, sc = fruits(), scatter()
    lk = link(w, sc)
    assert isinstance(lk, Link) and lk.linked
    w.selection = [w.n_leaves + 140]
    assert sorted(sc.selection().tolist()) == sorted(w.selected_indices)  # type: ignore[attr-defined]
    rows = [3, 7, 8, 20, 21, 22, 100, 149]
    lasso(sc, rows)
    assert sorted(w.selected_indices) == rows
    Z = w.linkage
    assert set().union(*(leaves_under(Z, v) for v in w.selection)) == set(rows)
    lasso(sc, [])
    assert w.selection == ()


def test_no_feedback_loop_one_write_per_side() -> None:
    w, sc = fruits(), scatter()
    link(w, sc)
    writes = {"tree": 0, "scatter": 0}
    w.observe(lambda _c: writes.__setitem__("tree", writes["tree"] + 1), names="selection")
    sc.widget.observe(  # type: ignore[attr-defined]
        lambda _c: writes.__setitem__("scatter", writes["scatter"] + 1), names="selection"
    )
    node = w.n_leaves + 100
    w.selection = [node]
    assert writes == {"tree": 1, "scatter": 1}
    # The scatter's view echoes the rows back in another order: the tree is not rewritten.
    lasso(sc, sorted(w.selected_indices, reverse=True))
    assert w.selection == (node,) and writes == {"tree": 1, "scatter": 2}
    # Two sibling subtrees hold the same rows as their parent: no rewrite either.
    left, right = (int(v) for v in w.linkage[node - w.n_leaves, :2])
    w.selection = [left, right]
    assert writes["scatter"] == 2 and w.selection == (left, right)


def test_unlink_stops_both_ways() -> None:
    w, sc = fruits(), scatter()
    lk = link(w, sc)
    lk.unlink()
    lk.unlink()  # twice is fine
    assert not lk.linked and "unlinked" in repr(lk)
    w.selection = [w.n_leaves + 5]
    assert sc.selection().size == 0  # type: ignore[attr-defined]
    lasso(sc, [1, 2])
    assert w.selection == (w.n_leaves + 5,)


def test_link_time_sync_direction() -> None:
    w, sc = fruits(), scatter()
    sc.selection([4, 5, 6])  # type: ignore[attr-defined]
    link(w, sc)  # the tree has nothing selected: it takes the scatter's
    assert sorted(w.selected_indices) == [4, 5, 6]
    w2, sc2 = fruits(), scatter()
    w2.selection = [w2.n_leaves + 130]
    sc2.selection([1])  # type: ignore[attr-defined]
    link(w2, sc2)  # the tree's selection wins
    assert sorted(sc2.selection().tolist()) == sorted(w2.selected_indices)  # type: ignore[attr-defined]


def test_micro_clusters_any_or_all_rows() -> None:
    w, sc = fruits(reduce=12, progress=False), scatter()
    assign = w.row_leaves.to_numpy()
    leaf = int(np.argmax(np.bincount(assign)))
    members = np.flatnonzero(assign == leaf)
    link(w, sc)
    lasso(sc, members[:2].tolist())  # part of one micro-cluster
    assert w.selection == (leaf,)
    assert set(w.selected_indices) == set(members.tolist())
    w3, sc3 = fruits(reduce=12, progress=False), scatter()
    link(w3, sc3, partial="all")
    lasso(sc3, members[:2].tolist())
    assert w3.selection == ()
    lasso(sc3, members.tolist())
    assert w3.selection == (leaf,)
    # Selecting the leaf in the tree selects all of its rows in the scatter.
    w3.selection = []
    w3.selection = [leaf]
    assert sorted(sc3.selection().tolist()) == sorted(members.tolist())  # type: ignore[attr-defined]


class Rows(t.HasTraits):
    """Any widget-like object whose trait holds row positions."""

    picked = t.List(t.Int())


def test_any_trait_of_row_positions_and_bad_values() -> None:
    w, other = fruits(), Rows()
    link(w, other, trait="picked")
    w.selection = [w.n_leaves + 120]
    assert sorted(other.picked) == sorted(w.selected_indices)
    before = w.selection
    for bad in ([-1], [150], [10**12]):
        with pytest.warns(UserWarning, match="could not sync"):
            other.picked = bad
        assert w.selection == before
    other.picked = [0, 1]
    assert sorted(w.selected_indices) == [0, 1]


@pytest.mark.parametrize(
    "value",
    [[1.5], [np.nan], [[1, 2]], ["a"], "12", [True, False], {"a": 1}, np.array([1], dtype="f8")],
)
def test_rows_from_refuses_what_is_not_row_positions(value: object) -> None:
    from dendrowidget._link import rows_from

    if isinstance(value, np.ndarray):  # a whole float is accepted
        assert rows_from(value, 5).tolist() == [1]
        return
    with pytest.raises(InputError):
        rows_from(value, 5)


def test_link_refuses_what_it_cannot_sync() -> None:
    w = fruits()
    with pytest.raises(TypeError, match="Dendrogram"):
        link(object(), scatter())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="node ids"):
        link(w, fruits())
    with pytest.raises(TypeError, match="trait"):
        link(w, object())
    with pytest.raises(TypeError, match="'nope'"):
        link(w, scatter(), trait="nope")
    with pytest.raises(InputError, match="'any' or 'all'"):
        link(w, scatter(), partial="some")
    small = datasets.fruits().head(40)
    other = jscatter.Scatter(data=small, x="weight_grams", y="sweetness_level")
    with pytest.raises(InputError, match="40 points but the tree has 150 rows"):
        link(w, other)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        link(w, scatter())  # a valid link warns about nothing
