"""Every method and metric against scipy's linkage; aliases; refusals; validation of a user's Z."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import pdist, squareform
from strategies import random_linkage

from dendrowidget import Dendrogram, InputError, _linkage, _memory

METHODS = ["single", "complete", "average", "weighted", "centroid", "median", "ward"]
RNG = np.random.default_rng(11)
X = RNG.normal(size=(40, 4))
XB = (RNG.random(size=(40, 6)) > 0.5).astype(float)  # boolean data for the set metrics
BOOL_METRICS = {"dice", "jaccard", "rogerstanimoto", "russellrao", "sokalsneath", "yule", "hamming"}


@pytest.mark.parametrize("method", METHODS)
def test_every_method_same_heights_as_scipy(method: str) -> None:
    w = Dendrogram(X, method=method)
    np.testing.assert_array_equal(w.linkage[:, 2], linkage(X, method)[:, 2])


@pytest.mark.parametrize("metric", sorted(_linkage.METRICS))
@pytest.mark.parametrize("method", ["single", "complete", "average", "weighted"])
def test_every_metric_same_heights_as_scipy(method: str, metric: str) -> None:
    data = XB if metric in BOOL_METRICS else np.abs(X) + 0.1  # jensenshannon wants positives
    Z = linkage(data, method, metric=metric)
    w = Dendrogram(data, method=method, metric=metric)
    np.testing.assert_allclose(w.linkage[:, 2], Z[:, 2], rtol=1e-12, atol=0)


@pytest.mark.parametrize(("alias", "name"), [("manhattan", "cityblock"), ("maximum", "chebyshev")])
def test_tutorial_aliases(alias: str, name: str) -> None:
    w = Dendrogram(X, method="average", metric=alias)
    np.testing.assert_array_equal(w.linkage[:, 2], linkage(X, "average", metric=name)[:, 2])


@pytest.mark.parametrize("method", ["ward", "centroid", "median"])
def test_euclidean_only_methods_refuse_other_metrics(method: str) -> None:
    with pytest.raises(InputError, match="needs the euclidean metric"):
        Dendrogram(X, method=method, metric="cityblock")


def test_unknown_method_and_metric_list_the_valid_ones() -> None:
    with pytest.raises(InputError, match="single, complete, average"):
        Dendrogram(X, method="wards")
    with pytest.raises(InputError, match="cityblock"):
        Dendrogram(X, method="average", metric="manhatan")


@pytest.mark.parametrize("method", METHODS)
def test_large_inputs_use_fastcluster_with_scipy_heights(method: str) -> None:
    pytest.importorskip("fastcluster")
    data = np.random.default_rng(5).normal(size=(_linkage.EXACT_MAX_ROWS + 200, 3))
    Z = _linkage.linkage_from_features(data, method, "euclidean")
    np.testing.assert_allclose(Z[:, 2], linkage(data, method)[:, 2], rtol=1e-9, atol=1e-12)


def test_without_fastcluster_scipy_does_the_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DENDROWIDGET_NO_FASTCLUSTER", "1")
    data = np.random.default_rng(5).normal(size=(_linkage.EXACT_MAX_ROWS + 10, 2))
    Z = _linkage.linkage_from_features(data, "ward", "euclidean")
    np.testing.assert_array_equal(Z, linkage(data, "ward"))


def test_memory_is_checked_before_allocating(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_memory, "available_memory", lambda: 10 * 1024**2)
    with pytest.raises(InputError, match=r"GiB .*method='ward', 'single'"):
        _linkage.check_memory(100_000, "average", "cosine", optimal_ordering=False)
    with pytest.raises(InputError, match=r"optimal_ordering=True .* drop optimal_ordering"):
        _linkage.check_memory(100_000, "ward", "euclidean", optimal_ordering=True)


def test_from_distances_condensed_and_square_agree_with_scipy() -> None:
    D = pdist(X, "cosine")
    for d in (D, squareform(D)):
        w = Dendrogram.from_distances(d, method="average")
        np.testing.assert_array_equal(w.linkage[:, 2], linkage(D, "average")[:, 2])
    assert w.cophenetic_correlation is not None


@pytest.mark.parametrize(
    ("D", "match"),
    [
        (np.ones((3, 4)), "square"),
        (np.array([[0, 1], [2, 0]], dtype=float), "symmetric"),
        (np.array([1.0, 2.0]), "n\\*\\(n-1\\)/2"),
        (np.array([1.0, np.nan, 2.0]), "NaN"),
        (np.array([1.0, -1.0, 2.0]), ">= 0"),
    ],
)
def test_bad_distances(D: np.ndarray, match: str) -> None:
    with pytest.raises(InputError, match=match):
        Dendrogram.from_distances(D)


def test_from_model_matches_scipy_ward() -> None:
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(distance_threshold=0, n_clusters=None).fit(X)
    w = Dendrogram.from_model(model)
    np.testing.assert_allclose(np.sort(w.linkage[:, 2]), np.sort(linkage(X, "ward")[:, 2]))
    assert w.n_leaves == len(X)


def test_model_without_distances_says_how_to_fit() -> None:
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(n_clusters=3).fit(X)
    with pytest.raises(InputError, match="compute_distances=True"):
        Dendrogram.from_model(model)
    with pytest.raises(InputError, match="not fitted"):
        Dendrogram.from_model(AgglomerativeClustering())


def good_Z() -> np.ndarray:
    return linkage(X[:6], "average")


@pytest.mark.parametrize(
    ("mutate", "match"),
    [
        (lambda Z: Z[:, :3], r"shape \(n-1, 4\)"),
        (lambda Z: np.where(np.arange(4) == 2, np.nan, Z), "NaN or infinite"),
        (lambda Z: np.where(np.arange(4) == 2, -1.0, Z), "heights"),
        (lambda Z: Z[[1, 0, 2, 3, 4]] if Z[0, 0] >= 6 or Z[0, 1] >= 6 else Z[::-1], "before"),
        (lambda Z: np.where(np.arange(4) == 3, 1.0, Z), "count"),
        (lambda Z: np.vstack([Z[:0], Z[:0]]), "empty"),
    ],
)
def test_invalid_linkage_is_refused(mutate, match: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=match):
        Dendrogram.from_linkage(mutate(good_Z().copy()))


@settings(max_examples=300, deadline=None)
@given(
    Z=random_linkage(max_leaves=12),
    row=st.integers(0, 10),
    col=st.integers(0, 3),
    value=st.sampled_from(
        [np.nan, np.inf, -1.0, -0.0, 0.0, 0.5, 1.0, 2.0, 3.0, 7.0, 13.0, 2.0**31, 1e300]
    ),
    block=st.sampled_from([1, 2, 3, 5, _linkage.RULE_BLOCK]),
)
def test_fast_linkage_check_agrees_with_the_wordy_one(
    Z: np.ndarray, row: int, col: int, value: float, block: int
) -> None:
    # One cell changed (or none, when the row is past the end): the int32 check, a block of rows
    # at a time, accepts exactly what the row-by-row check accepts.
    if row < len(Z):
        Z[row, col] = value
    try:
        _linkage._raise_broken_rule(Z)
        valid = True
    except InputError:
        valid = False
    default = _linkage.RULE_BLOCK
    _linkage.RULE_BLOCK = block
    try:
        assert (_linkage._checked(Z) is not None) == valid
    finally:
        _linkage.RULE_BLOCK = default


@settings(max_examples=200, deadline=None)
@given(Z=random_linkage(max_leaves=40), order=st.sampled_from(["C", "F"]), neg=st.booleans())
def test_checked_linkage_is_an_exact_private_copy(Z: np.ndarray, order: str, neg: bool) -> None:
    # The check reads the user's Z in place; what it keeps is a bit-exact copy (-0.0 included)
    # sharing no memory with it, in either memory order.
    if neg:
        Z[Z[:, 2] == 0, 2] = -0.0
    Z = np.asarray(Z, order=order)
    m = _linkage.check_linkage(Z)
    for part in (m.a, m.b, m.height, m.count):
        assert not np.shares_memory(part, Z)
    back = m.matrix()
    assert back.dtype == np.float64 and back.tobytes() == np.ascontiguousarray(Z).tobytes()


def test_linkage_using_a_node_twice() -> None:
    Z = np.array([[0, 1, 1.0, 2], [0, 2, 2.0, 2]], dtype=float)
    with pytest.raises(InputError, match="exactly once"):
        Dendrogram.from_linkage(Z)


@pytest.mark.parametrize(
    ("metric", "data"),
    [
        ("cosine", np.vstack([np.zeros(3), np.ones((4, 3))])),
        ("correlation", np.vstack([np.ones(3), np.arange(12.0).reshape(4, 3) ** 2])),
    ],
)
def test_metric_undefined_on_some_rows(metric: str, data: np.ndarray) -> None:
    with pytest.raises(InputError, match=f"metric='{metric}' gives NaN"):
        Dendrogram(data, method="average", metric=metric)
