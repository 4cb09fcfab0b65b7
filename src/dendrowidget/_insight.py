"""Why a cluster is a cluster, answered in Python: a summary row per cluster, what sets a group
of rows apart, and the exact value behind a heatmap cell the view asks for.

Every answer follows the partition (`w.clusters`, outliers -1 left out) and reads the frozen
build's table snapshot; the columns are those of the heatmap, the strips and the features
(`_data.DataPlan`). The work is numpy group sums (`_summary`, `_explain`).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import _explain, _frontend, _selection, _summary
from ._colvalues import ColumnStore, numeric_values
from ._errors import InputError
from ._partition import Partition

if TYPE_CHECKING:
    from ._built import Built
    from ._tree import Tree


class Insight:
    """Mixin for the widget: cluster_summary, explain and the view's cell requests."""

    _b: Built
    selection: tuple[int, ...]

    if TYPE_CHECKING:

        @property
        def _t(self) -> Tree: ...

        def _parts_now(self) -> Partition: ...

    # ---- the columns ------------------------------------------------------------------------
    @property
    def heatmap_columns(self) -> list[Hashable]:
        """Columns of the heatmap, left to right as drawn (after ``cluster_columns``)."""
        return list(self._b.data.heatmap)

    @property
    def annotation_columns(self) -> list[Hashable]:
        """Columns drawn as strips beside the heatmap."""
        return list(self._b.data.annotations)

    def _table(self) -> pd.DataFrame:
        frame = self._b.rows.frame
        if self._b.rows.lazy:
            self._b.rows.positions(np.empty(0, dtype=np.int64))  # raises: rows stay on Dask
        return frame

    def _store(self) -> ColumnStore:
        """The table's columns, each read once per build (the snapshot never changes)."""
        store = getattr(self, "_column_store", None)
        if store is None or store.frame is not self._b.rows.frame:
            store = ColumnStore(self._table())
            self._column_store = store
        return store

    # ---- answers ----------------------------------------------------------------------------
    @property
    def cluster_summary(self) -> pd.DataFrame:
        """One row per cluster (index "cluster", ids 1..k as in ``clusters``; outliers are left
        out): "size", the mean of each numeric column of the heatmap, strips and features in
        original units (missing values skipped), and for each categorical column its most common
        value and that value's share among the known values ("<name> share"). With no cut, one
        row holds every row."""
        store = self._store()
        d = self._b.data
        ids = self._b.rows.per_row(self._parts_now().row_ids(), "cluster").to_numpy()
        return _summary.cluster_summary(
            store.frame, list(d.numeric), list(d.categorical), ids, store=store
        )

    def explain(self, nodes: Any = None, against: Any = "rest") -> pd.DataFrame:
        """What sets the rows under ``nodes`` (default: the selection) apart, one row per column
        of the heatmap, strips and features, largest |effect| first.

        ``against``: "rest" (every other row), "sibling" (the other child of the one node's
        parent) or a list of node ids (their rows, leaving out rows that are also inside).
        Numeric columns: "inside"/"outside" are means in original units and "effect" is their
        difference in standard deviations of the column over all rows (ddof=0). Categorical
        columns: the value whose share differs most ("value"); "inside"/"outside" are its shares
        and "effect" = share inside - share outside."""
        store = self._store()
        d = self._b.data
        if not d.numeric and not d.categorical:
            raise InputError(
                "explain() compares columns, and this widget has none: build it from a table "
                "(from_dataframe), or pass frame=df with heatmap=[...] / annotations=[...]"
            )
        inside = self._node_list(nodes)
        rows_in = self._rows_under(inside)
        outside = self._against(inside, against)
        return _explain.explain(
            store.frame, list(d.numeric), list(d.categorical), rows_in, outside, store=store
        )

    def _against(self, inside: tuple[int, ...], against: Any) -> np.ndarray | None:
        """Row positions of the other group (None: every row not inside)."""
        if isinstance(against, str):
            if against == "rest":
                return None
            if against == "sibling":
                return self._rows_under((self._sibling(inside),))
            raise InputError(
                f'against must be "rest", "sibling" or a list of node ids, got {against!r:.60}'
            )
        nodes = _selection.check_node_ids(self._t, _as_ids(against), "against")
        if not nodes:
            raise InputError("against=[]: name the node ids to compare with, or use 'rest'")
        return self._rows_under(nodes)

    def _node_list(self, nodes: Any) -> tuple[int, ...]:
        if nodes is None:
            if not self.selection:
                raise InputError(
                    "nothing is selected: click a subtree in the view (or set w.selection = "
                    "[node id]), or name the nodes: w.explain(nodes=[node id])"
                )
            return tuple(self.selection)
        ids = _selection.check_node_ids(self._t, _as_ids(nodes), "nodes")
        if not ids:
            raise InputError("nodes=[]: name at least one node id, or select a subtree")
        return ids

    def _sibling(self, nodes: tuple[int, ...]) -> int:
        t = self._t
        if len(nodes) != 1:
            raise InputError(
                f'against="sibling" needs exactly one node, got {len(nodes)}: {list(nodes)[:5]}'
            )
        (v,) = nodes
        p = int(t.parent[v])
        if p == v:
            raise InputError(f'node {v} is the root: it has no sibling. Use against="rest"')
        left, right = int(t.left[p - t.n]), int(t.right[p - t.n])
        return right if left == v else left

    def _rows_under(self, nodes: tuple[int, ...]) -> np.ndarray:
        return self._b.rows.positions(_selection.selected_rows(self._t, nodes))

    # ---- the view asks for a cell's exact value ------------------------------------------------
    def _cell_reply(self, content: Any) -> dict[str, Any]:
        """The exact value of one heatmap or strip cell, for the view's tooltip (the view holds
        quantised codes only). Checked like every message: anything wrong raises InputError."""
        d = self._b.data
        req = _frontend.cell_request(content, self._t.n, len(d.heatmap), len(d.annotations))
        cols = d.heatmap if req["kind"] == "heatmap" else d.annotations
        col = cols[req["column"]]
        frame = d.leaf_frame
        assert frame is not None  # a column index was in range, so there is a table
        cell = frame[col].iloc[[req["leaf"]]]
        try:
            value = float(numeric_values(cell)[0])
        except InputError:
            value = float("nan")
        raw = cell.iloc[0]
        missing = pd.isna(raw)
        return {
            **req,
            "type": "cell",
            "value": None if np.isnan(value) else value,
            "text": "" if isinstance(missing, (bool, np.bool_)) and missing else str(raw),
        }


def _as_ids(nodes: Any) -> Any:
    return (
        [nodes] if isinstance(nodes, (int, np.integer)) and not isinstance(nodes, bool) else nodes
    )
