"""Drill-down into micro-cluster leaves in every host: the view sets `expanded_leaf` (a checked,
synced trait) and the explorer, a Dendrogram made in a cell, is re-loaded in place. No widget is
created while the view's update is handled (marimo cannot open one there)."""

from __future__ import annotations

import numpy as np
import pytest
from ipywidgets.widgets.widget import _instances  # every open widget model, by id
from scipy.cluster.hierarchy import fcluster

from dendrowidget import Dendrogram, InputError, datasets

NUM = ["weight_grams", "sweetness_level", "color_intensity"]


def reduced(k: int = 12) -> Dendrogram:
    return Dendrogram.from_dataframe(
        datasets.fruits(), label="fruit_name", numeric=NUM, reduce=k, progress=False
    )


def sizes(w: Dendrogram) -> np.ndarray:
    return np.bincount(w.row_leaves.to_numpy(), minlength=w.n_leaves)


class OneRowCluster:
    """An estimator whose first micro-cluster holds one row (row 0)."""

    def fit(self, X: np.ndarray) -> OneRowCluster:
        self.cluster_centers_ = np.vstack([X[0], X[1:].mean(axis=0), X[1:].mean(axis=0) + 1])
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        out = np.where(np.arange(len(X)) % 2 == 0, 1, 2)
        out[0] = 0
        return out


def test_the_view_sets_expanded_leaf_and_the_explorer_reloads_without_a_new_widget() -> None:
    w = reduced()
    ex = w.explorer()
    s = sizes(w)
    assert ex.n_leaves == s.max() and ex.title.startswith(f"Leaf {int(s.argmax())}:")
    ex.n_clusters = 3
    ex.selection = [ex.n_leaves]
    ex.view_window = (0.0, 2.0, 0.0, 1.0)
    leaf = int(np.argsort(s)[-3])
    models = set(_instances)
    w.set_state({"expanded_leaf": leaf})  # what a double-click sends
    assert set(_instances) == models, "a widget was created while handling the view's update"
    assert w.expanded_leaf == leaf and w.busy is False
    # The explorer is the rows' tree of that leaf, with fresh state, answering like expand().
    sub = w.expand(leaf)
    assert ex.n_leaves == sub.n_leaves == s[leaf]
    np.testing.assert_array_equal(ex.linkage, sub.linkage)
    assert ex.labels == sub.labels and ex.leaves == sub.leaves
    assert ex.cut_height is None and ex.selection == () and ex.view_window == ()
    assert ex.title == f"Leaf {leaf}: {w.labels[leaf]}"
    assert set(ex.frame.index) == set(np.flatnonzero(w.row_leaves.to_numpy() == leaf))
    state = ex.get_state()
    assert state["_tree"]["n"] == s[leaf] and state["_expandable"] is False
    # Its answers are scipy's for the new tree.
    ex.cut_height = float(np.median(ex.linkage[:, 2]))
    ref = fcluster(ex.linkage, ex.cut_height, criterion="distance")
    assert len(set(zip(ex.clusters.to_numpy(), ref, strict=True))) == len(set(ref))


def test_explorer_is_one_per_widget_and_starts_at_the_opened_leaf() -> None:
    w = reduced()
    leaf = int(np.argsort(sizes(w))[-2])
    w.expanded_leaf = leaf  # from Python: no explorer yet, nothing to re-load
    ex = w.explorer(height=300)
    assert ex.n_leaves == sizes(w)[leaf] and ex.height == 300
    assert w.explorer(height=500) is ex and ex.height == 500


def test_callbacks_still_get_a_sub_dendrogram() -> None:
    w = reduced()
    got: list[Dendrogram] = []
    w.on_expand(got.append)
    leaf = int(np.argmax(sizes(w)))
    w.set_state({"expanded_leaf": leaf})
    (sub,) = got
    assert sub.n_leaves == sizes(w)[leaf]


@pytest.mark.parametrize("value", [2.5, True, -1, 10**6, "3", [1], float("inf")])
def test_bad_leaf_from_the_view_is_refused_and_rolled_back(value: object) -> None:
    w = reduced()
    ex = w.explorer()
    before = ex.n_leaves
    sent: list[object] = []
    w.send_state = lambda key=None: sent.append(key)  # type: ignore[method-assign]
    with pytest.warns(UserWarning, match="ignored a bad value"):
        w.set_state({"expanded_leaf": value})
    assert w.expanded_leaf is None and ex.n_leaves == before
    assert sent == [["expanded_leaf"]]
    with pytest.raises(InputError):
        w.expanded_leaf = value


def test_a_leaf_of_one_row_and_a_tree_of_rows_cannot_be_opened() -> None:
    w = Dendrogram.from_dataframe(datasets.fruits(), numeric=NUM, reduce=OneRowCluster())
    assert sizes(w)[0] == 1
    with pytest.raises(InputError, match="holds 1 row"):
        w.expanded_leaf = 0
    with pytest.warns(UserWarning, match="holds 1 row"):
        w.set_state({"expanded_leaf": 0})
    assert w.expanded_leaf is None
    plain = Dendrogram(np.random.default_rng(0).normal(size=(6, 2)))
    with pytest.raises(InputError, match="reduce=N"):
        plain.expanded_leaf = 1
    with pytest.raises(InputError, match="reduce=N"):
        plain.explorer()


def test_a_failed_reload_warns_and_keeps_the_leaf() -> None:
    w = reduced()
    ex = w.explorer()
    before = ex.n_leaves

    def broken(_sub: Dendrogram) -> None:
        raise RuntimeError("user callback failed")

    w.on_expand(broken)
    leaf = int(np.argsort(sizes(w))[-2])
    with pytest.warns(UserWarning, match="could not open leaf"):
        w.set_state({"expanded_leaf": leaf})
    assert w.expanded_leaf == leaf and w.busy is False
    assert ex.n_leaves == sizes(w)[leaf] != before  # the explorer re-loaded before the callback
