"""Display options and what the view is sent for a first look: axis titles, height fitted to the
orientation, tooltip numbers rounded for reading (exact values stay in Python), one headroom."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dendrowidget import Dendrogram, InputError
from dendrowidget._payload import cell, cells
from dendrowidget._widget import HEADROOM

JS_ZOOM = Path(__file__).resolve().parents[1] / "js" / "core" / "zoom.js"


def small(**kw: object) -> Dendrogram:
    return Dendrogram(np.random.default_rng(0).normal(size=(12, 2)), **kw)


def test_axis_titles_as_in_the_tutorial() -> None:
    w = small()
    assert w.axis_label == "Distance" and w.leaf_label == ""
    w = small(leaf_label="Fruit Name", axis_label="Ward distance")
    assert (w.leaf_label, w.axis_label) == ("Fruit Name", "Ward distance")
    with pytest.raises(InputError, match="leaf_label must be a string"):
        w.leaf_label = 3
    with pytest.raises(TypeError, match="leaf_labels"):
        small(leaf_labels="x")


def test_height_none_leaves_it_to_the_view() -> None:
    w = small()
    assert w.height is None  # 420 px; "left"/"right": as tall as readable labels need
    w.height = 600
    assert w.height == 600
    w.height = None
    assert w.height is None
    with pytest.raises(InputError, match=r"120\.\.10000"):
        w.height = 50


def test_none_is_checked_like_any_other_value() -> None:
    w = small()
    for name in ("title", "axis_label", "leaf_label", "orientation", "palette", "selection"):
        with pytest.raises(InputError):
            setattr(w, name, None)
    w.view_window = None  # the full view
    assert w.view_window == ()


def test_tooltip_numbers_have_four_significant_digits() -> None:
    assert cell(-5.254188071457829) == "-5.254"
    assert cell(176.7) == "176.7" and cell(12345.678) == "1.235e+04"
    assert cell(float("nan")) == "nan" and cell(7) == "7" and cell("Malus") == "Malus"
    assert cells(pd.Series([0.1 + 0.2, 2.0, np.nan])) == ["0.3", "2", "nan"]
    assert cells(pd.Series([1, 2**40])) == ["1", "1099511627776"]  # integers stay exact
    assert cells(pd.Series([1.23456, "x", None], dtype=object)) == ["1.235", "x", "None"]
    df = pd.DataFrame({"x": np.arange(6.0), "y": [0.0, 1, 0, 1, 0, 1]})
    df["cpu"] = -5.254188071457829 + np.arange(6) * 0.1
    w = Dendrogram.from_dataframe(df, numeric=["x", "y"], tooltip=["cpu"])
    assert w._tooltips["values"][0][0] == "-5.254"
    assert w.frame["cpu"].iloc[0] == -5.254188071457829  # exact in Python


def test_one_headroom_in_python_and_in_the_view() -> None:
    m = re.search(r"export const HEADROOM = ([0-9.]+);", JS_ZOOM.read_text(encoding="utf-8"))
    assert m and float(m.group(1)) == HEADROOM
    w = small()
    v = w.n_leaves + 5
    w.zoom_to(v)
    assert w.view_window[3] == pytest.approx(w.linkage[5, 2] * HEADROOM)
