"""A partition of the rows into clusters: disjoint subtrees (cluster nodes), rows under none of
them are outliers (-1, scikit-learn's noise label). A horizontal cut is the special case whose
nodes are fcluster's clusters at some height; it is kept as that height, so a cut stays one
number however many clusters it makes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from . import _cut
from ._errors import InputError
from ._selection import check_node_ids, concat_ranges
from ._tree import Tree


def check_nodes(tree: Tree, ids: object) -> np.ndarray:
    """Node ids whose subtrees are disjoint, sorted left to right as drawn (int64)."""
    nodes = np.asarray(check_node_ids(tree, ids, "cluster_nodes"), dtype=np.int64)
    nodes = nodes[np.argsort(tree.start[nodes], kind="stable")]
    if len(nodes) > 1:
        ends = tree.start[nodes] + tree.count[nodes]
        clash = np.flatnonzero(tree.start[nodes[1:]] < ends[:-1])
        if len(clash):
            a, b = int(nodes[clash[0]]), int(nodes[clash[0] + 1])
            outer, inner = (a, b) if tree.count[a] >= tree.count[b] else (b, a)
            raise InputError(
                f"cluster_nodes must be disjoint subtrees, but node {inner} lies under node "
                f"{outer}; keep one of them (a node's subtree holds every node below it)"
            )
    return nodes


def horizontal_height(tree: Tree, nodes: np.ndarray) -> float | None:
    """A cut height whose fcluster clusters are exactly `nodes`, or None when no horizontal
    line makes them (a per-branch cut, or outliers). The root alone is "no cut": None too."""
    root = 2 * tree.n - 2
    if len(nodes) == 0 or int(tree.count[nodes].sum()) != tree.n or root in nodes:
        return None
    lo = float(tree.maxh[nodes].max())  # every node's own merges join at t >= lo
    hi = float(tree.maxh[tree.parent[nodes]].min())  # every parent must stay split: t < hi
    if not lo < hi:
        return None
    t = lo + (hi - lo) / 2
    return t if lo <= t < hi else lo


def drawn_ids(tree: Tree, nodes: np.ndarray) -> np.ndarray:
    """Cluster id (1..k left to right, -1 for outliers) of each drawn position."""
    ids = np.full(tree.n, -1, dtype=np.int64)
    counts = tree.count[nodes].astype(np.int64)
    ids[concat_ranges(tree.start[nodes].astype(np.int64), counts)] = np.repeat(
        np.arange(1, len(nodes) + 1), counts
    )
    return ids


def nodes_value(tree: Tree, value: object) -> tuple[int, ...] | None:
    """The `_cluster_nodes` trait's value from Python or the view: None (the cut line decides), or
    node ids as a list, or {"nodes": int32 buffer or list} as the view sends them."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        raw = value.get("nodes")
        if isinstance(raw, (memoryview, bytes, bytearray)):
            buf = memoryview(raw).cast("B")
            if len(buf) % 4:
                raise InputError("cluster_nodes from the view: the buffer is not int32")
            raw = np.frombuffer(buf, dtype="<i4").tolist()
        value = raw
    return tuple(check_nodes(tree, value).tolist())


def nodes_json(value: tuple[int, ...] | None, _widget: object) -> dict[str, Any] | None:
    """Node lists travel as int32 buffers: a per-branch cut can hold 100,000s of clusters."""
    if value is None:
        return None
    return {"nodes": memoryview(np.asarray(value, dtype="<i4"))}


class Partition:
    """The widget's clusters: a cut height, or cluster nodes (then `cut` is None)."""

    def __init__(self, tree: Tree, cut: float | None, nodes: tuple[int, ...] | None) -> None:
        self.tree = tree
        self.cut = cut
        self._given = None if nodes is None else np.asarray(nodes, dtype=np.int64)

    @property
    def by_cut(self) -> bool:
        return self._given is None

    @property
    def nodes(self) -> np.ndarray:
        if self._given is None:
            return _cut.cluster_nodes(self.tree, self.cut)
        return self._given

    @property
    def k(self) -> int:
        if self._given is None:
            return _cut.n_clusters_at(self.tree, self.cut)
        return len(self._given)

    def drawn_ids(self) -> np.ndarray:
        if self._given is None:
            return _cut.drawn_ids(self.tree, self.cut)
        return drawn_ids(self.tree, self._given)

    def row_ids(self) -> np.ndarray:
        """Cluster id of each leaf id (input position)."""
        out = np.empty(self.tree.n, dtype=np.int64)
        out[self.tree.order] = self.drawn_ids()
        return out
