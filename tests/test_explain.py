"""explain against the issue's formulas computed with plain pandas, and the fruit example's odd
Mandarins."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from frames import CATEGORICAL, NUMERIC, finite, mixed_frames
from hypothesis import given, settings
from hypothesis import strategies as st

from dendrowidget import Dendrogram, InputError, datasets
from dendrowidget._explain import explain


def pandas_numeric(df: pd.DataFrame, c: str, ins: np.ndarray, out: np.ndarray) -> tuple:
    x = df[c].astype("float64")
    m_in, m_out, std = x[ins].mean(), x[out].mean(), x.std(ddof=0)
    if pd.isna(m_in) or pd.isna(m_out):
        return m_in, m_out, np.nan
    return m_in, m_out, 0.0 if std == 0 else (m_in - m_out) / std


def pandas_shares(df: pd.DataFrame, c: str, ins: np.ndarray, out: np.ndarray) -> pd.DataFrame:
    s_in = df[c][ins].value_counts(normalize=True)
    s_out = df[c][out].value_counts(normalize=True)
    values = df[c].cat.categories if df[c].dtype == "category" else df[c].dropna().unique()
    both = pd.concat({"in": s_in, "out": s_out}, axis=1).reindex(values).fillna(0.0)
    both["diff"] = both["in"] - both["out"]
    return both


@st.composite
def frames_and_groups(draw: st.DrawFn) -> tuple[pd.DataFrame, np.ndarray, np.ndarray | None]:
    df = draw(mixed_frames(min_rows=2))
    n = len(df)
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    ins = rng.random(n) < draw(st.sampled_from([0.1, 0.5, 0.9]))
    ins[rng.integers(n)] = True
    out = None if draw(st.booleans()) else rng.random(n) < 0.6  # may overlap inside
    return df, ins, out


@settings(max_examples=120, deadline=None)
@given(case=frames_and_groups())
def test_explain_equals_the_formulas(case: tuple) -> None:
    df, ins, outside = case
    out = ~ins if outside is None else outside & ~ins  # rows in both count inside only
    # positions instead of masks must not change anything
    got = explain(df, NUMERIC, CATEGORICAL, np.flatnonzero(ins), outside)
    pd.testing.assert_frame_equal(got, explain(df, NUMERIC, CATEGORICAL, ins, outside))
    assert got.columns.tolist() == ["column", "inside", "outside", "effect", "value"]
    ref = finite(df)
    by_col = got.set_index("column")
    for c in NUMERIC:
        row = by_col.loc[c]
        assert row["value"] is None
        want = pandas_numeric(ref, c, ins, out)
        np.testing.assert_allclose(
            row[["inside", "outside", "effect"]].to_numpy(float), want, rtol=1e-9, atol=1e-12
        )
    for c in CATEGORICAL:
        row = by_col.loc[c]
        shares = pandas_shares(ref, c, ins, out)
        if not ref[c][ins].notna().any() or not ref[c][out].notna().any():
            assert np.isnan(row["effect"])
            continue
        best = shares["diff"].abs().max()
        assert abs(abs(row["effect"]) - best) < 1e-12
        assert row["effect"] == pytest.approx(shares.loc[row["value"], "diff"], abs=1e-12)
        assert row["inside"] == pytest.approx(shares.loc[row["value"], "in"], abs=1e-12)
        assert row["outside"] == pytest.approx(shares.loc[row["value"], "out"], abs=1e-12)
    effects = np.abs(got["effect"].to_numpy(float))
    known = effects[~np.isnan(effects)]
    assert (np.diff(known) <= 0).all()
    assert np.isnan(effects[len(known) :]).all()  # NaN effects last


def test_constant_column_empty_outside_and_empty_inside() -> None:
    df = pd.DataFrame({"k": [3.0] * 4, "x": [1.0, 2.0, 3.0, 4.0], "c": list("aabb")})
    got = explain(df, ["k", "x"], ["c"], [0, 1]).set_index("column")
    assert got.loc["k", "effect"] == 0.0  # std 0: both means are the constant
    assert got.loc["x", "effect"] == pytest.approx((1.5 - 3.5) / np.std([1, 2, 3, 4]))
    # a and b differ by the same share (+1, -1): the first in sorted order wins
    assert got.loc["c", "value"] == "a" and got.loc["c", "effect"] == 1.0
    everything = explain(df, ["x"], ["c"], np.ones(4, dtype=bool)).set_index("column")
    assert np.isnan(everything.loc["x", "outside"]) and np.isnan(everything.loc["x", "effect"])
    assert everything.loc["x", "inside"] == 2.5
    assert everything.loc["c", "value"] == "a" and np.isnan(everything.loc["c", "effect"])
    with pytest.raises(InputError, match="Select a subtree"):
        explain(df, ["x"], [], np.zeros(4, dtype=bool))
    with pytest.raises(InputError, match=r"0\.\.3"):
        explain(df, ["x"], [], [4])
    with pytest.raises(InputError, match="one entry per row"):
        explain(df, ["x"], [], np.ones(3, dtype=bool))


def _run(drawn: np.ndarray, name: str) -> list[tuple[int, int]]:
    """Maximal runs [start, end) of drawn positions holding `name`."""
    runs, p = [], 0
    while p < len(drawn):
        if drawn[p] == name:
            q = p
            while q < len(drawn) and drawn[q] == name:
                q += 1
            runs.append((p, q))
            p = q
        else:
            p += 1
    return runs


def _node_of_span(w: Dendrogram, span: tuple[int, int]) -> int:
    """The node whose leaves are exactly the drawn positions span (it must be a subtree)."""
    pos = np.empty(w.n_leaves, dtype=int)
    pos[w.leaves] = np.arange(w.n_leaves)
    for v in range(w.n_leaves, 2 * w.n_leaves - 1):
        w.selection = [v]
        rows = w.selected_indices
        if (min(pos[rows]), max(pos[rows]) + 1) == span and len(rows) == span[1] - span[0]:
            return v
    raise AssertionError(f"no subtree spans {span}")


def test_fruit_odd_mandarins_differ_by_colour_intensity() -> None:
    df = datasets.fruits()
    numeric = ["weight_grams", "sweetness_level", "color_intensity"]
    w = Dendrogram.from_dataframe(
        df, label="fruit_name", numeric=numeric, categorical={"genus": 3.0}, method="ward"
    )
    drawn = df["fruit_name"].to_numpy()[w.leaves]
    runs = _run(drawn, "Mandarin")
    # the run with Oranges on both sides is the one sitting among the Oranges
    odd = [
        r
        for r in runs
        if r[0] > 0 and r[1] < len(drawn) and drawn[r[0] - 1] == drawn[r[1]] == "Orange"
    ]
    assert len(odd) == 1 and odd[0][1] - odd[0][0] == 3
    w.selection = [_node_of_span(w, odd[0])]
    inside = np.array(w.selected_indices)
    others = np.setdiff1d(np.flatnonzero(df["fruit_name"] == "Mandarin"), inside)
    assert len(others) == 7
    got = explain(df, numeric, ["genus"], inside, others)
    assert got.loc[0, "column"] == "color_intensity"
    assert got.loc[0, "effect"] == pytest.approx(-0.7, abs=0.01)
    assert got.loc[0, "inside"] < 8.2 < 8.4 < got.loc[0, "outside"]
