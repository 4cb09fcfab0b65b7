"""Fuzz the front-end channel: random state updates and custom messages, good and hostile, as a
custom client could send them. After each one the widget's answers must still equal scipy's for
its current (validated) cut and selection, and nothing may raise out of the handlers."""

from __future__ import annotations

import math
import warnings

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import fcluster_at, leaves_under, random_linkage, same_partition

from dendrowidget import Dendrogram

KEYS = [
    "cut_height",
    "selection",
    "view_window",
    "_cluster_nodes",
    "expanded_leaf",
    "_tree",
    "_labels",
    "busy",
    "title",
    "nope",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.integers(10**300, 10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=8,
)


@st.composite
def good_values(draw: st.DrawFn, n: int, top: float) -> dict:
    """Values a well-behaved view sends, so the fuzz also walks through valid states."""
    key = draw(st.sampled_from(["cut_height", "selection", "view_window", "_cluster_nodes"]))
    if key == "cut_height":
        return {key: draw(st.none() | st.floats(0, top * 1.2 + 1))}
    if key == "selection":
        return {key: draw(st.lists(st.integers(0, 2 * n - 2), max_size=3))}
    if key == "_cluster_nodes":  # may overlap: then it is refused
        return {key: {"nodes": draw(st.lists(st.integers(0, 2 * n - 2), max_size=4))}}
    x0 = draw(st.floats(0, n - 1))
    return {key: [x0, x0 + draw(st.floats(0.5, n)), 0.0, draw(st.floats(0.1, top + 1))]}


def updates(n: int, top: float) -> st.SearchStrategy:
    hostile = st.dictionaries(st.sampled_from(KEYS), values, min_size=1, max_size=3)
    message = st.fixed_dictionaries({"type": st.sampled_from(["expand", "x"]), "leaf": values})
    return st.one_of(
        good_values(n, top),
        hostile.map(lambda d: ("state", d)),
        message.map(lambda m: ("msg", m)),
        values.map(lambda v: ("msg", v)),
    )


def check_answers(w: Dendrogram, Z: np.ndarray) -> None:
    t = w.cut_height
    assert t is None or (isinstance(t, float) and math.isfinite(t) and t >= 0)
    ids = w.clusters.to_numpy()
    if t is not None:
        assert same_partition(ids, fcluster_at(Z, t))
    elif w._cluster_nodes is None:
        assert set(ids.tolist()) == {1}
    else:  # per-branch clusters: each node's rows share an id, the rest are outliers
        covered: set[int] = set()
        for c, v in enumerate(w.cluster_nodes, start=1):
            under = leaves_under(Z, v)
            assert set(ids[list(under)].tolist()) == {c} and not under & covered
            covered |= under
        assert set(np.flatnonzero(ids == -1).tolist()) == set(range(w.n_leaves)) - covered
    assert all(isinstance(v, int) and 0 <= v <= 2 * w.n_leaves - 2 for v in w.selection)
    under = set().union(*(leaves_under(Z, v) for v in w.selection)) if w.selection else set()
    assert w.selected_indices == [r for r in w.leaves if r in under]
    assert w.get_state()["_tree"]["n"] == w.n_leaves
    win = w.view_window
    assert len(win) == 0 or (len(win) == 4 and win[0] < win[1] and win[2] < win[3])
    assert repr(w)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(Z=random_linkage(max_leaves=30), data=st.data())
def test_random_updates_keep_answers_equal_to_scipy(Z: np.ndarray, data: st.DataObject) -> None:
    w = Dendrogram.from_linkage(Z)
    w.send_state = lambda key=None: None  # type: ignore[method-assign]  # no front end here
    steps = data.draw(st.lists(updates(w.n_leaves, float(Z[:, 2].max())), max_size=12))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # refusals warn; that is the point
        for step in steps:
            if isinstance(step, tuple) and step[0] == "msg":
                w._on_view_message(w, step[1], [])
            else:
                w.set_state(step[1] if isinstance(step, tuple) else step)
            check_answers(w, Z)
