"""suggest_cuts against scikit-learn's scores on fcluster(Z, k, "maxclust") partitions, NaN rows
exactly where ties make k unreachable, heights as n_clusters = k picks them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from scipy.cluster.hierarchy import fcluster, linkage, maxdists
from scipy.spatial.distance import pdist, squareform
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score
from strategies import tie_data

from dendrowidget import InputError
from dendrowidget._cut import height_for_k
from dendrowidget._suggest import suggest_cuts
from dendrowidget._tree import build_tree

MONOTONE = ["single", "complete", "average", "weighted", "ward"]
# Metrics that scipy and scikit-learn compute alike on small integers (cosine rounds differently:
# collinear rows get 0 from one and 1e-16 from the other, which flips a silhouette).
METRICS = ["euclidean", "cityblock", "chebyshev"]


def close(a: float, b: float) -> None:
    assert_allclose(a, b, rtol=1e-9, atol=1e-12)


def expected_gap(Z: np.ndarray, t: float) -> float:
    """From scipy's own merge heights: the band [lower, upper) of cuts giving this partition."""
    h = np.unique(maxdists(Z))
    upper = h[h > t].min()
    lower = h[h <= t].max() if (h <= t).any() else 0.0
    return (upper - lower) / upper


@settings(max_examples=60, deadline=None)
@given(
    X=tie_data(min_rows=3, max_rows=40),
    method=st.sampled_from(MONOTONE),
    metric=st.sampled_from(METRICS),
)
def test_scores_equal_sklearn_on_maxclust_partitions(
    X: np.ndarray, method: str, metric: str
) -> None:
    if method == "ward":
        metric = "euclidean"
    Z = linkage(X, method, metric=metric)
    tree = build_tree(Z)
    df = suggest_cuts(tree, X, metric=metric, k_max=25)
    n = len(X)
    assert df.index.tolist() == list(range(2, min(25, n - 1) + 1))
    for k, row in df.iterrows():
        labels = fcluster(Z, k, "maxclust")
        if len(np.unique(labels)) != k:  # ties: no height gives k clusters
            assert row.isna().all(), k
            with pytest.raises(InputError):
                height_for_k(tree, k)
            continue
        assert row["height"] == height_for_k(tree, k)
        assert len(np.unique(fcluster(Z, row["height"], "distance"))) == k
        close(row["gap"], expected_gap(Z, row["height"]))
        close(row["silhouette"], silhouette_score(X, labels, metric=metric))
        close(row["calinski_harabasz"], calinski_harabasz_score(X, labels))
        close(row["davies_bouldin"], davies_bouldin_score(X, labels))


@settings(max_examples=25, deadline=None)
@given(
    X=tie_data(min_rows=12, max_rows=60),
    sample=st.integers(4, 30),
    seed=st.integers(0, 2**32 - 1),
)
def test_sampled_silhouette_equals_sklearns_sampled(X: np.ndarray, sample: int, seed: int) -> None:
    # cityblock: scikit-learn's euclidean (|x|^2 + |y|^2 - 2xy) rounds more than scipy's.
    X = X + np.random.default_rng(0).normal(scale=1e-3, size=X.shape)
    Z = linkage(X, "average", metric="cityblock")
    df = suggest_cuts(
        build_tree(Z), X, metric="cityblock", k_max=8, sample=sample, random_state=seed
    )
    for k, row in df.iterrows():
        labels = fcluster(Z, k, "maxclust")
        kw = {"metric": "cityblock", "sample_size": sample, "random_state": seed}
        if len(X) <= sample:
            kw = {"metric": "cityblock"}
        try:
            expected = silhouette_score(X, labels, **kw)
        except ValueError:  # the sample holds one cluster, or as many clusters as rows
            expected = np.nan
        close(row["silhouette"], expected)


@settings(max_examples=25, deadline=None)
@given(X=tie_data(min_rows=3, max_rows=40), sample=st.sampled_from([5, 5000]))
def test_silhouette_from_distances_only(X: np.ndarray, sample: int) -> None:
    D = pdist(X, "cityblock")
    Z = linkage(D, "complete")
    df = suggest_cuts(build_tree(Z), distances=D, k_max=10, sample=sample, random_state=7)
    assert df[["calinski_harabasz", "davies_bouldin"]].isna().all().all()
    for k, row in df.iterrows():
        labels = fcluster(Z, k, "maxclust")
        if len(np.unique(labels)) != k:
            assert row.isna().all()
            continue
        kw = {} if len(X) <= sample else {"sample_size": sample, "random_state": 7}
        try:
            expected = silhouette_score(squareform(D), labels, metric="precomputed", **kw)
        except ValueError:
            expected = np.nan
        close(row["silhouette"], expected)


def test_seuclidean_sample_keeps_the_trees_variances() -> None:
    X = np.random.default_rng(1).normal(size=(200, 3)) * [1.0, 10.0, 100.0]
    Z = linkage(X, "average", metric="seuclidean")
    df = suggest_cuts(build_tree(Z), X, metric="seuclidean", k_max=4, sample=50, random_state=2)
    V = np.var(X, axis=0, ddof=1)
    for k, row in df.iterrows():
        labels = fcluster(Z, k, "maxclust")
        kw = {"metric": "seuclidean", "V": V, "sample_size": 50, "random_state": 2}
        close(row["silhouette"], silhouette_score(X, labels, **kw))


def test_without_features_or_distances_only_heights_and_gaps() -> None:
    X = np.random.default_rng(2).normal(size=(30, 2))
    df = suggest_cuts(build_tree(linkage(X, "ward")))
    assert df[["silhouette", "calinski_harabasz", "davies_bouldin"]].isna().all().all()
    assert df["height"].notna().all() and df["gap"].between(0, 1).all()
    assert df["height"].is_monotonic_decreasing


def test_small_trees() -> None:
    Z = linkage(np.array([[0.0], [1.0]]), "single")
    df = suggest_cuts(build_tree(Z), np.array([[0.0], [1.0]]))
    assert (
        df.empty
        and df.index.name == "k"
        and list(df.columns)
        == [
            "height",
            "silhouette",
            "calinski_harabasz",
            "davies_bouldin",
            "gap",
        ]
    )
    X = np.array([[0.0], [1.0], [5.0]])
    df = suggest_cuts(build_tree(linkage(X, "single")), X)
    assert df.index.tolist() == [2]
    assert df.loc[2, "height"] == 2.5 and df.loc[2, "gap"] == 0.75  # merges at 1 and 4
    assert isinstance(df, pd.DataFrame)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"k_max": 1}, "k_max must be an integer >= 2"),
        ({"k_max": 3.0}, "k_max must be an integer >= 2"),
        ({"k_max": 1001}, "ask for at most 1000"),
        ({"features": np.zeros((5, 0))}, r"features must have shape \(5, n_features\)"),
        ({"sample": 1}, "sample must be an integer >= 2"),
        ({"random_state": -1}, "random_state must be an integer"),
        ({"random_state": None}, "random_state must be an integer"),
        ({"features": np.zeros((4, 2))}, r"features must have shape \(5, n_features\)"),
        ({"features": np.full((5, 2), np.nan)}, "NaN or infinite"),
        ({"distances": np.zeros(9)}, "condensed distance vector of length n\\*\\(n-1\\)/2 = 10"),
        ({"distances": -np.ones(10)}, "finite and >= 0"),
        ({"features": np.zeros((5, 2)), "metric": "nope"}, "unknown metric"),
    ],
)
def test_bad_arguments(kwargs: dict, message: str) -> None:
    tree = build_tree(linkage(np.arange(5.0)[:, None] ** 2, "single"))
    with pytest.raises(InputError, match=message):
        suggest_cuts(tree, **kwargs)
