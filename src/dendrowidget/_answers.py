"""The answers a Dendrogram gives back in Python, computed from validated state only: the frozen
build (`_b`: tree, row map, options) and the validated traits (cut_height, selection, palette)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import _cut, _search, _selection
from ._built import Built
from ._partition import Partition

if TYPE_CHECKING:
    from ._tree import Tree


class Answers:
    """Mixin for the widget: every read-only answer, none of the state."""

    _b: Built
    cut_height: float | None
    selection: tuple[int, ...]
    palette: tuple[str, ...]
    search: str
    _cluster_nodes: tuple[int, ...] | None
    _distances_cache: np.ndarray | None

    @property
    def _t(self) -> Tree:
        return self._b.tree

    @property
    def n_leaves(self) -> int:
        """Number of leaves (rows, or micro-clusters after ``reduce=``)."""
        return self._t.n

    @property
    def leaves(self) -> list[int]:
        """Leaf ids left to right as drawn (= scipy ``dendrogram(...)["leaves"]``)."""
        return self._t.order.tolist()

    @property
    def linkage(self) -> np.ndarray:
        """The linkage matrix with each row's children in drawn order (left first); a copy."""
        return self._t.linkage

    @property
    def labels(self) -> list[str]:
        """Leaf labels by leaf id."""
        lab = self._b.labels
        return list(lab) if lab is not None else [str(i) for i in range(self._t.n)]

    @property
    def frame(self) -> Any:
        """The table the widget was built from, as it was then (a copy: changing it changes
        nothing here)."""
        rows = self._b.rows
        return rows.frame if rows.lazy else rows.frame.copy()

    @property
    def row_leaves(self) -> Any:
        """Leaf id of every row, aligned with the input's index: the row's own position for a
        tree over rows, its micro-cluster after ``reduce=``."""
        return self._b.rows.per_row(np.arange(self._t.n), "leaf")

    def _parts_now(self) -> Partition:
        return Partition(self._t, self.cut_height, self._cluster_nodes)

    @property
    def n_clusters(self) -> int:
        """Number of clusters (1 without a cut; outliers are not a cluster). Setting it picks a
        cut height that gives exactly that many clusters, or raises when ties make it
        impossible."""
        return self._parts_now().k

    @n_clusters.setter
    def n_clusters(self, k: int) -> None:
        self.cut_height = _cut.height_for_k(self._t, k)

    @property
    def clusters(self) -> Any:
        """Cluster id of every row (1..k, numbered left to right as drawn; -1 for outliers of a
        per-branch partition), aligned with the input's index. For a cut line, the same
        partition as ``fcluster(Z, cut_height, "distance")``."""
        return self._b.rows.per_row(self._parts_now().row_ids(), "cluster")

    @property
    def cluster_colors(self) -> dict[int, str]:
        """Colour of each cluster id as drawn."""
        pal = self.palette
        return {c: pal[(c - 1) % len(pal)] for c in range(1, self.n_clusters + 1)}

    @property
    def cut_steps(self) -> np.ndarray:
        """Heights where the number of clusters changes (ascending)."""
        return _cut.cut_steps(self._t)

    def _selected_leaves(self) -> np.ndarray:
        return _selection.selected_rows(self._t, self.selection)

    @property
    def selected_indices(self) -> Any:
        """Row positions under the selected nodes, in drawn order (Dask input: a lazy Series of
        the selected rows' index labels)."""
        return self._b.rows.indices(self._selected_leaves())

    @property
    def selected_labels(self) -> Any:
        """Labels of the selected rows, in drawn order."""
        return self._b.rows.labels(self._selected_leaves())

    @property
    def selected_frame(self) -> Any:
        """Rows of the input table under the selection, in drawn order (Dask input: lazy)."""
        return self._b.rows.rows_frame(self._selected_leaves())

    @property
    def search_matches(self) -> list[int]:
        """Leaves whose label contains ``search`` (case-insensitive), left to right as drawn: the
        view's matches. For a tree over rows these are row positions; after ``reduce=`` they are
        micro-cluster leaves, whose rows are ``w.row_leaves.isin(w.search_matches)``. Making them
        the selection (the view's "Select", Ctrl+Enter) selects their rows."""
        return _search.matching_leaves(self.labels, self._t.order, self.search)

    @property
    def cophenetic_correlation(self) -> float | None:
        """Cophenetic correlation of the tree with the input distances (None when the tree came
        from a linkage matrix, a model or micro-clusters, whose row distances are unknown)."""
        from scipy.cluster.hierarchy import cophenet
        from scipy.spatial.distance import pdist

        b = self._b
        if b.rows.expandable:
            return None  # the tree is over micro-clusters, not the rows
        if self._distances_cache is None:
            if b.distances is not None:
                self._distances_cache = b.distances
            elif b.features is not None:
                self._distances_cache = pdist(b.features.X, metric=b.options.metric)
        if self._distances_cache is None:
            return None
        c, _ = cophenet(b.Z, self._distances_cache)
        return float(c)

    @property
    def features(self) -> pd.DataFrame | None:
        """What the linkage saw (scaled numbers, weighted one-hot columns), one row per leaf;
        None when the tree came from a linkage, distances or a model."""
        f = self._b.features
        if f is None or self._b.rows.expandable:
            return None
        return pd.DataFrame(f.X.copy(), columns=f.names, index=self._b.rows.frame.index)
