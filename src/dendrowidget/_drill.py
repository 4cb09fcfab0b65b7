"""Drill-down into a micro-cluster leaf (``reduce=``) that works in every notebook host.

A double-click in the view sets the synced, checked trait ``expanded_leaf``; nothing but data is
built while the view's message is handled. The explorer is an ordinary Dendrogram the user makes
in a cell (``w.explorer()``); each new ``expanded_leaf`` re-loads it with that leaf's rows' tree
by swapping its build and payload traits. Two hosts need exactly this: marimo cannot open a widget
outside a cell run, and it refuses ipywidgets containers (``VBox``).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _build, _frontend, _payload
from ._built import Built
from ._errors import InputError

if TYPE_CHECKING:
    from ._widget import Dendrogram


def check_leaf(b: Built, value: object) -> int | None:
    """None, or a micro-cluster leaf that holds at least two rows (a tree needs two)."""
    if value is None:
        return None
    if not b.rows.expandable:
        raise InputError(
            "expanded_leaf needs a widget built with from_dataframe(..., reduce=N): here every "
            "leaf is one row already"
        )
    leaf = _frontend.leaf_id(value, b.tree.n)
    size = int(b.rows.leaf_sizes(b.tree.n)[leaf])
    if size < 2:
        raise InputError(f"leaf {leaf} holds {size} row: nothing to expand")
    return leaf


def leaf_build(b: Built, leaf: int, changes: dict[str, Any]) -> Built:
    """The tree of the rows inside one micro-cluster leaf, built with ``b``'s options (``changes``
    override them) and without ``reduce``."""
    o = b.options.replace(reduce=None, **changes)
    frame = b.rows.leaf_frame(leaf)
    if len(frame) < 2:
        raise InputError(f"leaf {leaf} holds {len(frame)} row: nothing to expand")
    return _build.from_table(frame, o)


def first_leaf(b: Built) -> int:
    """The leaf an explorer shows before any double-click: the largest micro-cluster."""
    return int(np.argmax(b.rows.leaf_sizes(b.tree.n)))


def title(b: Built, leaf: int) -> str:
    label = b.labels[leaf] if b.labels is not None else str(leaf)
    return f"Leaf {leaf}: {label}"


def reload(widget: Dendrogram, b: Built, title: str) -> None:
    """Show another build in an existing widget (the explorer): state reset, payload re-sent."""
    with widget.hold_trait_notifications():
        widget._b = b
        widget._distances_cache = None
        widget._cluster_nodes = None
        widget.cut_height = None
        widget.selection = ()
        widget.view_window = ()
        widget.expanded_leaf = None
        widget._tree = _payload.tree_payload(b.tree)
        widget._labels = _payload.labels_payload(b.labels)
        widget._tooltips = _payload.tooltips_payload(b.tooltips)
        widget._expandable = b.rows.expandable
        widget.title = title


def open_leaf(widget: Dendrogram, leaf: int) -> None:
    """A leaf was opened (double-click or ``expanded_leaf = k``): re-load the explorer, call the
    ``on_expand`` callbacks. Runs inside the view's message handler, so it only builds data and
    re-loads widgets; a failure warns and leaves the (valid) choice of leaf in place."""
    widget.busy = True
    try:
        explorer = widget._explorer
        if explorer is not None:
            reload(explorer, leaf_build(widget._b, leaf, {}), title(widget._b, leaf))
        for callback in widget._expand_callbacks:
            callback(widget.expand(leaf))
    except Exception as err:
        warnings.warn(f"dendrowidget could not open leaf {leaf}: {err}", stacklevel=3)
    finally:
        widget.busy = False
