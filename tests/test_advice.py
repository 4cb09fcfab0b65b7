"""The cut advice and export, through the widget: cut_branches sets the partition, suggest_cuts
feeds the view's strip, compare(a, b), to_newick(path), and the view's messages for them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.cluster.hierarchy import fcluster
from sklearn.cluster import HDBSCAN
from sklearn.metrics import adjusted_rand_score, silhouette_score
from strategies import same_partition

import dendrowidget
from dendrowidget import Dendrogram, InputError, datasets

NUM = ["weight_grams", "sweetness_level", "color_intensity"]


def fruits(**kw: object) -> Dendrogram:
    return Dendrogram.from_dataframe(
        datasets.fruits(), label="fruit_name", numeric=NUM, categorical={"genus": 3.0}, **kw
    )


def test_cut_branches_sets_the_partition_hdbscan_would() -> None:
    X = np.random.default_rng(0).normal(size=(300, 2)) + np.repeat([[0, 0], [6, 0], [0, 6]], 100, 0)
    w = Dendrogram(X, method="single")
    nodes = w.cut_branches(min_cluster_size=10)
    assert nodes == w.cluster_nodes
    ref = HDBSCAN(min_cluster_size=10, min_samples=1, copy=True).fit(X).labels_
    ours = w.clusters.to_numpy()
    assert np.array_equal(ours == -1, ref == -1)
    assert same_partition(ours[ours > 0], ref[ref >= 0])


def test_no_cluster_qualifies_means_all_outliers() -> None:
    w = Dendrogram(np.random.default_rng(1).normal(size=(8, 2)), method="single")
    assert w.cut_branches(min_cluster_size=8) == ()
    assert w.n_clusters == 0 and (w.clusters == -1).all()


def test_suggest_cuts_scores_and_the_strip() -> None:
    w = fruits()
    table = w.suggest_cuts(k_max=8)
    assert list(table.columns) == [
        "height",
        "silhouette",
        "calinski_harabasz",
        "davies_bouldin",
        "gap",
    ]
    Z = w.linkage
    for k, row in table.dropna().iterrows():
        labels = fcluster(Z, k, "maxclust")
        assert row.silhouette == pytest.approx(silhouette_score(w.features, labels), rel=1e-9)
        assert same_partition(fcluster(Z, row.height, "distance"), labels)
    strip = w.get_state()["_suggestions"]
    best = table.dropna().sort_values("silhouette", ascending=False).height.head(3).tolist()
    assert strip["best"] == pytest.approx(best)
    assert strip["k"] == [int(k) for k in table.dropna().index]


def test_small_trees_show_the_strip_from_the_start_big_ones_on_request() -> None:
    assert fruits().get_state()["_suggestions"]["best"]
    X = np.random.default_rng(2).normal(size=(1500, 3))
    w = Dendrogram(X)
    assert w.get_state()["_suggestions"] == {}
    w._on_view_message(w, {"type": "suggest"}, [])
    assert len(w.get_state()["_suggestions"]["best"]) == 3
    no_scores = Dendrogram.from_linkage(w.linkage)
    assert no_scores.get_state()["_suggestions"] == {}
    assert no_scores.suggest_cuts(k_max=4).silhouette.isna().all()


def test_the_views_suggest_button_cuts_per_branch() -> None:
    w = fruits()
    w._on_view_message(w, {"type": "cut_branches", "min_cluster_size": 10}, [])
    assert w.cluster_nodes == fruits().cut_branches(10)
    for bad in (1, 2.5, True, "10", 10**9 + 1, None):
        with pytest.warns(UserWarning, match="could not handle"):
            w._on_view_message(w, {"type": "cut_branches", "min_cluster_size": bad}, [])
    assert w.cluster_nodes == fruits().cut_branches(10)  # the refused ones changed nothing
    # A size larger than the tree: no cluster qualifies, every row an outlier.
    w._on_view_message(w, {"type": "cut_branches", "min_cluster_size": 151}, [])
    assert w.n_clusters == 0 and (w.clusters == -1).all()


def test_compare_two_trees_over_the_same_rows() -> None:
    df = datasets.fruits()
    ward, avg = fruits(), fruits(method="average")
    table = dendrowidget.compare(ward, avg, k_max=6)
    for k, row in table.iterrows():
        a, b = fcluster(ward.linkage, k, "maxclust"), fcluster(avg.linkage, k, "maxclust")
        if len(set(a)) == k and len(set(b)) == k:
            assert row.adjusted_rand == pytest.approx(adjusted_rand_score(a, b))
    assert 0 < table.attrs["cophenetic_correlation"] <= 1
    with pytest.raises(InputError, match="reduce="):
        dendrowidget.compare(ward, Dendrogram.from_dataframe(df, numeric=NUM, reduce=10))
    with pytest.raises(TypeError, match="two Dendrogram"):
        dendrowidget.compare(ward, ward.linkage)


def test_to_newick_writes_the_file(tmp_path: Path) -> None:
    from io import StringIO

    from Bio import Phylo

    w = fruits()
    path = tmp_path / "fruits.nwk"
    text = w.to_newick(path)
    assert path.read_text(encoding="utf-8") == text
    tree = Phylo.read(StringIO(text), "newick")
    names = [c.name for c in tree.get_terminals()]
    assert names == [w.labels[i] for i in w.leaves]
    depth = max(tree.depths().values())
    assert depth == pytest.approx(float(w.linkage[:, 2].max()))


def test_repr_says_what_made_the_partition() -> None:
    w = fruits()
    assert repr(w) == "<Dendrogram: 150 leaves, no cut, 1 cluster>"
    w.n_clusters = 5
    assert repr(w) == f"<Dendrogram: 150 leaves, cut {w.cut_height:.6g}, 5 clusters>"
    w.cut_branches(151)  # no cluster that large: every leaf an outlier
    assert repr(w) == "<Dendrogram: 150 leaves, cut per branch, 150 outlier leaves, 0 clusters>"
    left = int(w.linkage[-1, 0])  # one half of the tree: the other half's leaves are outliers
    w.cluster_nodes = [left]
    rest = 150 - int((w.clusters != -1).sum())
    assert repr(w) == f"<Dendrogram: 150 leaves, cut per branch, {rest} outlier leaves, 1 cluster>"
