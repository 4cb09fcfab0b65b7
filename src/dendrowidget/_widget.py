"""class Dendrogram: the widget, its synced traits, and the answers it gives back in Python."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets
import numpy as np
import pandas as pd
import traitlets as t

from . import _build, _cut, _dask, _linkage, _payload, _selection
from ._errors import InputError
from ._tree import SortOption

_STATIC = Path(__file__).parent / "static"
# Okabe & Ito's colour-blind-safe palette, without black and yellow (too faint on white).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"]
ORIENTATIONS = ("top", "bottom", "left", "right")


class Dendrogram(anywidget.AnyWidget):
    """An interactive dendrogram: zoom, cut and select in the view; read the answers here.

    Build it from a numeric array or DataFrame (``Dendrogram(X, method="ward")``), a table with
    mixed columns (:meth:`from_dataframe`), a linkage matrix (:meth:`from_linkage`), distances
    (:meth:`from_distances`) or a fitted scikit-learn model (:meth:`from_model`).
    """

    _esm = _STATIC / "widget.js"
    _css = _STATIC / "widget.css"

    _tree = t.Dict().tag(sync=True)
    _labels = t.Dict().tag(sync=True)
    _tooltips = t.Dict().tag(sync=True)

    cut_height = t.Any(None, allow_none=True).tag(sync=True)  # validated below, with clear errors
    """Height of the cut line (None: no cut). Rows whose lowest common ancestor merges at or
    below it share a cluster, exactly as ``fcluster(Z, t, criterion="distance")``."""
    selection = t.List().tag(sync=True)  # node ids, validated below
    """Selected node ids (scipy numbering: leaves 0..n-1, merges n..2n-2)."""
    view_window = t.List().tag(sync=True)  # validated below
    """Visible window ``[x0, x1, y0, y1]`` in leaf units and heights; [] is the full view."""
    orientation = t.Enum(ORIENTATIONS, default_value="top").tag(sync=True)
    """Where the root is drawn: "top" (like scipy), "bottom", "left" or "right"."""
    height = t.Int(420).tag(sync=True)
    """Height of the plot in CSS pixels; the width follows the cell."""
    title = t.Unicode("").tag(sync=True)
    """Plain-text title above the plot."""
    axis_label = t.Unicode("distance").tag(sync=True)
    """Title of the height axis."""
    palette = t.List(t.Unicode(), default_value=PALETTE).tag(sync=True)
    """Cluster colours; cluster c (1-based, left to right) takes palette[(c - 1) % len]."""
    busy = t.Bool(False).tag(sync=True)
    """True while Python recomputes (the view shows a busy indicator)."""
    _expandable = t.Bool(False).tag(sync=True)  # leaves are micro-clusters: dblclick expands

    def __init__(
        self,
        data: Any,
        *,
        method: str = "ward",
        metric: str = "euclidean",
        labels: Sequence[Any] | None = None,
        count_sort: SortOption = False,
        distance_sort: SortOption = False,
        optimal_ordering: bool = False,
        **options: Any,
    ) -> None:
        parts = _build.from_array(
            data,
            labels=labels,
            method=method,
            metric=metric,
            count_sort=count_sort,
            distance_sort=distance_sort,
            optimal_ordering=optimal_ordering,
        )
        self._setup(parts, options)

    # ---- construction ---------------------------------------------------------------------
    def _setup(self, parts: _build.Parts, options: dict[str, Any]) -> None:
        allowed = {
            "orientation",
            "height",
            "title",
            "axis_label",
            "palette",
            "cut_height",
            "n_clusters",
            "selection",
            "view_window",
        }
        unknown = sorted(set(options) - allowed)
        if unknown:
            raise TypeError(
                f"unknown keyword argument(s) {unknown}; display options are {sorted(allowed)}"
            )
        n_clusters = options.pop("n_clusters", None)
        if n_clusters is not None:
            options["cut_height"] = _cut.height_for_k(parts.tree, n_clusters)
        self._parts = parts
        self._t = parts.tree
        self._expand_callbacks: list[Callable[[Dendrogram], object]] = []
        # Options go through the validators inside __init__: a bad one raises before the widget
        # opens its comm, so nothing half-built is left registered with the kernel.
        super().__init__(
            _tree=_payload.tree_payload(parts.tree),
            _labels=_payload.labels_payload(parts.labels),
            _tooltips=_payload.tooltips_payload(parts.tooltips or {}),
            _expandable=parts.assign is not None,
            **options,
        )
        self.on_msg(self._on_view_message)

    @classmethod
    def _new(cls, parts: _build.Parts, options: dict[str, Any]) -> Dendrogram:
        obj = cls.__new__(cls)
        obj._setup(parts, options)
        return obj

    @classmethod
    def from_dataframe(
        cls,
        df: pd.DataFrame,
        *,
        label: str | None = None,
        numeric: Sequence[str] | Mapping[str, float] | None = None,
        categorical: Sequence[str] | Mapping[str, float] | None = None,
        scale: bool = True,
        tooltip: Sequence[str] | None = None,
        method: str = "ward",
        metric: str = "euclidean",
        count_sort: SortOption = False,
        distance_sort: SortOption = False,
        optimal_ordering: bool = False,
        reduce: int | Any | None = None,
        progress: bool = True,
        **options: Any,
    ) -> Dendrogram:
        """The tutorial's pipeline on a table: numeric columns standardised (``scale=False``
        keeps raw values), categorical columns one-hot encoded, each times its weight.

        ``numeric``/``categorical`` take a list (weight 1) or a dict column -> weight;
        ``numeric=None`` uses every numeric column except ``label`` and the categorical ones.
        ``label`` names the column shown as leaf labels; ``tooltip`` names extra columns shown
        when hovering a leaf.

        ``reduce=N`` (or an estimator with fit / predict / cluster_centers_) first groups the rows
        into N micro-clusters and builds a size-weighted Ward tree over them: for tables past
        the O(n^2) wall. Leaves are then micro-clusters; ``clusters``, ``selected_indices`` and
        ``selected_frame`` still answer for the original rows, and ``expand(leaf)`` builds the
        tree of one micro-cluster's rows.
        """
        parts = _build.from_table(
            df,
            label=label,
            numeric=numeric,
            categorical=categorical,
            scale=scale,
            tooltip=tooltip,
            method=method,
            metric=metric,
            count_sort=count_sort,
            distance_sort=distance_sort,
            optimal_ordering=optimal_ordering,
            reduce=reduce,
            progress=progress,
        )
        return cls._new(parts, options)

    @classmethod
    def from_linkage(
        cls,
        Z: Any,
        *,
        labels: Sequence[Any] | None = None,
        frame: pd.DataFrame | None = None,
        count_sort: SortOption = False,
        distance_sort: SortOption = False,
        **options: Any,
    ) -> Dendrogram:
        """A precomputed linkage matrix (scipy convention), validated. ``frame`` (optional)
        holds the rows that ``selected_frame`` returns."""
        parts = _build.from_linkage(
            Z, labels=labels, frame=frame, count_sort=count_sort, distance_sort=distance_sort
        )
        return cls._new(parts, options)

    @classmethod
    def from_distances(
        cls,
        D: Any,
        *,
        method: str = "average",
        labels: Sequence[Any] | None = None,
        count_sort: SortOption = False,
        distance_sort: SortOption = False,
        optimal_ordering: bool = False,
        **options: Any,
    ) -> Dendrogram:
        """A condensed (``pdist``) or square distance matrix. Ward, centroid and median assume
        the distances are euclidean, as in scipy."""
        parts = _build.from_distances(
            D,
            method=method,
            labels=labels,
            count_sort=count_sort,
            distance_sort=distance_sort,
            optimal_ordering=optimal_ordering,
        )
        return cls._new(parts, options)

    @classmethod
    def from_model(
        cls, model: Any, *, labels: Sequence[Any] | None = None, **options: Any
    ) -> Dendrogram:
        """A fitted sklearn ``AgglomerativeClustering`` (fit with ``compute_distances=True``
        or ``distance_threshold``)."""
        Z = _linkage.linkage_from_model(model)
        return cls.from_linkage(Z, labels=labels, **options)

    # ---- validation of every value, from Python or from the front end -----------------------
    @t.validate("cut_height")
    def _valid_cut(self, proposal: dict[str, Any]) -> float | None:
        value = proposal["value"]
        return None if value is None else _cut.check_cut_height(value)

    @t.validate("selection")
    def _valid_selection(self, proposal: dict[str, Any]) -> list[int]:
        return _selection.check_node_ids(self._t, proposal["value"])

    @t.validate("view_window")
    def _valid_window(self, proposal: dict[str, Any]) -> list[float]:
        w = list(proposal["value"])
        if not w:
            return []
        try:
            x0, x1, y0, y1 = (float(v) for v in w)
            ok = all(math.isfinite(v) for v in (x0, x1, y0, y1))
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise InputError(
                f"view_window is [] or four finite numbers [x0, x1, y0, y1], got {w!r}"
            )
        n = float(self._t.n)
        x0, x1 = max(0.0, min(x0, n)), max(0.0, min(x1, n))
        if not (x1 > x0 and y1 > y0):
            raise InputError(f"view_window needs x0 < x1 and y0 < y1, got {w!r}")
        return [x0, x1, y0, y1]

    @t.validate("height")
    def _valid_height(self, proposal: dict[str, Any]) -> int:
        h = int(proposal["value"])
        if not 120 <= h <= 10000:
            raise InputError(f"height is the plot height in pixels (120..10000), got {h}")
        return h

    def set_state(self, sync_data: dict[str, Any]) -> None:
        """Values from the front end: a bad one is refused and the last good state re-sent, so
        every view re-syncs and Python never holds a value it did not validate."""
        try:
            super().set_state(sync_data)
        except (t.TraitError, TypeError, ValueError) as err:
            warnings.warn(f"dendrowidget ignored a bad value from the view: {err}", stacklevel=2)
            self.send_state(list(sync_data))

    # ---- answers --------------------------------------------------------------------------
    @property
    def n_leaves(self) -> int:
        """Number of leaves (rows)."""
        return self._t.n

    @property
    def leaves(self) -> list[int]:
        """Row positions left to right as drawn (= scipy ``dendrogram(...)["leaves"]``)."""
        return self._t.order.tolist()

    @property
    def linkage(self) -> np.ndarray:
        """The linkage matrix with each row's children in drawn order (left first)."""
        return self._t.linkage

    @property
    def labels(self) -> list[str]:
        """Leaf labels by row position."""
        lab = self._parts.labels
        return list(lab) if lab is not None else [str(i) for i in range(self._t.n)]

    @property
    def frame(self) -> pd.DataFrame:
        """The table the widget was built from."""
        return self._parts.frame

    @property
    def n_clusters(self) -> int:
        """Clusters at the current cut (1 without a cut). Setting it picks a cut height that
        gives exactly that many clusters, or raises when ties make it impossible."""
        return _cut.n_clusters_at(self._t, self.cut_height)

    @n_clusters.setter
    def n_clusters(self, k: int) -> None:
        self.cut_height = _cut.height_for_k(self._t, k)

    @property
    def clusters(self) -> pd.Series:
        """Cluster id of every row (1..k, numbered left to right as drawn), aligned with the
        input's index; the same partition as ``fcluster(Z, cut_height, "distance")``."""
        ids = _cut.row_ids(self._t, self.cut_height)
        if self._parts.lazy:
            return _dask.map_leaves(self._parts.assign, ids, "cluster")
        if self._parts.assign is not None:
            ids = ids[self._parts.assign]  # rows take their micro-cluster's id
        return pd.Series(ids, index=self._parts.frame.index, name="cluster")

    @property
    def cluster_colors(self) -> dict[int, str]:
        """Colour of each cluster id as drawn."""
        pal = list(self.palette) or PALETTE
        return {c: pal[(c - 1) % len(pal)] for c in range(1, self.n_clusters + 1)}

    @property
    def cluster_nodes(self) -> dict[int, int]:
        """Node id of each cluster's subtree, by cluster id: ``w.selection =
        [w.cluster_nodes[3]]`` selects cluster 3, ``w.zoom_to(w.cluster_nodes[3])`` shows it."""
        nodes = _cut.cluster_nodes(self._t, self.cut_height)
        return {i + 1: int(v) for i, v in enumerate(nodes)}

    @property
    def cut_steps(self) -> np.ndarray:
        """Heights where the number of clusters changes (ascending)."""
        return _cut.cut_steps(self._t)

    @property
    def selected_indices(self) -> list[int]:
        """Row positions under the selected nodes, in drawn order (Dask input: a lazy Series of
        the selected rows' index labels)."""
        if self._parts.lazy:
            return self._lazy_selected().index.to_series()
        rows = _selection.selected_rows(self._t, list(self.selection))
        if self._parts.assign is not None:
            rows = _selection.rows_of_leaves(self._parts.assign, rows, self._t.n)
        return rows.tolist()

    @property
    def selected_labels(self) -> list[str]:
        """Labels of the selected rows, in drawn order."""
        p = self._parts
        if p.lazy:
            sel = self._lazy_selected()
            return sel[p.label_column] if p.label_column else sel.index.to_series()
        rows = self.selected_indices
        # O(selected): never materialise all n labels just to pick a few.
        lab = p.labels if p.assign is None else p.row_labels
        if lab is not None:
            return [lab[i] for i in rows]
        if p.assign is None:
            return [str(i) for i in rows]  # default labels are the row positions
        return [str(p.frame.index[i]) for i in rows]

    @property
    def selected_frame(self) -> pd.DataFrame:
        """Rows of the input table under the selection, in drawn order (Dask input: lazy)."""
        if self._parts.lazy:
            return self._lazy_selected()
        return self._parts.frame.iloc[self.selected_indices]

    def _lazy_selected(self) -> Any:
        leaves = _selection.selected_rows(self._t, list(self.selection))
        p = self._parts
        return p.frame[p.assign.isin(leaves.tolist())]

    @property
    def cophenetic_correlation(self) -> float | None:
        """Cophenetic correlation of the tree with the input distances (None when the tree came
        from a linkage matrix or a model, whose distances are unknown)."""
        from scipy.cluster.hierarchy import cophenet
        from scipy.spatial.distance import pdist

        p = self._parts
        if p.assign is not None:
            return None  # the tree is over micro-clusters, not the rows
        if p.distances is None and p.features is not None:
            p.distances = pdist(p.features, metric=p.metric or "euclidean")
        if p.distances is None:
            return None
        c, _ = cophenet(p.Z, p.distances)
        return float(c)

    # ---- actions from Python --------------------------------------------------------------
    def zoom_to(self, node: int) -> None:
        """Zoom the view to a node's subtree (a node id, as in ``selection``)."""
        (v,) = _selection.check_node_ids(self._t, [node])
        s, c = int(self._t.start[v]), int(self._t.count[v])
        top = float(self._t.maxh[v]) if v >= self._t.n else 0.0
        self.view_window = [float(s), float(s + c), 0.0, top * 1.05 if top > 0 else 1.0]

    def expand(self, leaf: int, **kwargs: Any) -> Dendrogram:
        """The tree of the rows inside one micro-cluster leaf (after ``reduce=``), built now.

        Keyword arguments go to :meth:`from_dataframe` for the rows (the label column and the
        numeric/categorical choices of this widget are reused unless given).
        """
        p = self._parts
        if p.assign is None or p.build is None:
            raise InputError("expand() needs a widget built with from_dataframe(..., reduce=N)")
        (node,) = _selection.check_node_ids(self._t, [leaf])
        if node >= self._t.n:
            raise InputError(f"node {node} is a merge; expand() takes a leaf id 0..{self._t.n - 1}")
        self.busy = True
        try:
            if p.lazy:
                frame = p.frame[p.assign == node].compute()
            else:
                frame = p.frame.iloc[np.flatnonzero(p.assign == node)]
            if len(frame) < 2:
                raise InputError(f"leaf {node} holds {len(frame)} row: nothing to expand")
            return type(self).from_dataframe(frame, **{**p.build, **kwargs})
        finally:
            self.busy = False

    def on_expand(self, callback: Callable[[Dendrogram], object]) -> None:
        """Call ``callback(sub)`` with the sub-dendrogram built when a micro-cluster leaf is
        double-clicked in the view (widgets built with ``reduce=``)."""
        self._expand_callbacks.append(callback)

    def explorer(self) -> ipywidgets.VBox:
        """This widget with room below it: double-clicking a micro-cluster leaf shows that
        leaf's own dendrogram of rows there."""
        box = ipywidgets.VBox([self])
        self.on_expand(lambda sub: setattr(box, "children", (self, sub)))
        return box

    def _on_view_message(self, _widget: object, content: dict[str, Any], _buffers: object) -> None:
        if not isinstance(content, dict) or content.get("type") != "expand":
            return
        try:
            sub = self.expand(int(content.get("leaf", -1)))
        except (InputError, TypeError, ValueError) as err:
            warnings.warn(f"dendrowidget could not expand that leaf: {err}", stacklevel=2)
            return
        for callback in self._expand_callbacks:
            callback(sub)

    def reset_zoom(self) -> None:
        """Show the whole tree."""
        self.view_window = []

    def to_html(self, path: str | Path, *, title: str | None = None) -> Path:
        """Write a standalone HTML page of this widget (current cut, selection and zoom) that
        renders offline: the embedding runtime is inlined, no CDN."""
        from ._export import write_html

        return write_html(self, path, title=title)

    def __repr__(self) -> str:
        cut = "no cut" if self.cut_height is None else f"cut {self.cut_height:.6g}"
        return f"<Dendrogram: {self.n_leaves} leaves, {cut}, {self.n_clusters} clusters>"
