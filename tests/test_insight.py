"""The data beside the tree on the widget: build options, w.cluster_summary and w.explain against
pandas on random frames and random partitions (cut lines and per-branch ones with outliers), the
cell-value messages, and options refused with a reason."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from frames import CATEGORICAL, NUMERIC, finite, mixed_frames
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import dendrogram, linkage
from scipy.spatial.distance import squareform
from strategies import interesting_cuts, leaves_under, random_linkage
from test_explain import pandas_numeric, pandas_shares
from test_widget import NUM
from test_widget import fruits_widget as fruits

from dendrowidget import Dendrogram, InputError, datasets


def disjoint_nodes(Z: np.ndarray, rng: np.random.Generator) -> list[int]:
    """Random disjoint subtrees (a per-branch partition; rows under none are outliers)."""
    n = Z.shape[0] + 1
    taken: set[int] = set()
    nodes = []
    for v in rng.permutation(2 * n - 1)[: rng.integers(1, 6)]:
        under = leaves_under(Z, int(v))
        if not under & taken:
            nodes.append(int(v))
            taken |= under
    return nodes


@st.composite
def widgets(draw: st.DrawFn) -> tuple[Dendrogram, pd.DataFrame, np.ndarray]:
    """from_linkage over a random mixed frame (NaN, inf, NA, ties, one-row clusters), with a cut
    line or random cluster nodes."""
    Z = draw(random_linkage(max_leaves=40))
    n = Z.shape[0] + 1
    df = draw(mixed_frames(min_rows=n, max_rows=n))
    w = Dendrogram.from_linkage(Z, frame=df, heatmap=NUMERIC, annotations=CATEGORICAL)
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if draw(st.booleans()):
        w.cut_height = draw(st.sampled_from(interesting_cuts(Z)))
    else:
        w.cluster_nodes = disjoint_nodes(Z, rng)
    return w, df, Z


@settings(max_examples=80, deadline=None)
@given(case=widgets())
def test_cluster_summary_is_pandas_groupby_over_the_partition(case: tuple) -> None:
    w, df, _ = case
    ref = finite(df)
    ids = w.clusters.to_numpy()
    keep = ids >= 1  # outliers (-1) are in no cluster
    groups = ref[keep].groupby(ids[keep])
    got = w.cluster_summary
    assert got.index.name == "cluster"
    assert got.index.tolist() == sorted(set(ids[keep].tolist()))
    assert got["size"].tolist() == groups.size().tolist()
    for c in NUMERIC:
        want = groups[c].apply(lambda s: s.astype("float64").mean())
        np.testing.assert_allclose(got[c].to_numpy(float), want.to_numpy(float), rtol=1e-12)
    for c in CATEGORICAL:
        mode = groups[c].apply(lambda s: s.mode().iloc[0] if s.notna().any() else None)

        def plain(values: object) -> list:
            return [None if pd.isna(v) else v for v in values]  # type: ignore[attr-defined]

        assert plain(got[c]) == plain(mode)
        share = groups[c].apply(
            lambda s: s.value_counts(normalize=True).max() if s.notna().any() else np.nan
        )
        np.testing.assert_allclose(got[f"{c} share"].to_numpy(float), share.to_numpy(float))


@settings(max_examples=80, deadline=None)
@given(case=widgets(), data=st.data())
def test_explain_is_the_formulas_over_the_rows_under_the_nodes(case: tuple, data) -> None:
    w, df, Z = case
    n = len(df)
    ref = finite(df)
    node = data.draw(st.integers(0, 2 * n - 3))  # not the root: it has no sibling
    ins = np.zeros(n, dtype=bool)
    ins[sorted(leaves_under(Z, node))] = True
    against = data.draw(st.sampled_from(["rest", "sibling", "list"]))
    if against == "rest":
        arg, out = "rest", ~ins
    elif against == "sibling":
        p = next(n + i for i in range(n - 1) if node in (int(Z[i, 0]), int(Z[i, 1])))
        a, b = int(Z[p - n, 0]), int(Z[p - n, 1])
        out = np.zeros(n, dtype=bool)
        out[sorted(leaves_under(Z, b if a == node else a))] = True
        arg = "sibling"
    else:
        arg = data.draw(st.lists(st.integers(0, 2 * n - 2), min_size=1, max_size=3))
        out = np.zeros(n, dtype=bool)
        for v in arg:
            out[sorted(leaves_under(Z, v))] = True
        out &= ~ins  # rows that are also inside are left out
    w.selection = [node]
    got = w.explain(against=arg)
    pd.testing.assert_frame_equal(got, w.explain(nodes=node, against=arg))
    assert got.columns.tolist() == ["column", "inside", "outside", "effect", "value"]
    by = got.set_index("column")
    for c in NUMERIC:
        want = pandas_numeric(ref, c, ins, out)
        np.testing.assert_allclose(
            by.loc[c, ["inside", "outside", "effect"]].to_numpy(float), want, rtol=1e-9, atol=1e-12
        )
    for c in CATEGORICAL:
        if not ref[c][ins].notna().any() or not ref[c][out].notna().any():
            assert np.isnan(by.loc[c, "effect"])
            continue
        shares = pandas_shares(ref, c, ins, out)
        assert abs(by.loc[c, "effect"]) == pytest.approx(shares["diff"].abs().max(), abs=1e-12)
        assert by.loc[c, "effect"] == pytest.approx(shares.loc[by.loc[c, "value"], "diff"])
    effects = np.abs(got["effect"].to_numpy(float))
    known = effects[~np.isnan(effects)]
    assert (np.diff(known) <= 0).all() and np.isnan(effects[len(known) :]).all()


def test_the_odd_mandarins_against_the_other_mandarins() -> None:
    df = datasets.fruits()
    w = fruits()
    drawn = df.fruit_name.to_numpy()[w.leaves].tolist()
    t = w._t
    by_span = {(int(t.start[v]), int(t.start[v] + t.count[v])): v for v in range(2 * 150 - 1)}
    odd = next(
        v
        for (a, b), v in by_span.items()
        if b - a == 3 and set(drawn[a:b]) == {"Mandarin"} and drawn[a - 1] == drawn[b] == "Orange"
    )
    others = next(
        v for (a, b), v in by_span.items() if b - a == 7 and set(drawn[a:b]) == {"Mandarin"}
    )
    w.selection = [odd]
    got = w.explain(against=[others])
    assert got.loc[0, "column"] == "color_intensity"
    assert got.loc[0, "effect"] == pytest.approx(-0.7, abs=0.01)
    assert got.loc[0, "inside"] < 8.2 < 8.4 < got.loc[0, "outside"]
    # the same numbers as pandas over the two groups of rows
    rows_in = df.iloc[w.selected_indices]
    w.selection = [others]
    rows_out = df.iloc[w.selected_indices]
    assert set(rows_in.fruit_name) == set(rows_out.fruit_name) == {"Mandarin"}
    std = df.color_intensity.std(ddof=0)
    want = (rows_in.color_intensity.mean() - rows_out.color_intensity.mean()) / std
    assert got.loc[0, "effect"] == pytest.approx(want, rel=1e-12)


def test_explain_refuses_what_it_cannot_answer() -> None:
    w = fruits()
    with pytest.raises(InputError, match="nothing is selected"):
        w.explain()
    with pytest.raises(InputError, match="root"):
        w.explain(2 * 150 - 2, against="sibling")
    with pytest.raises(InputError, match="exactly one node"):
        w.explain([3, 4], against="sibling")
    with pytest.raises(InputError, match="against must be"):
        w.explain(3, against="others")
    with pytest.raises(InputError, match="node id"):
        w.explain(3, against=[10**6])
    with pytest.raises(InputError, match="has none"):
        Dendrogram.from_distances(np.ones((3, 3)) - np.eye(3)).explain(0)
    # no cut: one summary row for all rows; from_distances: sizes only
    assert w.cluster_summary["size"].tolist() == [150]
    assert Dendrogram.from_distances(
        np.ones((3, 3)) - np.eye(3)
    ).cluster_summary.columns.tolist() == ["size"]


# ---- build options -----------------------------------------------------------------------------
def test_defaults_and_constructors() -> None:
    df = datasets.fruits()
    w = fruits()
    assert w.heatmap_columns == NUM and w.annotation_columns == ["genus"]
    state = w.get_state()
    assert state["_heatmap"]["columns"] == NUM and state["_heatmap"]["scale"] == "zscore"
    assert [s["name"] for s in state["_annotations"]["columns"]] == ["genus"]
    assert fruits(heatmap=False, annotations=False).get_state()["_heatmap"] == {}
    X = np.random.default_rng(0).normal(size=(30, 3))
    assert Dendrogram(X, heatmap=True).heatmap_columns == [0, 1, 2]
    assert Dendrogram(X).heatmap_columns == [0, 1, 2]  # None: the features, at most 50
    assert Dendrogram(X, heatmap=False).get_state()["_heatmap"] == {}
    Z = linkage(df[NUM].to_numpy(), "average")
    v = Dendrogram.from_linkage(Z, frame=df, heatmap=["weight_grams"], annotations=["genus"])
    assert v.heatmap_columns == ["weight_grams"] and v.annotation_columns == ["genus"]
    assert Dendrogram.from_linkage(Z, frame=df).heatmap_columns == []  # no features: nothing
    every = Dendrogram.from_linkage(Z, frame=df, heatmap=True, annotations=True)
    assert every.heatmap_columns == NUM and every.annotation_columns == ["fruit_name", "genus"]
    with pytest.raises(InputError, match="frame=df"):
        Dendrogram.from_linkage(Z, heatmap=True)
    minmax = fruits(heatmap_scale="minmax", heatmap=["weight_grams", "color_intensity"])
    assert minmax.get_state()["_heatmap"]["range"] == [0.0, 1.0]
    # a heatmap column need not be a feature; explain and the summary cover it too
    extra = fruits(heatmap=["weight_grams"], annotations=["fruit_name"])
    assert "fruit_name" in extra.cluster_summary.columns
    assert set(extra.explain(3)["column"]) == {*NUM, "genus", "fruit_name"}


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"heatmap_scale": "log"}, "heatmap_scale must be one of"),
        ({"heatmap": {"a": 1}}, "not a dict"),
        ({"heatmap": ["weight_grams", "weight_grams"]}, "twice"),
        ({"heatmap": False, "cluster_columns": True}, "heatmap=False"),
        ({"heatmap": False, "annotations": False, "split": True}, "both are off"),
        ({"split": "yes"}, "split must be True or False"),
        ({"heatmap": ["genus"]}, r"annotations=\['genus'\]"),
        ({"heatmap": ["nope"]}, "not in the table"),
        ({"heatmap": ["weight_grams"], "cluster_columns": True}, "at least 2"),
    ],
)
def test_options_refused_with_a_reason(kwargs: dict, match: str) -> None:
    with pytest.raises(InputError, match=match):
        fruits(**kwargs)


def test_cluster_columns_is_average_linkage_on_correlation_distance() -> None:
    rng = np.random.default_rng(3)
    base = rng.normal(size=(200, 3))
    cols = {f"c{j}": base[:, j % 3] + 0.3 * rng.normal(size=200) for j in range(7)}
    df = pd.DataFrame(cols)
    w = Dendrogram(df, cluster_columns=True)
    dist = 1 - df.corr().to_numpy()
    np.fill_diagonal(dist, 0)
    order = dendrogram(linkage(squareform(dist, checks=False), "average"), no_plot=True)["leaves"]
    assert w.heatmap_columns == [f"c{j}" for j in order]
    tree = w.get_state()["_heatmap"]["column_tree"]
    assert tree["n"] == 7 and len(tree["left"]) == 6
    assert w.get_state()["_heatmap"]["columns"] == w.heatmap_columns


def test_reduced_tree_heatmap_shows_micro_cluster_means() -> None:
    df = datasets.fruits()
    w = Dendrogram.from_dataframe(
        df, label="fruit_name", numeric=NUM, categorical=["genus"], reduce=12, progress=False
    )
    p = w.get_state()["_heatmap"]
    codes = np.frombuffer(p["codes"], dtype="<u2").reshape(3, -1)
    stats = np.frombuffer(p["stats"], dtype="<f8").reshape(3, 8)
    means = df.groupby(w.row_leaves.to_numpy())[NUM].mean().to_numpy()[w.leaves]
    for j in range(3):
        decoded = stats[j, 6] + codes[j] * stats[j, 7]
        np.testing.assert_allclose(decoded, means[:, j], atol=stats[j, 7] / 2 + 1e-9)
    # the answers still count rows, not micro-clusters
    w.n_clusters = 3
    assert w.cluster_summary["size"].sum() == 150
    w.selection = [w.cluster_nodes[0]]
    assert w.explain().set_index("column").loc["weight_grams", "inside"] == pytest.approx(
        df.weight_grams.iloc[w.selected_indices].mean()
    )


# ---- the view asks for exact values --------------------------------------------------------------
def test_cell_requests_answer_exact_values(monkeypatch: pytest.MonkeyPatch) -> None:
    df = datasets.fruits()
    w = fruits()
    sent: list[dict] = []
    monkeypatch.setattr(w, "send", lambda content, buffers=None: sent.append(content))
    w._on_view_message(w, {"type": "cell", "id": 7, "leaf": 5, "kind": "heatmap", "column": 2}, [])
    assert sent == [
        {
            "type": "cell",
            "id": 7,
            "leaf": 5,
            "kind": "heatmap",
            "column": 2,
            "value": df.color_intensity.iloc[5],
            "text": str(df.color_intensity.iloc[5]),
        }
    ]
    w._on_view_message(w, {"type": "cell", "id": 8, "leaf": 0, "kind": "strip", "column": 0}, [])
    assert sent[-1]["text"] == df.genus.iloc[0] and sent[-1]["value"] is None


@pytest.mark.parametrize(
    "msg",
    [
        {"type": "cell", "id": 1, "leaf": 150, "kind": "heatmap", "column": 0},
        {"type": "cell", "id": 1, "leaf": True, "kind": "heatmap", "column": 0},
        {"type": "cell", "id": 1, "leaf": 2.0, "kind": "heatmap", "column": 0},
        {"type": "cell", "id": 1, "leaf": 2, "kind": "heatmap", "column": 3},
        {"type": "cell", "id": 1, "leaf": 2, "kind": "strip", "column": 1},
        {"type": "cell", "id": 1, "leaf": 2, "kind": "<b>x</b>", "column": 0},
        {"type": "cell", "id": -1, "leaf": 2, "kind": "heatmap", "column": 0},
        {"type": "cell", "id": 1, "leaf": 2, "kind": "heatmap", "column": 0, "extra": 1},
        {"type": "cell", "leaf": 2, "kind": "heatmap", "column": 0},
        {"type": "nope"},
        ["cell"],
    ],
)
def test_bad_cell_requests_are_refused(msg: object, monkeypatch: pytest.MonkeyPatch) -> None:
    w = fruits()
    sent: list = []
    monkeypatch.setattr(w, "send", lambda content, buffers=None: sent.append(content))
    with pytest.warns(UserWarning, match="could not handle"):
        w._on_view_message(w, msg, [])
    assert sent == []


def test_payload_traits_are_not_writable_from_the_view() -> None:
    w = fruits()
    before = w.get_state()["_heatmap"]["columns"]
    for key in ("_heatmap", "_annotations"):
        with pytest.warns(UserWarning, match="may not set"):
            w.set_state({key: {}})
    assert w.get_state()["_heatmap"]["columns"] == before
    assert w.get_state()["_annotations"]["columns"][0]["name"] == "genus"


def test_a_frame_of_one_2d_block_answers_as_pandas() -> None:
    """Columns of a frame built from a 2-D array are strided views (copied once, contiguously,
    by the widget's column store); infinities count as missing."""
    rng = np.random.default_rng(5)
    values = rng.normal(size=(300, 6))
    values[3, 2] = np.inf
    df = pd.DataFrame(values, columns=list("abcdef")).mask(rng.random(values.shape) < 0.05)
    assert not df["a"].to_numpy().flags.c_contiguous  # the case this test is about
    Z = linkage(rng.normal(size=(300, 2)), "ward")
    w = Dendrogram.from_linkage(Z, frame=df, heatmap=True)
    w.n_clusters = 7
    ref = finite(df)
    ids = w.clusters.to_numpy()
    want = ref.groupby(ids).mean()
    got = w.cluster_summary
    np.testing.assert_allclose(got[list("abcdef")].to_numpy(), want.to_numpy(), rtol=1e-12)
    node = int(w.cluster_nodes[2])
    for against in ("rest", [int(w.cluster_nodes[4])]):
        table = w.explain(node, against=against).set_index("column")
        ins = np.zeros(300, dtype=bool)
        w.selection = [node]
        ins[w.selected_indices] = True
        if against == "rest":
            out = ~ins
        else:
            w.selection = against
            out = np.zeros(300, dtype=bool)
            out[w.selected_indices] = True
        for c in "abcdef":
            np.testing.assert_allclose(
                table.loc[c, ["inside", "outside", "effect"]].to_numpy(float),
                pandas_numeric(ref, c, ins, out),
                rtol=1e-9,
            )
