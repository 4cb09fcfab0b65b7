"""The widget without a browser: traits, selection, values from the front end, the payload."""

from __future__ import annotations

import ipywidgets
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import fcluster
from strategies import leaves_under, random_linkage

from dendrowidget import Dendrogram, InputError, datasets
from dendrowidget._payload import payload_bytes

NUM = ["weight_grams", "sweetness_level", "color_intensity"]


def fruits_widget(**kw: object) -> Dendrogram:
    return Dendrogram.from_dataframe(
        datasets.fruits(),
        label="fruit_name",
        numeric=NUM,
        categorical={"genus": 3.0},
        method="ward",
        distance_sort="ascending",
        **kw,
    )


def test_issue_example() -> None:
    df = datasets.fruits()
    w = fruits_widget()
    w.cut_height = 4.0
    assert w.clusters.name == "cluster" and w.clusters.index.equals(df.index)
    w.n_clusters = 5
    assert w.n_clusters == 5 and len(set(w.clusters)) == 5
    w.selection = [w.n_leaves + 10]
    assert w.selected_frame.index.tolist() == w.selected_indices
    assert w.selected_labels == df.fruit_name.iloc[w.selected_indices].tolist()


@settings(max_examples=80, deadline=None)
@given(Z=random_linkage(), data=st.data())
def test_selection_is_the_subtree_in_drawn_order(Z: np.ndarray, data: st.DataObject) -> None:
    w = Dendrogram.from_linkage(Z, distance_sort="ascending")
    m = 2 * w.n_leaves - 1
    nodes = data.draw(st.lists(st.integers(0, m - 1), max_size=4))
    w.selection = nodes
    under = set().union(*(leaves_under(Z, v) for v in nodes)) if nodes else set()
    assert w.selected_indices == [r for r in w.leaves if r in under]
    assert w.selected_labels == [str(r) for r in w.selected_indices]


def test_selection_errors_keep_the_last_good_value() -> None:
    w = fruits_widget()
    w.selection = [5]
    for bad in ([2 * w.n_leaves - 1], [-1], ["a"], [1.5]):
        with pytest.raises(InputError, match="node id"):
            w.selection = bad
    assert w.selection == (5,)
    w.selection = [np.int64(7), 7]
    assert w.selection == (7,)


def test_values_from_the_front_end_are_validated() -> None:
    w = fruits_widget()
    sent: list[dict] = []
    w.send_state = lambda key=None: sent.append({"keys": key})  # type: ignore[method-assign]
    w.set_state({"cut_height": 3.5})
    assert w.cut_height == 3.5
    with pytest.warns(UserWarning, match="ignored a bad value"):
        w.set_state({"cut_height": -2})
    assert w.cut_height == 3.5 and sent[-1] == {"keys": ["cut_height"]}
    with pytest.warns(UserWarning):
        w.set_state({"selection": [10**9]})
    assert w.selection == ()
    w.set_state({"selection": [w.n_leaves]})
    assert w.selection == (w.n_leaves,)
    with pytest.warns(UserWarning):
        w.set_state({"view_window": [5, 1, 0, 1]})
    w.set_state({"view_window": [-3, 10, 0, 2]})
    assert w.view_window == (0.0, 10.0, 0.0, 2.0)  # clamped to the leaf axis


def test_cut_from_front_end_matches_fcluster() -> None:
    w = fruits_widget()
    Z = w.linkage
    for t in np.unique(Z[:, 2])[::7]:
        w.set_state({"cut_height": float(t)})
        ours = w.clusters.to_numpy()
        theirs = fcluster(Z, t, criterion="distance")
        assert len(set(zip(ours, theirs, strict=True))) == len(set(ours)) == len(set(theirs))


def test_constructor_options_and_unknown_keywords() -> None:
    w = fruits_widget(n_clusters=4, orientation="left", title="Fruit", height=500)
    assert w.n_clusters == 4 and w.orientation == "left" and w.title == "Fruit"
    with pytest.raises(TypeError, match="unknown keyword"):
        fruits_widget(colour="red")


def test_bad_option_leaves_no_widget_behind() -> None:
    registry = ipywidgets.widgets.widget._instances
    before = len(registry)
    for bad in ({"n_clusters": 10_000}, {"cut_height": -1}, {"selection": [10**6]}):
        with pytest.raises(InputError):
            fruits_widget(**bad)
    assert len(registry) == before


def test_same_input_same_everything() -> None:
    a, b = fruits_widget(n_clusters=6), fruits_widget(n_clusters=6)
    assert a.leaves == b.leaves and a.cut_height == b.cut_height
    assert a.clusters.equals(b.clusters) and a.cluster_colors == b.cluster_colors


def test_payload_is_binary_and_small() -> None:
    n = 100_000
    rng = np.random.default_rng(0)
    from scipy.cluster.hierarchy import linkage

    Z = linkage(rng.normal(size=(2000, 2)), "ward")  # a real tree, then a synthetic big one
    assert Z.shape[0] == 1999
    big = np.empty((n - 1, 4))
    big[0] = (0, 1, 0.0, 2)
    big[1:, 0] = np.arange(n, 2 * n - 2)
    big[1:, 1] = np.arange(2, n)
    big[1:, 2] = np.arange(1, n - 1)
    big[1:, 3] = np.arange(3, n + 1)
    w = Dendrogram.from_linkage(big)
    state = w.get_state()
    tree_bytes = payload_bytes(state["_tree"])
    assert isinstance(state["_tree"]["height"], memoryview)
    assert tree_bytes < 24 * n
    assert state["_labels"] == {}  # default labels do not travel
    labelled = Dendrogram.from_linkage(big, labels=[f"row {i}" for i in range(n)])
    lab = labelled.get_state()["_labels"]
    text = lab["text"].nbytes
    assert payload_bytes(lab) - text == 4 * (n + 1)


def test_labels_travel_as_utf8_with_offsets() -> None:
    labels = ["a", "é", "<img src=x onerror=alert(1)>", "😀"]
    w = Dendrogram(np.arange(4.0)[:, None], labels=labels)
    lab = w.get_state()["_labels"]
    data, off = bytes(lab["text"]), np.frombuffer(lab["offsets"], dtype="<u4")
    assert [data[off[i] : off[i + 1]].decode() for i in range(4)] == labels


def test_zoom_to_and_reset() -> None:
    w = fruits_widget()
    root = 2 * w.n_leaves - 2
    w.zoom_to(w.n_leaves + 3)
    x0, x1, y0, y1 = w.view_window
    assert x1 - x0 == 2 and y0 == 0 and y1 > 0
    w.zoom_to(root)
    assert w.view_window[:2] == (0.0, float(w.n_leaves))
    w.reset_zoom()
    assert w.view_window == ()


def test_from_linkage_frame_and_labels() -> None:
    import pandas as pd

    Z = np.array([[0, 1, 1.0, 2], [2, 3, 2.0, 3]])
    frame = pd.DataFrame({"v": [10, 20, 30]}, index=["x", "y", "z"])
    w = Dendrogram.from_linkage(Z, labels=["p", "q", "r"], frame=frame)
    w.selection = [3]
    assert w.selected_frame.v.tolist() == [10, 20] and w.selected_labels == ["p", "q"]
    with pytest.raises(InputError, match="frame has 2 rows"):
        Dendrogram.from_linkage(Z, frame=frame.head(2))
