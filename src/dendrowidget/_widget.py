"""class Dendrogram: the widget, its synced traits and their checks, the constructors and the
actions. The answers live in `_answers.py`, the build in `_build.py`."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

import anywidget
import numpy as np
import traitlets as t

from . import (
    _build,
    _cut,
    _data,
    _detail,
    _drill,
    _frontend,
    _linkage,
    _options,
    _partition,
    _payload,
    _selection,
    _values,
)
from ._advice import Advice
from ._answers import Answers
from ._built import Built
from ._errors import InputError
from ._insight import Insight
from ._options import Columns
from ._tree import SortOption

_STATIC = Path(__file__).parent / "static"
# Ten cluster colours, chosen for this widget (tests/test_palette.py checks every claim): each is
# a line at >= 3:1 against white and against JupyterLab's dark background (#111111); any two
# differ by CIEDE2000 >= 9 for normal vision and simulated protan, deutan and tritan vision
# (Machado 2009), and neighbours (cluster c and c + 1, drawn side by side) by >= 19. The view
# keeps the same list as its fallback (js/state/synced.js).
PALETTE = (
    "#4B69A0",  # blue
    "#AA9100",  # mustard
    "#AF4173",  # raspberry
    "#50730F",  # olive green
    "#C378BE",  # orchid
    "#6E9B73",  # sage
    "#A546FA",  # violet
    "#BE6E4B",  # terracotta
    "#00878C",  # teal
    "#826455",  # brown
)
DISPLAY = ("orientation", "height", "title", "axis_label", "leaf_label", "palette")
STATE = ("cut_height", "n_clusters", "selection", "view_window", "search")
# Room above the highest merge a window shows (the view's HEADROOM in js/core/zoom.js: a test
# keeps them equal).
HEADROOM = 1.05


def _as_list(value: Any, _widget: object) -> list[Any]:
    # Tuples in Python, lists in JSON: equal to what the view sent, so no needless echo.
    return list(value)


class _Checked(t.Any):
    """Any value, None included, goes through the widget's _check: traitlets' Any lets None
    past the cross-validation, which would leave None where the answers expect a value."""

    allow_none = False


class Dendrogram(Answers, Advice, Insight, anywidget.AnyWidget):
    """An interactive dendrogram: zoom, cut and select in the view; read the answers here.

    Build it from a numeric array or DataFrame (``Dendrogram(X, method="ward")``), a table with
    mixed columns (:meth:`from_dataframe`), a linkage matrix (:meth:`from_linkage`), distances
    (:meth:`from_distances`) or a fitted scikit-learn model (:meth:`from_model`).

    ``Dendrogram(X)`` draws X's columns as a heatmap beside the tree (at most 50; ``heatmap=False``
    for none), with ``heatmap_scale``, ``split`` and ``cluster_columns`` as in
    :meth:`from_dataframe`; ``cluster_summary`` and ``explain()`` say what sets clusters apart.
    """

    _esm = _STATIC / "widget.js"
    _css = _STATIC / "widget.css"

    # Python -> view only (the view may not write them: see _frontend.WRITABLE).
    _tree = t.Dict().tag(sync=True)
    _labels = t.Dict().tag(sync=True)
    _tooltips = t.Dict().tag(sync=True)
    _expandable = t.Bool(False).tag(sync=True)  # leaves are micro-clusters: dblclick expands
    _suggestions = t.Dict().tag(sync=True)  # silhouette per cut height for the strip (_advice)
    _heatmap = t.Dict().tag(sync=True)  # docs/heatmap-payload.md
    _annotations = t.Dict().tag(sync=True)
    # Cluster nodes of a partition no horizontal cut makes (None: the cut line decides). Public
    # as `cluster_nodes`; the view writes it when the user splits or merges clusters by hand.
    _cluster_nodes = t.Any(None, allow_none=True).tag(sync=True, to_json=_partition.nodes_json)

    # Every public trait is checked by _check below; values are immutable (tuples).
    cut_height = t.Any(None, allow_none=True).tag(sync=True)
    """Height of the cut line (None: no cut). Rows whose lowest common ancestor merges at or
    below it share a cluster, exactly as ``fcluster(Z, t, criterion="distance")``."""
    selection = _Checked(()).tag(sync=True, to_json=_as_list)
    """Selected node ids, a tuple (scipy numbering: leaves 0..n-1, merges n..2n-2)."""
    view_window = _Checked(()).tag(sync=True, to_json=_as_list)
    """Visible window ``(x0, x1, y0, y1)`` in leaf units and heights; () is the full view."""
    search = _Checked("").tag(sync=True)
    """Label search, as typed in the view's search box (or set here); ``search_matches`` are the
    leaves it finds."""
    orientation = _Checked("top").tag(sync=True)
    """Where the root is drawn: "top" (like scipy), "bottom", "left" or "right"."""
    height = t.Any(None, allow_none=True).tag(sync=True)
    """Height of the plot in CSS pixels (120..10000); the width follows the cell. None: 420, or
    for orientation "left"/"right" as tall as readable leaf labels need, up to 1200."""
    title = _Checked("").tag(sync=True)
    """Plain-text title above the plot."""
    axis_label = _Checked("Distance").tag(sync=True)
    """Title of the height axis."""
    leaf_label = _Checked("").tag(sync=True)
    """Title of the leaf axis (the tutorial's "Fruit Name"), drawn beyond the leaf labels."""
    palette = _Checked(PALETTE).tag(sync=True, to_json=_as_list)
    """Cluster colours; cluster c (1-based, left to right) takes palette[(c - 1) % len]."""
    busy = t.Bool(False).tag(sync=True)
    """True while Python recomputes (the view shows a busy indicator)."""
    expanded_leaf = t.Any(None, allow_none=True).tag(sync=True)
    """The micro-cluster leaf last opened (``reduce=``): a double-click on a leaf sets it, and
    :meth:`explorer` then shows that leaf's rows' tree. None: none opened."""

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
        heatmap: Columns | list[Hashable] = None,
        heatmap_scale: str = "zscore",
        split: bool = False,
        cluster_columns: bool = False,
        **display: Any,
    ) -> None:
        o = _options.make(
            method=method,
            metric=metric,
            count_sort=count_sort,
            distance_sort=distance_sort,
            optimal_ordering=optimal_ordering,
            heatmap=heatmap,
            heatmap_scale=heatmap_scale,
            split=split,
            cluster_columns=cluster_columns,
        )
        self._setup(_build.from_array(data, labels, o), display)

    # ---- construction ---------------------------------------------------------------------
    def _setup(self, b: Built, display: dict[str, Any]) -> None:
        unknown = sorted(set(display) - {*DISPLAY, *STATE})
        if unknown:
            raise TypeError(
                f"unknown keyword argument(s) {unknown}; display options are {list(DISPLAY)} "
                f"and initial state {list(STATE)}"
            )
        if display.get("n_clusters") is not None and display.get("cut_height") is not None:
            raise InputError(
                "give n_clusters or cut_height, not both: each sets the cut "
                f"(got n_clusters={display['n_clusters']!r}, cut_height={display['cut_height']!r})"
            )
        n_clusters = display.pop("n_clusters", None)
        if n_clusters is not None:
            display["cut_height"] = _cut.height_for_k(b.tree, n_clusters)
        self._b = b
        self._distances_cache = None
        self._expand_callbacks: list[Callable[[Dendrogram], object]] = []
        if b.data.heatmap or b.data.annotations:  # their payloads are in drawn order: start the
            b.tree.prefetch()  # layout now, in the background, while the heatmap's codes are made
        heat, strips = _data.payloads(b.data, lambda: b.tree.order, b.options)
        # A large heatmap's codes follow the first frame (_detail): at the end of the cell that
        # shows it, or when a view has drawn.
        heat, self._heatmap_later = _detail.split(heat)
        self._explorer: Dendrogram | None = None
        # Options go through the checks inside __init__: a bad one raises before the widget
        # opens its comm, so nothing half-built is left registered with the kernel.
        super().__init__(
            _tree=_payload.tree_payload(b.tree),
            _labels=_payload.labels_payload(b.labels),
            _tooltips=_payload.tooltips_payload(b.tooltips),
            _expandable=b.rows.expandable,
            _suggestions=self._auto_suggestions(),
            _heatmap=heat,
            _annotations=strips,
            **display,
        )
        self.on_msg(self._on_view_message)

    @classmethod
    def _new(cls, b: Built, display: dict[str, Any]) -> Dendrogram:
        obj = cls.__new__(cls)
        obj._setup(b, display)
        return obj

    @classmethod
    def from_dataframe(
        cls,
        df: Any,
        *,
        label: Hashable | None = None,
        numeric: Sequence[Hashable] | Mapping[Hashable, float] | None = None,
        categorical: Sequence[Hashable] | Mapping[Hashable, float] | None = None,
        scale: bool = True,
        tooltip: Sequence[Hashable] | None = None,
        method: str = "ward",
        metric: str = "euclidean",
        count_sort: SortOption = False,
        distance_sort: SortOption = False,
        optimal_ordering: bool = False,
        reduce: int | Any | None = None,
        progress: bool = True,
        heatmap: Columns | list[Hashable] = None,
        annotations: Columns | list[Hashable] = None,
        heatmap_scale: str = "zscore",
        split: bool = False,
        cluster_columns: bool = False,
        **display: Any,
    ) -> Dendrogram:
        """The tutorial's pipeline on a table: numeric columns standardised (``scale=False``
        keeps raw values), categorical columns one-hot encoded, each times its weight.

        ``numeric``/``categorical`` take a list (weight 1) or a dict column -> weight;
        ``numeric=None`` uses every numeric column except ``label`` and the categorical ones.
        ``label`` names the column shown as leaf labels; ``tooltip`` names extra columns shown
        when hovering a leaf. Categorical values mixing kinds (text and numbers) are compared as
        text; missing values are a category of their own.

        ``reduce=N`` (or an estimator with fit / predict / cluster_centers_) first groups the rows
        into N micro-clusters and builds a size-weighted Ward tree over them: for tables past
        the O(n^2) wall (euclidean only). Leaves are then micro-clusters; ``clusters``,
        ``selected_indices`` and ``selected_frame`` still answer for the original rows, and
        ``expand(leaf)`` builds the tree of one micro-cluster's rows with the same options.

        Beside the tree: ``heatmap`` (None: the numeric feature columns, at most 50; True; False;
        or a list of any numeric columns of the table) and ``annotations`` (strips; None: the
        categorical feature columns) with legends; ``heatmap_scale`` "zscore" (per column,
        diverging, clipped at +-3), "minmax" (per column 0..1) or "none" (one shared range);
        ``split=True`` leaves a gap between clusters; ``cluster_columns=True`` orders the heatmap's
        columns by a tree of them (correlation distance, average linkage) drawn beside it. After
        ``reduce=`` the heatmap shows each micro-cluster's mean and the strips its most common
        value. A Dask table shows neither (its rows stay on the cluster).
        """
        o = _options.make(
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
            heatmap=heatmap,
            annotations=annotations,
            heatmap_scale=heatmap_scale,
            split=split,
            cluster_columns=cluster_columns,
        )
        return cls._new(_build.from_table(df, o), display)

    @classmethod
    def from_linkage(
        cls,
        Z: Any,
        *,
        labels: Sequence[Any] | None = None,
        frame: Any = None,
        count_sort: SortOption = False,
        distance_sort: SortOption = False,
        heatmap: Columns | list[Hashable] = None,
        annotations: Columns | list[Hashable] = None,
        heatmap_scale: str = "zscore",
        split: bool = False,
        cluster_columns: bool = False,
        **display: Any,
    ) -> Dendrogram:
        """A precomputed linkage matrix (scipy convention), validated. ``frame`` (optional, a
        DataFrame with one row per leaf) holds the rows that ``selected_frame`` returns; its
        columns can be drawn beside the tree: ``heatmap=[...]`` / ``annotations=[...]`` (True:
        every numeric / every other column), with the options of :meth:`from_dataframe`."""
        o = _options.make(
            method=None,
            metric=None,
            count_sort=count_sort,
            distance_sort=distance_sort,
            heatmap=heatmap,
            annotations=annotations,
            heatmap_scale=heatmap_scale,
            split=split,
            cluster_columns=cluster_columns,
        )
        return cls._new(_build.from_linkage(Z, labels, frame, o), display)

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
        **display: Any,
    ) -> Dendrogram:
        """A condensed (``pdist``) or square distance matrix. Ward, centroid and median assume
        the distances are euclidean, as in scipy."""
        o = _options.make(
            method=method,
            metric=None,
            count_sort=count_sort,
            distance_sort=distance_sort,
            optimal_ordering=optimal_ordering,
        )
        return cls._new(_build.from_distances(D, labels, o), display)

    @classmethod
    def from_model(
        cls, model: Any, *, labels: Sequence[Any] | None = None, **display: Any
    ) -> Dendrogram:
        """A fitted sklearn ``AgglomerativeClustering`` (fit with ``compute_distances=True``
        or ``distance_threshold``)."""
        return cls.from_linkage(_linkage.linkage_from_model(model), labels=labels, **display)

    # ---- one check per trait, for Python assignments and front-end updates alike ------------
    def _check(self, name: str, value: Any) -> Any:
        if name == "cut_height":
            return None if value is None else _cut.check_cut_height(value)
        if name == "selection":
            return _selection.check_node_ids(self._t, value)
        if name == "view_window":
            return _values.view_window(value, self._t.n)
        if name == "orientation":
            return _values.orientation(value)
        if name == "height":
            return None if value is None else _values.plot_height(value)
        if name in ("title", "axis_label", "leaf_label"):
            return _values.text(value, name)
        if name == "search":
            return _values.text(value, name, limit=1000)
        if name == "palette":
            return _values.palette(value)
        if name == "_cluster_nodes":
            return _partition.nodes_value(self._t, value)
        if name == "expanded_leaf":
            return _drill.check_leaf(self._b, value)
        raise InputError(f"{name} cannot be set")

    @t.validate(
        "cut_height",
        "selection",
        "view_window",
        "search",
        "_cluster_nodes",
        "expanded_leaf",
        *DISPLAY,
    )
    def _valid(self, proposal: dict[str, Any]) -> Any:
        return self._check(proposal["trait"].name, proposal["value"])

    def set_state(self, sync_data: dict[str, Any]) -> None:
        """Values from the front end: the update is checked as a unit and a refused one is
        rolled back, its last good state re-sent, so Python never holds an unchecked value."""
        keys = [k for k in (sync_data if isinstance(sync_data, Mapping) else {}) if k in self.keys]
        before = {k: getattr(self, k) for k in keys}
        try:
            _frontend.check_update(sync_data, self._check)
            super().set_state(sync_data)
        except Exception as err:  # whatever a custom client sends, the kernel keeps going
            with self.hold_trait_notifications():
                for k, v in before.items():
                    self.set_trait(k, v)
            _frontend.refuse(err)
            if keys:
                self.send_state(keys)

    # ---- one partition: a cut line, or cluster nodes --------------------------------------
    @t.observe("cut_height")
    def _cut_moved(self, change: dict[str, Any]) -> None:
        if change["new"] is not None and self._cluster_nodes is not None:
            self._cluster_nodes = None  # a cut line replaces a per-branch partition

    @t.observe("_cluster_nodes")
    def _nodes_set(self, change: dict[str, Any]) -> None:
        nodes = change["new"]
        if nodes is None:
            return
        t_h = _partition.horizontal_height(self._t, np.asarray(nodes, dtype=np.int64))
        if t_h is not None:  # a horizontal partition is kept as its cut height
            with self.hold_trait_notifications():
                self._cluster_nodes = None
                self.cut_height = t_h
        elif self.cut_height is not None:
            self.cut_height = None

    @property
    def cluster_nodes(self) -> tuple[int, ...]:
        """Node ids of the clusters' subtrees, left to right: cluster c is
        ``w.cluster_nodes[c - 1]`` (``w.selection = [w.cluster_nodes[0]]`` selects cluster 1).
        Set it to any disjoint subtrees to cut per branch: rows under none are outliers (-1 in
        ``clusters``), and ``cut_height`` is None unless a horizontal line makes the same
        clusters. ``None`` goes back to the cut line."""
        return tuple(int(v) for v in self._parts_now().nodes)

    @cluster_nodes.setter
    def cluster_nodes(self, nodes: Any) -> None:
        self._cluster_nodes = nodes

    # ---- actions from Python --------------------------------------------------------------
    def zoom_to(self, node: int) -> None:
        """Zoom the view to a node's subtree (a node id, as in ``selection``)."""
        (v,) = _selection.check_node_ids(self._t, [node], "zoom_to")
        s, c = int(self._t.start[v]), int(self._t.count[v])
        top = float(self._t.maxh[v]) if v >= self._t.n else 0.0
        self.view_window = (float(s), float(s + c), 0.0, top * HEADROOM if top > 0 else 1.0)

    def reset_zoom(self) -> None:
        """Show the whole tree."""
        self.view_window = ()

    def expand(self, leaf: int, **changes: Any) -> Dendrogram:
        """The tree of the rows inside one micro-cluster leaf (after ``reduce=``), built now
        with this widget's options (``changes`` override them, e.g. ``method="average"``;
        display options such as ``title`` are taken too). A new widget: to follow the view's
        double-clicks in every host (marimo too), show :meth:`explorer` instead."""
        if not self._b.rows.expandable:
            raise InputError("expand() needs a widget built with from_dataframe(..., reduce=N)")
        node = _frontend.leaf_id(leaf, self._t.n)
        display = {k: changes.pop(k) for k in list(changes) if k in (*DISPLAY, *STATE)}
        self.busy = True
        try:
            return type(self)._new(_drill.leaf_build(self._b, node, changes), display)
        finally:
            self.busy = False

    def on_expand(self, callback: Callable[[Dendrogram], object]) -> None:
        """Call ``callback(sub)`` with a new sub-dendrogram (:meth:`expand`) each time a
        micro-cluster leaf is opened. It builds a widget inside the view's message handler, which
        Jupyter allows and marimo does not: prefer :meth:`explorer`."""
        self._expand_callbacks.append(callback)

    def explorer(self, **display: Any) -> Dendrogram:
        """A second dendrogram that shows the rows of the micro-cluster leaf opened in this one
        (double-click a leaf, or set ``expanded_leaf``); before that, the largest leaf. Show it in
        a cell of its own, or beside this one. One explorer per widget: calling again returns it
        (with ``display`` options such as ``height`` applied)."""
        if not self._b.rows.expandable:
            raise InputError("explorer() needs a widget built with from_dataframe(..., reduce=N)")
        if self._explorer is None:
            leaf = (
                self.expanded_leaf if self.expanded_leaf is not None else _drill.first_leaf(self._b)
            )
            b = _drill.leaf_build(self._b, leaf, {})
            self._explorer = type(self)._new(b, {"title": _drill.title(self._b, leaf), **display})
        else:
            for k, v in display.items():
                setattr(self._explorer, k, v)
        return self._explorer

    @t.observe("expanded_leaf")
    def _leaf_opened(self, change: dict[str, Any]) -> None:
        if change["new"] is not None:
            _drill.open_leaf(self, change["new"])

    def _on_view_message(self, _widget: object, content: Any, _buffers: object) -> None:
        # The view sets expanded_leaf now; {"type": "expand", "leaf": k} from older views is
        # still understood.
        try:
            kind = _frontend.message_type(content)
            if kind == "cell":  # a heatmap cell's exact value, for the tooltip
                self.send(self._cell_reply(content))
            elif kind == "drawn":  # a view's first frame is on screen: now the deferred work
                self._t.prefetch()  # the rest of the layout, for the first answer
                self._send_heatmap_detail()  # a large heatmap's codes (_detail.py)
            elif kind == "expand":
                leaf = _frontend.leaf_id(content.get("leaf"), self._t.n)
                leaf = self._check("expanded_leaf", leaf)
                if leaf == self.expanded_leaf:
                    _drill.open_leaf(self, leaf)
                else:
                    self.expanded_leaf = leaf
            elif kind == "cut_branches":  # the toolbar's "Suggest": a per-branch cut
                # (any size: one larger than the tree leaves every row an outlier, k = 0)
                self.cut_branches(_frontend.whole(content.get("min_cluster_size"), 2, 10**9))
            elif kind == "suggest":  # the strip of scores along the height axis
                self.busy = True
                try:
                    self.suggest_cuts()
                finally:
                    self.busy = False
            else:
                raise InputError(f"unknown message from the view: {content!r:.80}")
        except Exception as err:  # a message handler must never raise into the kernel
            warnings.warn(f"dendrowidget could not handle a view message: {err}", stacklevel=2)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        if self._heatmap_later is not None:  # shown: the codes follow at the end of the cell
            _detail.after_cell(self._send_heatmap_detail)
        return bundle

    def _send_heatmap_detail(self) -> None:
        later, self._heatmap_later = self._heatmap_later, None
        if later is not None:  # once: every later view reads the full payload from the model
            self._heatmap = later

    def to_html(self, path: str | Path, *, title: str | None = None) -> Path:
        """Write one self-contained HTML page of this widget (current cut, selection and zoom)
        that renders offline and stays interactive (zoom, cut, select, search): the widget's own
        ES module and a tiny model are inlined, no CDN, no kernel."""
        from ._export import write_html

        return write_html(self, path, title=None if title is None else _values.text(title, "title"))

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise TypeError(
            "a Dendrogram widget does not pickle: it holds a live connection to the notebook's "
            "view. Save what it answers instead (np.save(path, w.linkage); w.clusters.to_csv(...); "
            "w.selected_indices) and rebuild with Dendrogram.from_linkage(Z, labels=w.labels)"
        )

    def __repr__(self) -> str:
        if self.cut_height is None and self._cluster_nodes is None:
            # No cut: nothing to count. Displaying calls this, and the tree's layout may still
            # be computed in the background (waiting cost 200 ms of a 1M-leaf first paint).
            return f"<Dendrogram: {self.n_leaves} leaves, no cut, 1 cluster>"
        nodes = list(self.cluster_nodes)
        # leaves under no cluster node (counted on the tree: no row answer, which may be lazy)
        outliers = self.n_leaves - int(np.sum(self._t.count[nodes])) if nodes else self.n_leaves
        if self.cut_height is not None:
            cut = f"cut {self.cut_height:.6g}"
        elif len(nodes) > 1 or outliers:
            cut = "cut per branch" + (f", {outliers} outlier leaves" if outliers else "")
        else:
            cut = "no cut"
        k = self.n_clusters
        return f"<Dendrogram: {self.n_leaves} leaves, {cut}, {k} cluster{'' if k == 1 else 's'}>"
