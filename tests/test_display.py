"""In a Jupyter kernel the tree follows the display message (_display.py): the comm_open leaves
`_tree` out, and the tree is sent once, right after the display message, at the end of the cell,
or when a view asks. Outside a kernel nothing is held back."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, ClassVar

import comm
import numpy as np
import pytest
from scipy.cluster.hierarchy import linkage

from dendrowidget import Dendrogram
from dendrowidget._export import model_state


class Recorder(comm.DummyComm):
    """A comm that logs what a Dendrogram's comm publishes (comm_open, then updates) in the
    shared `log`."""

    log: ClassVar[list[tuple[str, Any, list[bytes], str | None]]] = []
    ours: ClassVar[set[str]] = set()

    def publish_msg(
        self,
        msg_type: str,
        data: Any = None,
        metadata: Any = None,
        buffers: Any = None,
        **keys: Any,
    ) -> None:
        # the layout widget every DOMWidget opens first is left out
        opens_ours = msg_type == "comm_open" and "_anywidget_id" in (data or {}).get("state", {})
        if opens_ours or (msg_type != "comm_open" and self.comm_id in self.ours):
            self.ours.add(self.comm_id)
            self.log.append((msg_type, data, [bytes(b) for b in buffers or []], self.comm_id))


@pytest.fixture
def kernel(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """A kernel's shell as far as the widget looks (a kernel, IPython's own cell events), with
    every comm message and display message logged in order."""
    from IPython.core.events import EventManager, available_events

    log: list[tuple[str, Any, list[bytes], str | None]] = []
    monkeypatch.setattr(Recorder, "log", log)
    monkeypatch.setattr(Recorder, "ours", set())
    shell = SimpleNamespace(kernel=object(), events=EventManager(None, available_events), log=log)
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)
    monkeypatch.setattr(comm, "create_comm", lambda *a, **k: Recorder(*a, **k))
    monkeypatch.setattr(
        "IPython.display.publish_display_data",
        lambda data, metadata=None, **_: log.append(("display", data, [], None)),
    )
    return shell


def Z(n: int = 40, seed: int = 0) -> np.ndarray:
    return linkage(np.random.default_rng(seed).normal(size=(n, 3)), "average")


def tree_sends(log: list, model_id: str | None = None) -> list[int]:
    """Positions in the log of the messages that carry `_tree` (of one widget's comm)."""
    return [
        i
        for i, (kind, data, _, cid) in enumerate(log)
        if kind in ("comm_open", "comm_msg")
        and "_tree" in (data or {}).get("state", {})
        and model_id in (None, cid)
    ]


def sent_tree(log: list, i: int) -> dict[str, np.ndarray]:
    """The tree of log entry i, decoded from its buffers."""
    _, data, buffers, _ = log[i]
    arrays = {}
    for path, buf in zip(data["buffer_paths"], buffers, strict=True):
        if path[0] == "_tree":
            arrays[path[1]] = np.frombuffer(buf, "<f8" if path[1] == "height" else "<i4")
    return arrays


def test_in_a_kernel_the_tree_follows_the_display_message(kernel: SimpleNamespace) -> None:
    w = Dendrogram.from_linkage(Z())
    log = kernel.log
    assert [k for k, *_ in log] == ["comm_open"]
    opened = log[0][1]["state"]
    assert "_tree" not in opened and "cut_height" in opened and "_labels" in opened
    w._ipython_display_()
    kinds = [k for k, *_ in log]
    assert kinds == ["comm_open", "display", "comm_msg"]
    view = log[1][1]["application/vnd.jupyter.widget-view+json"]
    assert view["model_id"] == w.model_id
    assert tree_sends(log) == [2]
    tree = sent_tree(log, 2)
    np.testing.assert_array_equal(tree["left"], w._t.left)
    np.testing.assert_array_equal(tree["right"], w._t.right)
    assert tree["height"].tobytes() == np.asarray(w._t.height, "<f8").tobytes()
    # Once: neither the end of the cell, a view's request nor a second display sends it again.
    kernel.events.trigger("post_run_cell", None)
    w._on_view_message(w, {"type": "tree"}, [])
    w._ipython_display_()
    assert tree_sends(log) == [2]
    assert kernel.events.callbacks["post_run_cell"] == []


def test_a_widget_not_displayed_itself_gets_its_tree_when_the_cell_ends(
    kernel: SimpleNamespace,
) -> None:
    # as a child of a box: the box's view creates this view, which no display message named
    w = Dendrogram.from_linkage(Z())
    assert tree_sends(kernel.log) == []
    kernel.events.trigger("post_run_cell", None)
    assert tree_sends(kernel.log) == [1]
    w._on_view_message(w, {"type": "tree"}, [])
    assert tree_sends(kernel.log) == [1]


def test_a_view_that_has_no_tree_asks_for_it(kernel: SimpleNamespace) -> None:
    # made outside a cell (a callback): no cell end comes to send it
    w = Dendrogram.from_linkage(Z())
    w._on_view_message(w, {"type": "tree"}, [])
    assert tree_sends(kernel.log) == [1]


def test_every_state_but_the_comm_open_holds_the_tree(kernel: SimpleNamespace) -> None:
    w = Dendrogram.from_linkage(Z(), n_clusters=3)
    assert "_tree" in w.get_state()  # a page that reconnects asks for the whole state
    paths = [b["path"] for b in model_state(w)["buffers"]]  # an offline page
    assert ["_tree", "left"] in paths and ["_tree", "height"] in paths
    assert w.n_clusters == 3 and len(w.clusters) == 40  # answers never waited


def test_a_new_tree_set_before_the_display_is_sent_by_its_own_update(
    kernel: SimpleNamespace,
) -> None:
    w = Dendrogram.from_linkage(Z())
    other = Dendrogram.from_linkage(Z(seed=1))
    w._tree = other._tree
    log = kernel.log
    first = tree_sends(log, w.model_id)
    assert len(first) == 1
    w._ipython_display_()
    kernel.events.trigger("post_run_cell", None)
    assert tree_sends(log, w.model_id) == first  # not a second time


def test_outside_a_kernel_the_comm_open_holds_the_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    log: list = []
    monkeypatch.setattr(Recorder, "log", log)
    monkeypatch.setattr(comm, "create_comm", lambda *a, **k: Recorder(*a, **k))
    Dendrogram.from_linkage(Z())
    assert tree_sends(log) == [0]
