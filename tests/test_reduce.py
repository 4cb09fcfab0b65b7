"""Micro-clusters: the size-weighted Ward tree, and answers that still speak of the rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import linkage

from dendrowidget import Dendrogram, InputError, datasets
from dendrowidget._reduce import weighted_ward

NUM = ["weight_grams", "sweetness_level", "color_intensity"]


@settings(max_examples=60, deadline=None)
@given(n=st.integers(2, 40), seed=st.integers(0, 2**31))
def test_unit_weights_give_scipy_ward(n: int, seed: int) -> None:
    X = np.random.default_rng(seed).normal(size=(n, 3))
    Z = weighted_ward(X, np.ones(n))
    np.testing.assert_allclose(Z[:, 2], linkage(X, "ward")[:, 2], rtol=1e-10)
    np.testing.assert_array_equal(Z[:, [0, 1, 3]], linkage(X, "ward")[:, [0, 1, 3]])


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 25), seed=st.integers(0, 2**31))
def test_a_weight_counts_like_repeated_rows(n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    X, w = rng.normal(size=(n, 2)), rng.integers(1, 5, n)
    repeated = linkage(np.repeat(X, w, axis=0), "ward")[:, 2]
    # Repeats first merge among themselves at height 0; the rest is the weighted tree.
    np.testing.assert_allclose(
        np.sort(repeated)[-(n - 1) :], np.sort(weighted_ward(X, w)[:, 2]), rtol=1e-9, atol=1e-12
    )


def reduced(k: int = 20) -> tuple[pd.DataFrame, Dendrogram]:
    df = datasets.fruits()
    w = Dendrogram.from_dataframe(
        df, label="fruit_name", numeric=NUM, categorical={"genus": 3.0}, reduce=k, progress=False
    )
    return df, w


def test_answers_are_about_rows() -> None:
    df, w = reduced()
    assert w.n_leaves == 20 and len(w.clusters) == len(df)
    w.n_clusters = 5
    # Every micro-cluster is inside one cluster, so rows of a leaf share the id.
    assert pd.crosstab(df.genus, w.clusters).gt(0).sum(axis=0).eq(1).all()
    node = w.cluster_nodes[1]  # cluster 2
    w.selection = [node]
    rows = w.selected_indices
    assert sorted(rows) == sorted(np.flatnonzero(w.clusters.to_numpy() == 2).tolist())
    assert w.selected_labels == df.fruit_name.iloc[rows].tolist()
    assert w.selected_frame.index.tolist() == df.index[rows].tolist()
    assert w.cophenetic_correlation is None


def test_leaf_labels_show_size_and_most_common_label() -> None:
    df, w = reduced()
    sizes = np.bincount(w.row_leaves.to_numpy())
    for leaf, text in enumerate(w.labels):
        if sizes[leaf] > 1:
            assert text.endswith(f"({sizes[leaf]:,} rows)")
        names = df.fruit_name[w.row_leaves.to_numpy() == leaf]
        assert text.split(" (")[0] in set(names)


def test_expand_builds_the_rows_tree() -> None:
    df, w = reduced()
    leaf = int(np.argmax(np.bincount(w.row_leaves.to_numpy())))
    sub = w.expand(leaf)
    assert sub.n_leaves == int(np.sum(w.row_leaves.to_numpy() == leaf))
    assert set(sub.frame.index) == set(df.index[w.row_leaves.to_numpy() == leaf])
    with pytest.raises(InputError, match="merge"):
        w.expand(2 * w.n_leaves - 2)


def test_reduce_needs_ward_and_a_real_estimator() -> None:
    df = datasets.fruits()
    with pytest.raises(InputError, match="method='ward'"):
        Dendrogram.from_dataframe(df, numeric=NUM, reduce=10, method="average")
    with pytest.raises(InputError, match="no fit"):
        Dendrogram.from_dataframe(df, numeric=NUM, reduce=object())
    with pytest.raises(InputError, match="at least 2"):
        Dendrogram.from_dataframe(df, numeric=NUM, reduce=1)


def test_custom_estimator() -> None:
    from sklearn.cluster import KMeans

    df = datasets.fruits()
    w = Dendrogram.from_dataframe(df, numeric=NUM, reduce=KMeans(8, n_init=2, random_state=0))
    assert w.n_leaves == 8 and all(t.endswith(" rows") for t in w.labels)


def test_double_click_message_expands_into_the_explorer() -> None:
    # The message older views send still works; today's views set expanded_leaf (test_drill.py).
    _, w = reduced()
    assert w.get_state()["_expandable"] is True
    ex = w.explorer()
    got: list[Dendrogram] = []
    w.on_expand(got.append)
    sizes = np.bincount(w.row_leaves.to_numpy())
    leaf = int(np.argsort(sizes)[-2])  # not the largest: the explorer starts there
    w._on_view_message(w, {"type": "expand", "leaf": leaf}, [])
    (sub,) = got
    assert w.expanded_leaf == leaf
    assert ex.n_leaves == sub.n_leaves == sizes[leaf]
    with pytest.warns(UserWarning, match="could not handle"):
        w._on_view_message(w, {"type": "expand", "leaf": 10**6}, [])
    with pytest.warns(UserWarning, match="unknown message"):
        w._on_view_message(w, {"type": "something else"}, [])
    assert len(got) == 1
    plain = Dendrogram(np.random.default_rng(0).normal(size=(5, 2)))
    assert plain.get_state()["_expandable"] is False
