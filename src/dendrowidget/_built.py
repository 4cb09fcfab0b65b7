"""What a build hands the widget: the linkage, its drawn tree, the row map and the options that
made it. Frozen, with read-only arrays: nothing a user does later can change an answer."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from ._data import DataPlan
from ._features import Features
from ._options import Options
from ._rows import RowMap
from ._tree import Layout, Tree, start_tree

# One worker: layouts queue in the order their widgets were built.
_BACKGROUND = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dendrowidget-layout")


def frozen(arr: np.ndarray) -> np.ndarray:
    arr.flags.writeable = False
    return arr


def _frozen_layout(fn: Callable[[], Layout]) -> Callable[[], Layout]:
    def run() -> Layout:
        lay = fn()
        for f in dataclasses.fields(lay):
            frozen(getattr(lay, f.name))
        return lay

    return run


def in_background(fn: Callable[[], Layout]) -> Future:
    return _BACKGROUND.submit(_frozen_layout(fn))


def layout(Z: np.ndarray, o: Options) -> Tree:
    """The drawn tree of a valid Z, with every array read-only. Its drawn children and heights
    (the view's payload) are ready at once; the rest of the layout is computed in the background
    (numpy releases the GIL), so the payload leaves while it runs, and is waited for on first
    use."""
    tree = start_tree(Z, o.count_sort, o.distance_sort, in_background)
    for arr in (tree.left, tree.right, tree.height):
        frozen(arr)
    return tree


@dataclass(frozen=True)
class Built:
    Z: np.ndarray  # read-only
    tree: Tree
    rows: RowMap
    options: Options
    labels: list[str] | None  # leaf labels (never handed out); None: the row positions
    tooltips: Mapping[str, list[str]] = field(default_factory=dict)
    features: Features | None = None  # what the linkage saw, when it saw features
    distances: np.ndarray | None = None  # condensed input distances, when given
    data: DataPlan = field(default_factory=DataPlan)  # the heatmap, strips and data answers


def built(Z: np.ndarray, rows: RowMap, o: Options, labels: list[str] | None, **kw: object) -> Built:
    return Built(Z=frozen(Z), tree=layout(Z, o), rows=rows, options=o, labels=labels, **kw)  # type: ignore[arg-type]
