"""compare_trees against scikit-learn's pair-counting and information scores on fcluster
partitions, and the cophenetic correlation against scipy's cophenet."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from scipy.cluster.hierarchy import cophenet, fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score, fowlkes_mallows_score
from strategies import SORTS, random_linkage, tie_data

from dendrowidget import InputError
from dendrowidget._compare import compare_trees, cophenetic_correlation, cophenetic_pairs
from dendrowidget._tree import build_tree

MONOTONE = ["single", "complete", "average", "weighted", "ward"]


@settings(max_examples=50, deadline=None)
@given(
    X=tie_data(min_rows=3, max_rows=40),
    methods=st.tuples(st.sampled_from(MONOTONE), st.sampled_from(MONOTONE)),
    sorts=st.tuples(st.sampled_from(SORTS), st.sampled_from(SORTS)),
)
def test_scores_equal_sklearn_on_maxclust_partitions(
    X: np.ndarray, methods: tuple[str, str], sorts: tuple[dict, dict]
) -> None:
    Za, Zb = linkage(X, methods[0]), linkage(X, methods[1])
    df = compare_trees(build_tree(Za, **sorts[0]), build_tree(Zb, **sorts[1]), k_max=12)
    assert df.index.tolist() == list(range(2, min(12, len(X) - 1) + 1))
    for k, row in df.iterrows():
        a, b = fcluster(Za, k, "maxclust"), fcluster(Zb, k, "maxclust")
        if len(np.unique(a)) != k or len(np.unique(b)) != k:  # ties: k unreachable
            assert row.isna().all(), k
            continue
        assert_allclose(row["adjusted_rand"], adjusted_rand_score(a, b), rtol=1e-12)
        assert_allclose(row["adjusted_mutual_info"], adjusted_mutual_info_score(a, b), rtol=1e-12)
        assert_allclose(row["fowlkes_mallows"], fowlkes_mallows_score(a, b), rtol=1e-12)
    with np.errstate(invalid="ignore"):  # scipy divides 0 by 0 when all heights tie
        expected = cophenet(Za, cophenet(Zb))[0]
    assert_allclose(df.attrs["cophenetic_correlation"], expected, rtol=1e-9, equal_nan=True)


@settings(max_examples=80, deadline=None)
@given(Z=random_linkage(), seed=st.integers(0, 2**32 - 1), sort=st.sampled_from(SORTS))
def test_cophenetic_pairs_of_sampled_rows(Z: np.ndarray, seed: int, sort: dict) -> None:
    """Ties, zero heights and inversions: the height of the merge that first joins two rows."""
    n = len(Z) + 1
    rows = np.random.default_rng(seed).permutation(n)[: max(2, n // 2)]
    full = squareform(cophenet(Z))
    assert np.array_equal(
        cophenetic_pairs(build_tree(Z, **sort), rows), squareform(full[rows][:, rows])
    )


@settings(max_examples=40, deadline=None)
@given(n=st.integers(12, 80), sample=st.integers(2, 11), seed=st.integers(0, 2**32 - 1))
def test_sampled_correlation(n: int, sample: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    Za, Zb = linkage(X, "average"), linkage(X, "centroid")
    got = cophenetic_correlation(build_tree(Za), build_tree(Zb), sample=sample, random_state=seed)
    rows = np.random.RandomState(seed).permutation(n)[:sample]
    a = squareform(squareform(cophenet(Za))[rows][:, rows])
    b = squareform(squareform(cophenet(Zb))[rows][:, rows])
    expected = np.corrcoef(a, b)[0, 1] if len(a) > 1 and a.std() and b.std() else np.nan
    assert_allclose(got, expected, rtol=1e-9, equal_nan=True)


def test_same_tree_agrees_with_itself() -> None:
    X = np.random.default_rng(0).normal(size=(50, 3))
    tree = build_tree(linkage(X, "ward"))
    df = compare_trees(tree, build_tree(linkage(X, "ward"), count_sort=True), k_max=5)
    assert (df == 1.0).all().all()
    assert df.attrs["cophenetic_correlation"] == pytest.approx(1.0)


def test_constant_heights_give_nan_correlation() -> None:
    Z = linkage(np.zeros((5, 1)), "single")
    other = build_tree(linkage(np.arange(5.0)[:, None], "single"))
    assert np.isnan(cophenetic_correlation(build_tree(Z), other))


def test_bad_arguments() -> None:
    a = build_tree(linkage(np.arange(5.0)[:, None], "single"))
    b = build_tree(linkage(np.arange(6.0)[:, None], "single"))
    with pytest.raises(InputError, match=r"same rows.*5 leaves, the other 6"):
        compare_trees(a, b)
    with pytest.raises(InputError, match="k_max must be an integer >= 2"):
        compare_trees(a, a, k_max=0)
    with pytest.raises(InputError, match="sample must be an integer >= 2"):
        compare_trees(a, a, sample=1)
    with pytest.raises(InputError, match="ask for at most 10,000 rows"):
        cophenetic_correlation(a, a, sample=20_000)
    with pytest.raises(InputError, match="random_state must be an integer"):
        cophenetic_correlation(a, a, random_state=1.5)
