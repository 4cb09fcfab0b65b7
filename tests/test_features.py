"""The tutorial's pipeline, generalised, and the errors a table can cause."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.cluster.hierarchy import dendrogram, linkage
from sklearn.preprocessing import StandardScaler

from dendrowidget import Dendrogram, InputError, datasets
from dendrowidget._features import features_from_dataframe
from dendrowidget._options import make


def features(df: pd.DataFrame, **kw: object) -> tuple[np.ndarray, list[str]]:
    f = features_from_dataframe(df, make(**kw))
    return f.X, f.names


NUM = ["weight_grams", "sweetness_level", "color_intensity"]


def tutorial_features(df: pd.DataFrame, genus_weight: float = 3.0) -> np.ndarray:
    """The tutorial's own code, step by step."""
    num_scaled = StandardScaler().fit_transform(df[NUM])
    genus_weighted = pd.get_dummies(df["genus"]).values * genus_weight
    return np.hstack([num_scaled, genus_weighted])


def test_fruits_dataset_shape() -> None:
    df = datasets.fruits()
    assert list(df.columns) == ["fruit_name", "genus", *NUM]
    assert 60 <= len(df) <= 200
    assert df.genus.nunique() == 5 and not df.isna().any().any()
    pd.testing.assert_frame_equal(df, datasets.fruits())  # deterministic


def test_reproduces_the_tutorial_exactly() -> None:
    df = datasets.fruits()
    w = Dendrogram.from_dataframe(
        df,
        label="fruit_name",
        numeric=NUM,
        categorical={"genus": 3.0},
        method="ward",
        distance_sort="ascending",
    )
    Z = linkage(tutorial_features(df), "ward")
    np.testing.assert_array_equal(w.linkage[:, 2], Z[:, 2])
    expected = dendrogram(Z, no_plot=True, distance_sort="ascending", labels=df.fruit_name.values)
    assert w.leaves == expected["leaves"]
    assert [w.labels[i] for i in w.leaves] == list(expected["ivl"])
    assert 0.5 < w.cophenetic_correlation <= 1.0


def test_numeric_none_takes_every_numeric_column_but_the_label() -> None:
    df = datasets.fruits()
    X, names = features(df, label="fruit_name", categorical=["genus"])
    assert names[:3] == NUM and names[3:] == [f"genus={g}" for g in sorted(set(df.genus))]
    assert X.shape == (len(df), 3 + 5)


def test_weights_and_scale_off() -> None:
    df = pd.DataFrame({"a": [1.0, 2.0, 4.0], "b": [10.0, 0.0, 5.0], "c": ["x", "y", "x"]})
    X, _ = features(df, numeric={"a": 2.0, "b": 1.0}, categorical={"c": 5.0}, scale=False)
    np.testing.assert_array_equal(X[:, 0], df.b)  # weight 1 group first (sorted weights)
    np.testing.assert_array_equal(X[:, 1], 2 * df.a)
    np.testing.assert_array_equal(X[:, 2:], 5.0 * np.array([[1, 0], [0, 1], [1, 0]]))


def test_nan_and_inf_name_the_columns() -> None:
    df = datasets.fruits()
    df.loc[[1, 2], "weight_grams"] = np.nan
    df.loc[3, "sweetness_level"] = np.inf
    with pytest.raises(InputError, match=r"weight_grams: 2, sweetness_level: 1.*dropna"):
        Dendrogram.from_dataframe(df, numeric=NUM)


def test_non_numeric_column_passed_as_numeric() -> None:
    with pytest.raises(InputError, match=r"'genus' \((object|str)\).*categorical"):
        Dendrogram.from_dataframe(datasets.fruits(), numeric=["genus", "weight_grams"])


def test_unknown_column_lists_the_available_ones() -> None:
    with pytest.raises(KeyError, match=r"available columns.*weight_grams"):
        Dendrogram.from_dataframe(datasets.fruits(), numeric=["weight"])
    with pytest.raises(InputError, match="label"):
        Dendrogram.from_dataframe(datasets.fruits(), label="name")


@pytest.mark.parametrize("rows", [0, 1])
def test_too_few_rows(rows: int) -> None:
    df = datasets.fruits().head(rows)
    with pytest.raises(InputError, match=r"at least 2 rows|empty"):
        Dendrogram.from_dataframe(df, numeric=NUM)
    with pytest.raises(InputError, match="at least 2 rows"):
        Dendrogram(np.zeros((rows, 3)))


def test_labels_of_the_wrong_length() -> None:
    with pytest.raises(InputError, match="3 entries but the data has 4 rows"):
        Dendrogram(np.eye(4), labels=["a", "b", "c"])


def test_array_input_errors() -> None:
    with pytest.raises(InputError, match="reshape"):
        Dendrogram(np.arange(5.0))
    with pytest.raises(InputError, match="non-numeric"):
        Dendrogram([["a", "b"], ["c", "d"]])
    with pytest.raises(InputError, match="not numeric"):
        Dendrogram(datasets.fruits())
    with pytest.raises(InputError, match="NaN"):
        Dendrogram(np.array([[1.0, np.nan], [2.0, 3.0]]))


def test_no_feature_columns() -> None:
    df = pd.DataFrame({"name": ["a", "b", "c"]})
    with pytest.raises(InputError, match="no feature columns"):
        Dendrogram.from_dataframe(df, label="name")
