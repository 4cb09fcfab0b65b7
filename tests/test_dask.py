"""Dask input on a real distributed.LocalCluster: features equal the pandas path's, micro-clusters
are fitted on the cluster, row answers stay lazy and agree with the tree."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dendrowidget import Dendrogram, InputError, datasets
from dendrowidget._features import features_from_dataframe
from dendrowidget._options import make

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pytest.importorskip("dask_ml")

NUM = ["weight_grams", "sweetness_level", "color_intensity"]


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, dashboard_address=None, processes=True
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def fruits() -> tuple[pd.DataFrame, object]:
    df = datasets.fruits()
    return df, dd.from_pandas(df, npartitions=3)


def test_features_match_the_column_transformer(client, fruits) -> None:  # type: ignore[no-untyped-def]
    from dendrowidget import _dask

    df, ddf = fruits
    kw = {"label": "fruit_name", "numeric": NUM, "categorical": {"genus": 3.0}, "scale": True}
    tf = _dask.fit_transform(ddf, make(**kw))
    X = _dask.features(ddf, tf).compute()
    expected = features_from_dataframe(df, make(**kw)).X
    np.testing.assert_allclose(X, expected, rtol=1e-12, atol=1e-12)


def test_reduced_tree_with_lazy_answers(client, fruits) -> None:  # type: ignore[no-untyped-def]
    df, ddf = fruits
    w = Dendrogram.from_dataframe(
        ddf, label="fruit_name", numeric=NUM, categorical={"genus": 3.0}, reduce=15, progress=False
    )
    assert 2 <= w.n_leaves <= 15
    w.n_clusters = 5
    lazy = w.clusters
    assert type(lazy).__module__.startswith("dask")
    clusters = lazy.compute().sort_index()
    assert len(clusters) == len(df) and set(clusters) == {1, 2, 3, 4, 5}
    # Genus weight 3 separates genera: each genus lies in exactly one cluster.
    assert pd.crosstab(df.genus, clusters).gt(0).sum(axis=1).eq(1).all()
    w.selection = [w.cluster_nodes[1]]  # cluster 2
    frame = w.selected_frame.compute()
    assert set(frame.index) == set(clusters.index[clusters == 2])
    assert sorted(w.selected_labels.compute()) == sorted(df.fruit_name[frame.index])
    sub = w.expand(w.leaves[0])
    assert isinstance(sub.frame, pd.DataFrame) and sub.n_leaves >= 2
    # The explorer re-loads from the lazy table (leaf sizes counted once, on the cluster).
    sizes = w.row_leaves.compute().value_counts()
    ex = w.explorer()
    assert ex.n_leaves == sizes.max()
    leaf = int(sizes[sizes >= 2].index[-1])
    w.set_state({"expanded_leaf": leaf})
    assert ex.n_leaves == sizes[leaf] and set(ex.frame.index) == set(
        df.index[w.row_leaves.compute().sort_index() == leaf]
    )


def test_dask_needs_reduce(fruits) -> None:  # type: ignore[no-untyped-def]
    _, ddf = fruits
    with pytest.raises(InputError, match="needs reduce=N"):
        Dendrogram.from_dataframe(ddf, numeric=NUM)


def test_dask_nan_is_named(client) -> None:  # type: ignore[no-untyped-def]
    df = pd.DataFrame({"a": [1.0, np.nan, 3.0, 4.0], "b": [1.0, 2.0, np.inf, 0.0]})
    with pytest.raises(InputError, match="a: 1, b: 1"):
        Dendrogram.from_dataframe(dd.from_pandas(df, npartitions=2), reduce=2)


def test_dask_honours_tooltip_and_refuses_what_it_cannot(client, fruits) -> None:  # type: ignore[no-untyped-def]
    df, ddf = fruits
    kw = {"numeric": NUM, "reduce": 12, "progress": False}
    w = Dendrogram.from_dataframe(ddf, tooltip=["genus"], **kw)
    tips = w.get_state()["_tooltips"]
    assert tips["columns"] == ["rows", "genus"]
    assert all(v.split(" (")[0] in set(df.genus) for v in tips["values"][1])
    with pytest.raises(InputError, match="metric='cityblock'"):
        Dendrogram.from_dataframe(ddf, metric="cityblock", **kw)


def test_dask_categories_with_missing_values_match_pandas(client) -> None:  # type: ignore[no-untyped-def]
    from dendrowidget import _dask

    df = pd.DataFrame(
        {"x": np.arange(8.0), "c": ["a", 1, None, "a", 2, np.nan, "b", 1], "g": list("xyxyxyxy")}
    )
    o = make(numeric=["x"], categorical={"c": 2.0, "g": 1.0})
    X = _dask.features(
        dd.from_pandas(df, npartitions=3), _dask.fit_transform(dd.from_pandas(df, npartitions=3), o)
    ).compute()
    np.testing.assert_allclose(X, features_from_dataframe(df, o).X, rtol=1e-12, atol=1e-12)


def test_dask_draws_no_heatmap_and_says_why_when_asked(client, fruits) -> None:  # type: ignore[no-untyped-def]
    _, ddf = fruits
    kw = {"numeric": NUM, "reduce": 12, "progress": False}
    w = Dendrogram.from_dataframe(ddf, **kw)  # the default shows nothing beside the tree
    assert w.get_state()["_heatmap"] == {} and w.get_state()["_annotations"] == {}
    for extra in ({"heatmap": True}, {"annotations": ["genus"]}, {"split": True}):
        with pytest.raises(InputError, match="stay on the cluster"):
            Dendrogram.from_dataframe(ddf, **kw, **extra)
    with pytest.raises(InputError, match="rows in memory"):
        w.cluster_summary  # noqa: B018
    with pytest.raises(InputError, match="rows in memory"):
        w.explain(0)
