"""Heatmap and strip payloads: column choice, quantisation error, codes for missing values, rows in
drawn order, and the 2-bytes-per-cell budget."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from frames import NUMERIC, finite, mixed_frames
from hypothesis import given, settings
from hypothesis import strategies as st

from dendrowidget import InputError
from dendrowidget._heatmap import (
    MAX_COLUMNS,
    annotations_payload,
    choose_columns,
    heatmap_payload,
)
from dendrowidget._payload import payload_bytes


def decode(p: dict[str, Any]) -> tuple[np.ndarray, pd.DataFrame]:
    """(codes as ncols x n, stats by column), read back as the browser reads them."""
    codes = np.frombuffer(p["codes"], dtype="<u2" if p["dtype"] == "uint16" else "u1")
    stats = np.frombuffer(p["stats"], dtype="<f8").reshape(len(p["columns"]), -1)
    return codes.reshape(len(p["columns"]), p["n"]), pd.DataFrame(stats, columns=p["stat_fields"])


@settings(max_examples=80, deadline=None)
@given(
    df=mixed_frames(),
    scale=st.sampled_from(["zscore", "minmax", "none"]),
    seed=st.integers(0, 2**32 - 1),
)
def test_codes_decode_to_the_values_in_drawn_order(df: pd.DataFrame, scale: str, seed: int) -> None:
    order = np.random.default_rng(seed).permutation(len(df))
    p = heatmap_payload(df, NUMERIC, order, scale=scale)
    codes, st_ = decode(p)
    missing = p["missing"]
    ref = finite(df)
    for j, c in enumerate(NUMERIC):
        x = ref[c].astype("float64").to_numpy()[order]
        s = st_.iloc[j]
        known = ~np.isnan(x)
        assert ((codes[j] == missing) == ~known).all()
        if not known.any():
            assert np.isnan(s["mean"]) and np.isnan(s["std"])
            continue
        deq = s["raw_offset"] + codes[j][known] * s["raw_step"]
        assert np.all(np.abs(deq - x[known]) <= s["raw_step"] / 2 + 1e-9 * (1 + np.abs(x[known])))
        assert s["mean"] == pytest.approx(x[known].mean())
        assert s["std"] == pytest.approx(x[known].std(ddof=0), abs=1e-12)
        assert (s["min"], s["max"]) == (x[known].min(), x[known].max())
        in_scale = s["offset"] + codes[j][known] * s["step"]
        if scale == "zscore":
            want = (deq - s["mean"]) / s["std"] if s["std"] > 0 else np.zeros_like(deq)
        elif scale == "minmax":
            span = s["max"] - s["min"]
            want = (deq - s["min"]) / span if span > 0 else np.full_like(deq, 0.5)
        else:
            want = deq
        np.testing.assert_allclose(in_scale, want, rtol=1e-9, atol=1e-9)
    lo, hi = p["range"]
    if scale == "zscore":
        assert (lo, hi) == (-3.0, 3.0)
    elif scale == "minmax":
        assert (lo, hi) == (0.0, 1.0)
    elif st_["min"].notna().any():
        assert (lo, hi) == (st_["min"].min(), st_["max"].max())


def test_whole_numbers_travel_exactly_and_in_one_byte_when_they_fit() -> None:
    df = pd.DataFrame({"a": [3, 5, 200], "b": pd.array([True, None, False], dtype="boolean")})
    p = heatmap_payload(df, ["a", "b"], np.arange(3))
    assert p["dtype"] == "uint8" and p["missing"] == 255
    codes, s = decode(p)
    assert codes.tolist() == [[0, 2, 197], [1, 255, 0]]
    assert s["raw_step"].tolist() == [1.0, 1.0]
    wide = heatmap_payload(pd.DataFrame({"a": [0, 1000]}), ["a"], np.arange(2))
    assert wide["dtype"] == "uint16" and decode(wide)[0].tolist() == [[0, 1000]]


def test_constant_all_missing_and_infinite_columns() -> None:
    df = pd.DataFrame(
        {"k": [4.0, 4.0, 4.0], "gone": [np.nan, np.nan, np.nan], "inf": [1.0, np.inf, -np.inf]}
    )
    for scale, k_scale in (("zscore", 0.0), ("minmax", 0.5), ("none", 4.0)):
        p = heatmap_payload(df, ["k", "gone", "inf"], np.arange(3), scale=scale)
        codes, s = decode(p)
        assert codes[0].tolist() == [0, 0, 0]
        assert s.loc[0, "offset"] + codes[0][0] * s.loc[0, "step"] == k_scale
        assert (codes[1] == p["missing"]).all() and np.isnan(s.loc[1, "mean"])
        assert codes[2].tolist() == [0, p["missing"], p["missing"]]  # inf is drawn as missing
        assert s.loc[2, "mean"] == 1.0
    assert heatmap_payload(df, ["gone"], np.arange(3), scale="none")["range"] == [0.0, 1.0]
    assert heatmap_payload(df, [], np.arange(3)) == {}
    with pytest.raises(InputError, match="heatmap_scale"):
        heatmap_payload(df, ["k"], np.arange(3), scale="log")
    with pytest.raises(InputError, match="one table row per leaf"):
        heatmap_payload(df, ["k"], np.arange(2))
    with pytest.raises(InputError, match="one table row per leaf"):
        annotations_payload(df, ["k"], np.arange(4))


def test_at_most_two_bytes_per_cell() -> None:
    n, m = 20_000, 20
    rng = np.random.default_rng(1)
    df = pd.DataFrame(rng.normal(size=(n, m)), columns=[f"c{j}" for j in range(m)])
    p = heatmap_payload(df, list(df.columns), rng.permutation(n))
    assert p["codes"].nbytes == 2 * n * m
    assert payload_bytes(p) / (n * m) < 2.01  # the per-column numbers and names are noise


def test_strips_codes_categories_and_numeric_strips() -> None:
    df = pd.DataFrame(
        {
            "fruit": ["pear", None, "<b>fig</b>", "pear"],
            "size": pd.Categorical(["s", "l", "l", None], categories=["s", "m", "l"]),
            "w": [1.5, 2.5, np.nan, 3.5],
        }
    )
    order = np.array([3, 2, 1, 0])
    p = annotations_payload(df, ["fruit", "size", "w"], order)
    fruit, size, w = p["columns"]
    assert p["n"] == 4
    assert fruit["kind"] == "categorical" and fruit["palette"] == "qualitative"
    assert fruit["categories"] == ["<b>fig</b>", "pear"]  # sorted; names are plain text
    assert np.frombuffer(fruit["codes"], "u1").tolist() == [1, 0, 255, 1]
    assert size["categories"] == ["s", "m", "l"]  # a Categorical keeps its own order
    assert np.frombuffer(size["codes"], "u1").tolist() == [255, 2, 2, 0]
    assert w["kind"] == "numeric" and w["palette"] == "sequential"
    codes = np.frombuffer(w["codes"], "<u2")
    stats = dict(zip(w["stat_fields"], np.frombuffer(w["stats"], "<f8"), strict=True))
    assert codes[1] == w["missing"]
    deq = stats["raw_offset"] + codes[[0, 2, 3]] * stats["raw_step"]
    np.testing.assert_allclose(deq, [3.5, 2.5, 1.5], atol=stats["raw_step"] / 2)
    assert stats["offset"] + codes[0] * stats["step"] == pytest.approx(1.0)  # minmax 0..1
    assert annotations_payload(df, [], order) == {}


def test_many_categories_switch_to_uint16_and_too_many_is_an_error() -> None:
    df = pd.DataFrame({"id": [f"r{i}" for i in range(300)]})
    strip = annotations_payload(df, ["id"], np.arange(300))["columns"][0]
    assert strip["dtype"] == "uint16" and strip["missing"] == 65535
    big = pd.DataFrame({"id": np.arange(65536).astype(str)})
    with pytest.raises(InputError, match="at most 65535"):
        annotations_payload(big, ["id"], np.arange(65536))


FRAME = pd.DataFrame(
    {
        "a": [1.0, 2.0],
        "b": [3, 4],
        "g": ["x", "y"],
        "t": pd.to_datetime(["2020-01-01", "2021-01-01"]),
        "label": ["p", "q"],
    }
)


def test_choose_columns_defaults_true_false_and_lists() -> None:
    assert choose_columns(FRAME, ["a", "b"], ["g"]) == (["a", "b"], ["g"])
    assert choose_columns(FRAME, ["a"], ["g"], heatmap=False, annotations=False) == ([], [])
    assert choose_columns(FRAME, ["a"], ["g"], heatmap=["b"], annotations=["label", "a"]) == (
        ["b"],
        ["label", "a"],
    )
    # no features (from_linkage with a frame): True means every numeric column
    assert choose_columns(FRAME, [], [], heatmap=True) == (["a", "b"], [])
    assert choose_columns(None, [], []) == ([], [])
    many = pd.DataFrame(np.zeros((2, MAX_COLUMNS + 1)))
    cols = list(many.columns)
    assert choose_columns(many, cols, []) == ([], [])  # the default stays quiet past the limit
    with pytest.raises(InputError, match=f"at most {MAX_COLUMNS}.*heatmap=\\[...\\]"):
        choose_columns(many, cols, [], heatmap=True)
    assert choose_columns(many, cols, [], heatmap=cols[:MAX_COLUMNS])[0] == cols[:MAX_COLUMNS]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"heatmap": ["nope"]}, "not in the table"),
        ({"annotations": ["g", "g"]}, "more than once"),
        ({"heatmap": ["g"]}, "not numeric.*annotations=\\['g'\\]"),
        ({"annotations": ["t"]}, "cannot be drawn"),
        ({"heatmap": "a"}, "list of column names"),
    ],
)
def test_choose_columns_errors(kwargs: dict, match: str) -> None:
    with pytest.raises(InputError, match=match):
        choose_columns(FRAME, ["a"], ["g"], **kwargs)
    with pytest.raises(InputError, match="frame=df"):
        choose_columns(None, [], [], heatmap=True)
