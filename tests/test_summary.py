"""cluster_summary against pandas groupby, on random frames with NaN, ties, one-row clusters and
outliers (-1)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from frames import CATEGORICAL, NUMERIC, finite, mixed_frames
from hypothesis import given, settings
from hypothesis import strategies as st

from dendrowidget import InputError, _summary
from dendrowidget._summary import cluster_summary


@st.composite
def frames_with_ids(draw: st.DrawFn) -> tuple[pd.DataFrame, np.ndarray]:
    df = draw(mixed_frames())
    n = len(df)
    k = draw(st.integers(1, n))  # k = n: every cluster has one row
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    ids = rng.integers(1, k + 1, n)
    if draw(st.booleans()):
        ids[rng.random(n) < 0.2] = -1
    return df, ids


def pandas_summary(df: pd.DataFrame, ids: np.ndarray) -> pd.DataFrame:
    """The same table the slow, obvious way."""
    df = finite(df)
    keep = ids >= 1
    groups = df[keep].groupby(ids[keep])
    out = pd.DataFrame({"size": groups.size()})
    for c in NUMERIC:
        out[c] = groups[c].apply(lambda s: s.astype("float64").mean())
    for c in CATEGORICAL:
        out[c] = groups[c].apply(lambda s: s.mode().iloc[0] if s.notna().any() else None)
        out[f"{c} share"] = groups[c].apply(
            lambda s: s.value_counts(normalize=True).max() if s.notna().any() else np.nan
        )
    out.index.name = "cluster"
    return out


def check_summary(df: pd.DataFrame, ids: np.ndarray) -> None:
    got = cluster_summary(df, NUMERIC, CATEGORICAL, ids)
    want = pandas_summary(df, ids)
    assert got.index.name == "cluster"
    assert got.index.tolist() == want.index.tolist()
    assert got.columns.tolist() == [
        "size",
        *NUMERIC,
        *[x for c in CATEGORICAL for x in (c, f"{c} share")],
    ]
    assert got["size"].tolist() == want["size"].tolist()
    for c in NUMERIC + [f"{c} share" for c in CATEGORICAL]:
        np.testing.assert_allclose(
            got[c].to_numpy(float), want[c].to_numpy(float), rtol=1e-12, atol=1e-12, err_msg=c
        )
    for c in CATEGORICAL:
        g, w = got[c].astype(object).tolist(), want[c].astype(object).tolist()
        assert [None if pd.isna(v) else v for v in g] == [None if pd.isna(v) else v for v in w], c


@settings(max_examples=120, deadline=None)
@given(case=frames_with_ids())
def test_summary_equals_pandas_groupby(case: tuple[pd.DataFrame, np.ndarray]) -> None:
    check_summary(*case)


@settings(max_examples=30, deadline=None)
@given(case=frames_with_ids())
def test_sparse_mode_counting_agrees(case: tuple[pd.DataFrame, np.ndarray]) -> None:
    df, ids = case
    dense = cluster_summary(df, NUMERIC, CATEGORICAL, ids)
    mp = pytest.MonkeyPatch()
    mp.setattr(_summary, "DENSE_LIMIT", 0)
    try:
        sparse = cluster_summary(df, NUMERIC, CATEGORICAL, ids)
    finally:
        mp.undo()
    pd.testing.assert_frame_equal(dense, sparse)


def test_outliers_are_left_out_and_categoricals_stay_categorical() -> None:
    df = pd.DataFrame(
        {
            "x": [1.0, 2.0, 3.0, 100.0],
            "c": pd.Categorical(["b", "a", "a", "b"], categories=["b", "a"]),
        }
    )
    got = cluster_summary(df, ["x"], ["c"], np.array([1, 1, 2, -1]))
    assert got.index.tolist() == [1, 2]
    assert got["size"].tolist() == [2, 1]
    assert got["x"].tolist() == [1.5, 3.0]
    # a tie (b once, a once) goes to the first category in the Categorical's own order: "b"
    assert got["c"].tolist() == ["b", "a"]
    assert isinstance(got["c"].dtype, pd.CategoricalDtype)
    assert got["c share"].tolist() == [0.5, 1.0]


def test_no_cut_is_one_row_and_a_cluster_with_nothing_known_is_nan() -> None:
    df = pd.DataFrame({"x": [np.nan, np.nan, 1.0], "w": [None, None, "k"]})
    got = cluster_summary(df, ["x"], ["w"], np.array([1, 1, 2]))
    assert (
        np.isnan(got.loc[1, "x"]) and pd.isna(got.loc[1, "w"]) and np.isnan(got.loc[1, "w share"])
    )
    one = cluster_summary(df, ["x"], ["w"], np.ones(3, dtype=int))
    assert one["size"].tolist() == [3] and one["x"].tolist() == [1.0]


@pytest.mark.parametrize(
    ("ids", "match"),
    [
        (np.array([1, 0, 1]), "1..k, or -1"),
        (np.array([1, 2]), "3 integer cluster ids"),
        (np.array([1.0, 2.0, 1.0]), "integer"),
    ],
)
def test_bad_ids(ids: np.ndarray, match: str) -> None:
    with pytest.raises(InputError, match=match):
        cluster_summary(pd.DataFrame({"x": [1.0, 2.0, 3.0]}), ["x"], [], ids)


def test_unknown_and_repeated_columns() -> None:
    df = pd.DataFrame({"x": [1.0, 2.0]})
    with pytest.raises(InputError, match="not in the table"):
        cluster_summary(df, ["y"], [], np.array([1, 1]))
    with pytest.raises(InputError, match="more than once"):
        cluster_summary(df, ["x"], ["x"], np.array([1, 1]))
