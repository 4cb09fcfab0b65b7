"""link(): a dendrogram's selection and another widget's selection of rows, kept in sync both
ways by row position (jupyter-scatter's ``Scatter``, or any widget with a trait of row positions).

Tree -> other: the rows under the selected subtrees. Other -> tree: the fewest subtrees holding
exactly those rows (`_cover`). After ``reduce=`` a leaf is a micro-cluster: it is selected when
any (``partial="any"``) or all (``"all"``) of its rows are. No feedback loop: a side is written
only when what it holds differs, as a set of rows (or leaves), from what the other side says.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import numpy as np
import traitlets as t

from ._cover import cover
from ._errors import InputError

if TYPE_CHECKING:
    from ._widget import Dendrogram

PARTIAL = ("any", "all")


def _target(other: Any, trait: str) -> t.HasTraits:
    if isinstance(other, t.HasTraits) and other.has_trait(trait):
        return other
    if not isinstance(other, t.HasTraits):  # jupyter-scatter's Scatter: its widget holds it
        widget = getattr(other, "widget", None)
        if isinstance(widget, t.HasTraits) and widget.has_trait(trait):
            return widget
    raise TypeError(
        f"link() needs a widget with a {trait!r} trait holding row positions, or an object whose "
        f".widget has one (jupyter-scatter's Scatter); got {type(other).__name__}"
    )


def rows_from(value: object, n_rows: int) -> np.ndarray:
    """Row positions from another widget's selection: None or integers 0..n_rows-1 (floats only
    when whole). Sorted, each once."""
    if value is None:
        return np.empty(0, dtype=np.int64)
    if isinstance(value, (str, bytes, dict)):
        raise InputError(f"a selection of rows is a list of row positions, got {value!r:.60}")
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError):
        raise InputError(
            f"a selection of rows is a list of row positions, got {value!r:.60}"
        ) from None
    if arr.size == 0:
        return np.empty(0, dtype=np.int64)
    if arr.ndim != 1 or arr.dtype.kind not in "iuf":
        raise InputError(
            f"a selection of rows is a flat list of row positions, got {arr.dtype} of shape "
            f"{arr.shape}"
        )
    if arr.dtype.kind == "f" and not (np.all(np.isfinite(arr)) and np.all(arr == np.round(arr))):
        raise InputError("row positions must be whole numbers")
    if arr.min() < 0 or arr.max() >= n_rows:
        raise InputError(
            f"row positions are 0..{n_rows - 1} (the tree's rows); got {arr.min()}..{arr.max()}"
        )
    return np.unique(arr.astype(np.int64))


class Link:
    """The link made by :func:`link`; ``unlink()`` ends it."""

    def __init__(self, tree: Dendrogram, target: t.HasTraits, trait: str, partial: str) -> None:
        self.tree, self.target, self.trait, self.partial = tree, target, trait, partial
        self._busy = False  # set while this link writes a side: that side's echo is ours
        tree.observe(self._tree_changed, names="selection")
        target.observe(self._other_changed, names=trait)
        self.linked = True

    # ---- the two sides, as sets -----------------------------------------------------------
    def _n_rows(self) -> int:
        return len(self.tree._b.rows.frame)

    def _tree_rows(self) -> np.ndarray:
        return np.unique(np.asarray(self.tree.selected_indices, dtype=np.int64))

    def _other_rows(self) -> np.ndarray:
        return rows_from(getattr(self.target, self.trait), self._n_rows())

    def _leaf_mask(self, rows: np.ndarray) -> np.ndarray:
        """Leaves the rows select: a row's own leaf, or its micro-cluster by `partial`."""
        tree = self.tree
        n = tree.n_leaves
        if not tree._b.rows.expandable:
            mask = np.zeros(n, dtype=bool)
            mask[rows] = True
            return mask
        hits = np.bincount(tree.row_leaves.to_numpy()[rows], minlength=n)
        if self.partial == "any":
            return hits > 0
        return hits == tree._b.rows.leaf_sizes(n)

    # ---- writes -------------------------------------------------------------------------
    def push(self) -> None:
        """Tree -> other, when the other holds different rows."""
        rows = self._tree_rows()
        if np.array_equal(rows, self._other_rows()):
            return
        current = getattr(self.target, self.trait)
        if isinstance(current, np.ndarray) and current.dtype.kind in "iu":
            value: Any = rows.astype(current.dtype)
        elif isinstance(current, tuple):
            value = tuple(rows.tolist())
        else:
            value = rows.tolist()
        self._write(self.target, self.trait, value)

    def pull(self) -> None:
        """Other -> tree, when the tree selects different leaves."""
        mask = self._leaf_mask(self._other_rows())
        selected = np.zeros_like(mask)
        selected[self.tree._selected_leaves()] = True
        if not np.array_equal(mask, selected):
            self._write(self.tree, "selection", cover(self.tree._t, mask))

    def _write(self, obj: t.HasTraits, name: str, value: Any) -> None:
        self._busy = True
        try:
            setattr(obj, name, value)
        finally:
            self._busy = False

    # ---- observers: they run inside the widgets' message handlers, so they never raise -----
    def _tree_changed(self, _change: dict[str, Any]) -> None:
        if not self._busy:
            self._guarded(self.push)

    def _other_changed(self, _change: dict[str, Any]) -> None:
        if not self._busy:
            self._guarded(self.pull)

    def _guarded(self, step: Any) -> None:
        try:
            step()
        except Exception as err:
            warnings.warn(f"dendrowidget.link could not sync the selection: {err}", stacklevel=3)

    def unlink(self) -> None:
        """Stop syncing (both selections stay as they are). Safe to call twice."""
        if self.linked:
            self.tree.unobserve(self._tree_changed, names="selection")
            self.target.unobserve(self._other_changed, names=self.trait)
            self.linked = False

    def __repr__(self) -> str:
        state = "linked" if self.linked else "unlinked"
        return (
            f"<dendrowidget.Link {state}: selection <-> {type(self.target).__name__}.{self.trait}>"
        )


def link(tree: Dendrogram, other: Any, *, trait: str = "selection", partial: str = "any") -> Link:
    """Keep ``tree``'s selection and ``other``'s selection of rows in sync, both ways, by row
    position (row i of the tree's input is point i of the other).

    ``other``: a jupyter-scatter ``Scatter`` (its lasso selects rows), or any widget whose
    ``trait`` holds row positions. Selecting subtrees selects their rows there; a selection
    there selects the fewest subtrees holding exactly those rows, so ``tree.selected_indices``
    equals them as a set (in the tree's drawn order). After ``reduce=``, a micro-cluster leaf is
    selected when ``partial="any"`` of its rows is selected, or only when ``"all"`` are. At
    link time a non-empty tree selection is sent to ``other``; otherwise ``other``'s is taken.
    Returns a :class:`Link`; ``link.unlink()`` stops it.
    """
    from ._widget import Dendrogram

    if not isinstance(tree, Dendrogram):
        raise TypeError(f"link() links a Dendrogram to another widget, got {type(tree).__name__}")
    if isinstance(other, Dendrogram):
        raise TypeError(
            "link() takes a widget whose selection is row positions; a Dendrogram's selection is "
            "node ids. Link each dendrogram to the same scatter instead."
        )
    if partial not in PARTIAL:
        raise InputError(
            f"partial is 'any' or 'all' (when a micro-cluster counts), got {partial!r}"
        )
    if tree._b.rows.lazy:
        raise InputError("link() needs the rows in memory; a Dask-backed tree cannot be linked")
    if not isinstance(trait, str):
        raise TypeError(f"trait is the name of the other widget's trait, got {trait!r}")
    target = _target(other, trait)
    n_rows = len(tree._b.rows.frame)
    points = getattr(target, "points", None)  # jupyter-scatter: one point per row
    if isinstance(points, np.ndarray) and points.ndim >= 1 and len(points) != n_rows:
        raise InputError(
            f"the other widget shows {len(points)} points but the tree has {n_rows} rows: "
            "link() pairs row i with point i, so both need the same rows in the same order"
        )
    rows_from(getattr(target, trait), n_rows)  # its current selection must be valid too
    lk = Link(tree, target, trait, partial)
    if tree.selection:
        lk.push()
    else:
        lk.pull()
    return lk
