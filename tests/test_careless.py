"""A careless or hostile user, through the public API only: each case once gave a silently wrong
answer or a raw error from deep inside numpy, pandas or scikit-learn."""

from __future__ import annotations

import contextlib
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.cluster.hierarchy import cophenet, fcluster
from scipy.spatial.distance import pdist
from strategies import leaves_under

from dendrowidget import Dendrogram, InputError, datasets

NUM = ["weight_grams", "sweetness_level", "color_intensity"]


def fruits(**kw: object) -> Dendrogram:
    return Dendrogram.from_dataframe(
        datasets.fruits(), label="fruit_name", numeric=NUM, categorical={"genus": 3.0}, **kw
    )


def same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    return len(set(zip(a, b, strict=True))) == len(set(a)) == len(set(b))


# ---- values from the front end and from Python ---------------------------------------------
@pytest.mark.parametrize(
    "update",
    [{"cut_height": 10**400}, {"view_window": [0, 10**400, 0, 1]}, {"cut_height": "1"}],
)
def test_overflowing_front_end_values_are_refused(update: dict) -> None:
    w = fruits(n_clusters=4)
    cut = w.cut_height
    with pytest.warns(UserWarning, match="ignored a bad value"):
        w.set_state(update)
    assert w.cut_height == cut and w.n_clusters == 4 and len(set(w.clusters)) == 4
    assert "4 clusters" in repr(w)


def test_overflowing_python_values_get_input_error() -> None:
    w = fruits()
    for name in ("cut_height", "view_window"):
        value = 10**400 if name == "cut_height" else [0, 10**400, 0, 1]
        with pytest.raises(InputError, match="finite number"):
            setattr(w, name, value)
    assert w.cut_height is None and repr(w)


def test_a_selection_mutated_in_place_never_changes_the_answers() -> None:
    w = fruits()
    w.selection = [5]
    with contextlib.suppress(AttributeError):  # an immutable value: the right answer
        w.selection.append(-3)  # type: ignore[attr-defined]
    assert all(0 <= v < 2 * w.n_leaves - 1 for v in w.selection)
    assert w.selected_indices == [5]


def test_a_linkage_changed_in_place_after_the_build_changes_no_answer() -> None:
    # The check reads Z in place (no 32 MB copy at a million rows): nothing may read it later,
    # the layout computed in the background included.
    w0 = fruits(n_clusters=4)
    Z = w0.linkage
    w = Dendrogram.from_linkage(Z, n_clusters=4)
    Z[:, 2] = Z[::-1, 2]  # heights reversed: a valid-looking but different tree
    Z[:, [0, 1]] = Z[:, [1, 0]]
    assert w.leaves == w0.leaves
    assert same_partition(w.clusters.to_numpy(), w0.clusters.to_numpy())
    np.testing.assert_array_equal(w.linkage, w0.linkage)
    assert w.cut_steps.tolist() == w0.cut_steps.tolist()


def test_palette_mutated_in_place_never_changes_the_colours() -> None:
    w = fruits(n_clusters=3)
    colors = w.cluster_colors
    with contextlib.suppress(TypeError):
        w.palette[0] = "red"  # type: ignore[index]
    assert w.cluster_colors == colors


def test_private_payload_traits_are_not_writable_from_the_view(tmp_path: Path) -> None:
    w = fruits()
    tree = w.get_state()["_tree"]
    with pytest.warns(UserWarning, match="may not set"):
        w.set_state({"_tree": {"n": 3}})
    assert w.get_state()["_tree"]["n"] == tree["n"] == 150
    # An update is one unit: a good value next to a refused one is not applied either.
    with pytest.warns(UserWarning):
        w.set_state({"cut_height": 2.0, "_labels": {}})
    assert w.cut_height is None
    page = w.to_html(tmp_path / "p.html").read_text()
    assert '"n": 150' in page


@pytest.mark.parametrize("leaf", [2.9, True, float("inf"), "3", None, -1, 10**30])
def test_expand_message_takes_integer_leaf_ids_only(leaf: object) -> None:
    w = Dendrogram.from_dataframe(datasets.fruits(), numeric=NUM, reduce=12, progress=False)
    got: list[Dendrogram] = []
    w.on_expand(got.append)
    with pytest.warns(UserWarning, match="could not handle"):
        w._on_view_message(w, {"type": "expand", "leaf": leaf}, [])
    assert got == []


# ---- the widget answers for the data as it was when it was built ----------------------------
# pandas 3 deprecates `inplace=`; users still write it, and the frame must not follow them.
@pytest.mark.filterwarnings("ignore:The inplace keyword:DeprecationWarning")
def test_frame_sorted_or_dropped_in_place_after_the_build() -> None:
    df = datasets.fruits()
    w = Dendrogram.from_dataframe(df, label="fruit_name", numeric=NUM, n_clusters=5)
    w.selection = [w.n_leaves + 100]
    labels, frame, clusters = w.selected_labels, w.selected_frame, w.clusters
    df.sort_values("weight_grams", inplace=True)
    assert w.selected_labels == labels == w.selected_frame.fruit_name.tolist()
    pd.testing.assert_frame_equal(w.selected_frame, frame)
    df.drop(index=df.index[:20], inplace=True)
    pd.testing.assert_series_equal(w.clusters, clusters)
    w.frame.drop(index=w.frame.index[:5], inplace=True)  # the answer is a copy too
    assert len(w.frame) == 150


def test_array_changed_after_the_build() -> None:
    a = np.random.default_rng(1).normal(size=(40, 3))
    w = Dendrogram(a, method="average")
    expected = cophenet(w.linkage, pdist(a))[0]
    a[:5] = 100.0  # before the first read of the lazily computed answer
    assert w.cophenetic_correlation == pytest.approx(expected)


def test_distances_changed_after_the_build() -> None:
    D = pdist(np.random.default_rng(2).normal(size=(30, 2)))
    w = Dendrogram.from_distances(D)
    c = w.cophenetic_correlation
    D[:] = 1.0
    assert w.cophenetic_correlation == c


# ---- every argument honoured or refused ----------------------------------------------------
def test_reduce_refuses_a_metric_it_cannot_honour() -> None:
    with pytest.raises(InputError, match="metric='cosine'"):
        Dendrogram.from_dataframe(datasets.fruits(), numeric=NUM, reduce=10, metric="cosine")


class FixedCentres:
    """An estimator whose centres are given: rows go to the nearest one."""

    def __init__(self, centres: np.ndarray) -> None:
        self.cluster_centers_ = np.asarray(centres, dtype=float)

    def fit(self, X: np.ndarray) -> FixedCentres:
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        d = ((X[:, None, :] - self.cluster_centers_[None]) ** 2).sum(-1)
        return d.argmin(1)


def adjacent_distance(w: Dendrogram, centres: np.ndarray) -> float:
    c = centres[w.leaves]
    return float(np.linalg.norm(np.diff(c, axis=0), axis=1).sum())


def test_reduce_honours_optimal_ordering() -> None:
    rng = np.random.default_rng(3)
    df = pd.DataFrame(rng.normal(size=(400, 2)), columns=["a", "b"])
    centres = rng.normal(size=(40, 2))
    kw = {"numeric": ["a", "b"], "scale": False, "progress": False}
    plain = Dendrogram.from_dataframe(df, reduce=FixedCentres(centres), **kw)
    used = np.unique(FixedCentres(centres).predict(df.to_numpy()))
    opt = Dendrogram.from_dataframe(df, reduce=FixedCentres(centres), optimal_ordering=True, **kw)
    assert sorted(opt.leaves) == sorted(plain.leaves)
    assert adjacent_distance(opt, centres[used]) < adjacent_distance(plain, centres[used])


def test_expand_replays_every_build_option() -> None:
    df = datasets.fruits()
    kw = {
        "label": "fruit_name",
        "numeric": NUM,
        "categorical": {"genus": 3.0},
        "tooltip": ["genus"],
        "optimal_ordering": True,
        "count_sort": True,
        "progress": False,
    }
    w = Dendrogram.from_dataframe(df, reduce=6, **kw)
    leaf = int(np.argmax(np.bincount(w.row_leaves.to_numpy())))
    sub = w.expand(leaf)
    rows = df[w.row_leaves.to_numpy() == leaf]
    direct = Dendrogram.from_dataframe(rows, **kw)
    assert sub.leaves == direct.leaves
    assert sub.get_state()["_tooltips"]["columns"] == ["genus"]


def test_reduced_tree_shows_tooltip_columns() -> None:
    w = Dendrogram.from_dataframe(
        datasets.fruits(), numeric=NUM, tooltip=["genus"], reduce=10, progress=False
    )
    tips = w.get_state()["_tooltips"]
    assert tips["columns"] == ["rows", "genus"]
    assert all(v.split(" (")[0] in set(datasets.fruits().genus) for v in tips["values"][1])


def test_from_linkage_frame_must_be_a_dataframe() -> None:
    w = fruits()
    with pytest.raises(InputError, match="frame must be a pandas DataFrame"):
        Dendrogram.from_linkage(w.linkage, frame=list(range(150)))


def test_conflicting_arguments_are_refused() -> None:
    X = np.random.default_rng(4).normal(size=(10, 2))
    with pytest.raises(InputError, match="n_clusters or cut_height"):
        Dendrogram(X, n_clusters=3, cut_height=0.1)
    df = pd.DataFrame({"x": np.arange(6.0), "c": list("ababab")})
    with pytest.raises(InputError, match="both numeric and categorical"):
        Dendrogram.from_dataframe(df, numeric=["x"], categorical=["x", "c"])


# ---- inputs that once met raw errors or silent data loss ------------------------------------
def test_complex_input_is_refused_not_truncated() -> None:
    with pytest.raises(InputError, match="complex"):
        Dendrogram(np.array([[5j], [0], [1]]))
    with pytest.raises(InputError, match="complex"):
        Dendrogram.from_dataframe(pd.DataFrame({"z": [1j, 2, 3], "x": [1.0, 2, 3]}))


def test_sparse_structured_and_nullable_get_their_own_message() -> None:
    from scipy.sparse import csr_matrix

    with pytest.raises(InputError, match=r"sparse .*toarray"):
        Dendrogram(csr_matrix(np.eye(4)))
    with pytest.raises(InputError, match="structured"):
        Dendrogram(np.zeros(4, dtype=[("a", float), ("b", float)]))
    nullable = pd.DataFrame({"a": pd.array([1, None, 3, 4], dtype="Int64"), "b": [1.0, 2, 3, 4]})
    with pytest.raises(InputError, match=r"missing .*a: 1"):
        Dendrogram(nullable)


def test_from_model_names_the_model_it_needs() -> None:
    from sklearn.cluster import KMeans

    model = KMeans(2, n_init=1, random_state=0).fit(np.random.default_rng(0).normal(size=(10, 2)))
    with pytest.raises(InputError, match="AgglomerativeClustering; got KMeans"):
        Dendrogram.from_model(model)


def test_duplicate_column_names_are_named() -> None:
    df = pd.DataFrame(np.random.default_rng(0).normal(size=(6, 3)), columns=["a", "a", "b"])
    with pytest.raises(InputError, match=r"more than one column named \['a'\]"):
        Dendrogram.from_dataframe(df)
    with pytest.raises(InputError, match="more than one column"):
        Dendrogram(df)
    Dendrogram.from_dataframe(df, numeric=["b"])  # the duplicate is not used: fine


def test_int_mixed_and_multiindex_column_names_work() -> None:
    rng = np.random.default_rng(5)
    X = rng.normal(size=(12, 2))
    expected = Dendrogram(X).leaves
    mixed = pd.DataFrame(X, columns=["a", 1])
    assert Dendrogram.from_dataframe(mixed, scale=False).leaves == expected
    multi = pd.DataFrame(X, columns=pd.MultiIndex.from_tuples([("g", "x"), ("g", "y")]))
    w = Dendrogram.from_dataframe(multi, numeric=[("g", "x"), ("g", "y")], scale=False)
    assert w.leaves == expected


def test_categorical_mixing_text_numbers_and_missing() -> None:
    mixed = pd.DataFrame({"x": np.arange(6.0), "c": ["a", 1, None, "a", 2, np.nan]})
    text = pd.DataFrame({"x": np.arange(6.0), "c": ["a", "1", None, "a", "2", None]})
    a = Dendrogram.from_dataframe(mixed, categorical={"c": 3.0})
    b = Dendrogram.from_dataframe(text, categorical={"c": 3.0})
    np.testing.assert_array_equal(a.linkage, b.linkage)
    assert "c=<missing>" in a.features.columns


# ---- micro-cluster estimators that misbehave -------------------------------------------------
class Broken(FixedCentres):
    def __init__(self, centres: np.ndarray, shift: int = 0) -> None:
        super().__init__(centres)
        self.shift = shift

    def predict(self, X: np.ndarray) -> np.ndarray:
        return super().predict(X) + self.shift


@pytest.mark.parametrize(
    ("estimator", "message"),
    [
        (FixedCentres(np.full((4, 3), np.nan)), "NaN or infinite"),
        (Broken(np.eye(3) * 5, shift=-2), r"ids -2\.\..* noise labels"),
        (Broken(np.eye(3) * 5, shift=5), r"there are 3 cluster_centers_"),
        (FixedCentres(np.ones((3, 2))), r"shape \(3, 2\), expected \(k, 3\)"),
    ],
)
def test_bad_estimators_get_clear_errors(estimator: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Dendrogram.from_dataframe(datasets.fruits(), numeric=NUM, reduce=estimator)


# ---- memory under a process limit ------------------------------------------------------------
def test_memory_guard_sees_the_process_limit() -> None:
    """Under RLIMIT_AS (as under a container limit) the guard refuses before allocating,
    instead of the linkage dying with a raw MemoryError."""
    code = textwrap.dedent(
        """
        import resource, numpy as np
        from dendrowidget import Dendrogram, InputError
        resource.setrlimit(resource.RLIMIT_AS, (4 * 1024**3, resource.RLIM_INFINITY))
        X = np.random.default_rng(0).normal(size=(40_000, 2))
        try:
            Dendrogram(X, method="average")
        except InputError as e:
            print("InputError:", e)
        except MemoryError:
            print("MemoryError")
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert out.stdout.startswith("InputError:"), out.stdout + out.stderr
    assert "available to this process" in out.stdout


def test_optimal_ordering_refusal_names_the_real_cause() -> None:
    X = np.random.default_rng(0).normal(size=(60_000, 2))
    with pytest.raises(InputError, match=r"optimal_ordering=True .*drop optimal_ordering"):
        Dendrogram(X, method="ward", optimal_ordering=True)


# ---- export, pickle, progress ------------------------------------------------------------------
def test_to_html_title_must_be_text_and_survives_lone_surrogates(tmp_path: Path) -> None:
    w = fruits()
    with pytest.raises((InputError, TypeError), match="title must be a string"):
        w.to_html(tmp_path / "a.html", title=123)  # type: ignore[arg-type]
    page = w.to_html(tmp_path / "b.html", title="fruit \ud800 tree").read_text(encoding="utf-8")
    assert "<title>fruit \ufffd tree</title>" in page


def test_pickle_says_what_to_save_instead() -> None:
    with pytest.raises(TypeError, match=r"does not pickle.*w\.linkage"):
        pickle.dumps(fruits())


def test_progress_bar_leaves_no_widgets_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    import ipywidgets
    import tqdm.auto
    import tqdm.notebook

    monkeypatch.setattr(tqdm.auto, "tqdm", tqdm.notebook.tqdm)  # as in a notebook
    registry = ipywidgets.widgets.widget._instances
    rng = np.random.default_rng(0)
    for n in (150, 30_000):  # small builds show no bar; big ones close theirs
        before = set(registry)
        df = pd.DataFrame(rng.normal(size=(n, 2)), columns=["a", "b"])
        w = Dendrogram.from_dataframe(df, method="ward")
        assert set(registry) - before == {w.model_id, w.layout.model_id}


def test_answers_after_hostile_updates_still_equal_scipy() -> None:
    w = fruits()
    Z = w.linkage
    for update in ({"cut_height": 10**400}, {"selection": [-3]}, {"cut_height": 3.0}):
        if update.get("cut_height") == 3.0:
            w.set_state(update)
        else:
            with pytest.warns(UserWarning):
                w.set_state(update)
    assert same_partition(w.clusters.to_numpy(), fcluster(Z, 3.0, "distance"))
    w.set_state({"selection": [w.n_leaves + 7]})
    under = leaves_under(Z, w.n_leaves + 7)
    assert w.selected_indices == [r for r in w.leaves if r in under]
