"""Leaves <-> rows: the one place that knows whether a leaf is a row, a micro-cluster of rows in
memory, or a micro-cluster of a lazy Dask table. The widget asks it, never branches on it.

Every row map holds a private snapshot of the table (``df.copy()``; lazy under pandas'
copy-on-write), so a frame changed in place after the build never changes an answer.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

import numpy as np
import pandas as pd

from ._errors import InputError
from ._selection import concat_ranges


class RowMap(ABC):
    """Answers for rows, given leaves (row positions of the tree's leaves, in drawn order)."""

    lazy = False  # Dask: answers are lazy dask objects
    expandable = False  # leaves are micro-clusters that expand() can open

    @property
    @abstractmethod
    def frame(self) -> Any:
        """The table snapshot the answers come from."""

    @abstractmethod
    def per_row(self, by_leaf: np.ndarray, name: str) -> Any:
        """A Series aligned with the table's index: each row takes its leaf's value."""

    @abstractmethod
    def indices(self, leaves: np.ndarray) -> Any:
        """Row positions under the leaves, in the leaves' order."""

    @abstractmethod
    def labels(self, leaves: np.ndarray) -> Any:
        """Row labels under the leaves, in the leaves' order."""

    @abstractmethod
    def rows_frame(self, leaves: np.ndarray) -> Any:
        """The table's rows under the leaves, in the leaves' order."""

    def leaf_frame(self, leaf: int) -> pd.DataFrame:
        """The rows inside one micro-cluster leaf, as a pandas table (for expand())."""
        raise InputError("expand() needs a widget built with from_dataframe(..., reduce=N)")

    def positions(self, leaves: np.ndarray) -> np.ndarray:
        """Row positions under the leaves as an int64 array (in-memory tables only)."""
        raise InputError(
            "this answer needs the rows in memory; a Dask table's rows stay on the cluster. "
            "Compute a pandas frame first (ddf.compute(), or a sample of it)"
        )

    def leaf_sizes(self, n_leaves: int) -> np.ndarray:
        """Number of rows in each leaf (do not change it: it may be kept)."""
        return np.ones(n_leaves, dtype=np.int64)


class PlainRows(RowMap):
    """One leaf per row. ``frame=None``: no table was given; the frame answers read (one "label"
    column: the labels, or the row positions) is made on first use, not on the way to the first
    frame (at a million rows it was 7-40 ms)."""

    def __init__(self, frame: pd.DataFrame | None, labels: list[str] | None, n: int = 0) -> None:
        self._frame = frame
        self._labels = labels  # None: the row position is the label
        self._n = n if frame is None else len(frame)

    @property
    def frame(self) -> pd.DataFrame:
        if self._frame is None:
            lab = self._labels
            self._frame = pd.DataFrame({"label": lab if lab is not None else np.arange(self._n)})
        return self._frame

    def per_row(self, by_leaf: np.ndarray, name: str) -> pd.Series:
        index = self._frame.index if self._frame is not None else pd.RangeIndex(self._n)
        return pd.Series(by_leaf, index=index, name=name)

    def indices(self, leaves: np.ndarray) -> list[int]:
        return leaves.tolist()

    def positions(self, leaves: np.ndarray) -> np.ndarray:
        return np.asarray(leaves, dtype=np.int64)

    def labels(self, leaves: np.ndarray) -> list[str]:
        lab = self._labels
        # O(selected): never materialise all n labels just to pick a few.
        return [str(i) for i in leaves.tolist()] if lab is None else [lab[i] for i in leaves]

    def rows_frame(self, leaves: np.ndarray) -> pd.DataFrame:
        return self.frame.iloc[leaves]


def rows_of_leaves(assign: np.ndarray, leaves: np.ndarray, n_leaves: int) -> np.ndarray:
    """Rows whose micro-cluster (assign[row]) is in `leaves`, leaf by leaf in the given order,
    rows ascending within a leaf."""
    by_leaf = np.argsort(assign, kind="stable")
    sizes = np.bincount(assign, minlength=n_leaves)
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    return by_leaf[concat_ranges(first[leaves], sizes[leaves])]


class MicroRows(RowMap):
    """Leaves are micro-clusters of an in-memory table: assign[row] is the row's leaf."""

    expandable = True

    def __init__(
        self, frame: pd.DataFrame, assign: np.ndarray, row_labels: list[str] | None, n: int
    ) -> None:
        self._frame = frame
        self._assign = assign
        self._row_labels = row_labels
        self._n = n

    @property
    def frame(self) -> pd.DataFrame:
        return self._frame

    def per_row(self, by_leaf: np.ndarray, name: str) -> pd.Series:
        return pd.Series(by_leaf[self._assign], index=self._frame.index, name=name)

    def _rows(self, leaves: np.ndarray) -> np.ndarray:
        return rows_of_leaves(self._assign, leaves, self._n)

    def indices(self, leaves: np.ndarray) -> list[int]:
        return self._rows(leaves).tolist()

    def positions(self, leaves: np.ndarray) -> np.ndarray:
        return self._rows(np.asarray(leaves, dtype=np.int64))

    def labels(self, leaves: np.ndarray) -> list[str]:
        rows = self._rows(leaves)
        if self._row_labels is not None:
            return [self._row_labels[i] for i in rows]
        return [str(self._frame.index[i]) for i in rows]

    def rows_frame(self, leaves: np.ndarray) -> pd.DataFrame:
        return self._frame.iloc[self._rows(leaves)]

    def leaf_frame(self, leaf: int) -> pd.DataFrame:
        return self._frame.iloc[np.flatnonzero(self._assign == leaf)]

    def leaf_sizes(self, n_leaves: int) -> np.ndarray:
        return np.bincount(self._assign, minlength=n_leaves)


class LazyRows(RowMap):
    """Leaves are micro-clusters of a Dask table; `assign` is a lazy Series of each row's leaf.
    Answers stay lazy (dask objects); a selection's rows come back in the table's order."""

    lazy = True
    expandable = True

    def __init__(self, ddf: Any, assign: Any, label_column: Any) -> None:
        self._ddf = ddf  # dask frames are immutable graphs: no snapshot needed
        self._assign = assign
        self._label = label_column
        self._sizes: np.ndarray | None = None

    @property
    def frame(self) -> Any:
        return self._ddf

    def per_row(self, by_leaf: np.ndarray, name: str) -> Any:
        table = np.asarray(by_leaf).copy()
        return self._assign.map_partitions(
            lambda s: pd.Series(table[s.to_numpy()], index=s.index, name=name),
            meta=pd.Series(dtype=table.dtype, name=name),
        )

    def rows_frame(self, leaves: np.ndarray) -> Any:
        return self._ddf[self._assign.isin(leaves.tolist())]

    def indices(self, leaves: np.ndarray) -> Any:
        return self.rows_frame(leaves).index.to_series()

    def labels(self, leaves: np.ndarray) -> Any:
        sel = self.rows_frame(leaves)
        return sel[self._label] if self._label is not None else sel.index.to_series()

    def leaf_frame(self, leaf: int) -> pd.DataFrame:
        return self._ddf[self._assign == leaf].compute()

    def leaf_sizes(self, n_leaves: int) -> np.ndarray:
        if self._sizes is None:  # one pass over the table, then kept
            counts = self._assign.value_counts().compute()
            sizes = np.zeros(n_leaves, dtype=np.int64)
            sizes[counts.index.to_numpy(dtype=np.int64)] = counts.to_numpy()
            sizes.flags.writeable = False
            self._sizes = sizes
        return self._sizes
