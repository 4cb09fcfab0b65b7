"""What a build hands the widget: the linkage, its drawn tree, the row map and the options that
made it. Frozen, with read-only arrays: nothing a user does later can change an answer."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from ._data import DataPlan
from ._features import Features
from ._merges import Merges
from ._options import Options
from ._rows import RowMap
from ._tree import Layout, Tree, start_tree

# One worker: layouts queue in the order they were started.
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


class Later(Future):
    """A layout computed when first asked for, on the asking thread, unless `start` has already
    handed it to the background worker (then the asker waits for it). Not at build time: at a
    million leaves it is 0.2 s of CPU, which on a small machine competed with the notebook page
    decoding and drawing the tree (measured: the first frame came 35-65 ms later, 2 cores)."""

    def __init__(self, fn: Callable[[], Layout]) -> None:
        super().__init__()
        self._fn: Callable[[], Layout] | None = _frozen_layout(fn)
        self._claim = threading.Lock()

    def _take(self) -> Callable[[], Layout] | None:
        with self._claim:  # exactly one thread computes it
            fn, self._fn = self._fn, None
            return fn

    def _run(self, fn: Callable[[], Layout]) -> None:
        try:
            self.set_result(fn())
        except BaseException as err:  # kept for whoever asks, as the layout's own error
            self.set_exception(err)

    def start(self) -> None:
        """Compute it in the background now (idempotent)."""
        fn = self._take()
        if fn is not None:
            _BACKGROUND.submit(self._run, fn)

    def result(self, timeout: float | None = None) -> Layout:
        fn = self._take()
        if fn is not None:
            self._run(fn)
        return super().result(timeout)


def layout(m: Merges, o: Options) -> Tree:
    """The drawn tree of valid merges, with every array read-only. Its drawn children and
    heights (the view's payload) are ready at once; the rest of the layout is computed when an
    answer first needs it, or in the background once a view has drawn (`Tree.prefetch`)."""
    tree = start_tree(m, o.count_sort, o.distance_sort, Later)
    for arr in (tree.left, tree.right, tree.height):
        frozen(arr)
    return tree


@dataclass(frozen=True)
class Built:
    merges: Merges  # the linkage's columns, read-only
    tree: Tree
    rows: RowMap
    options: Options
    labels: list[str] | None  # leaf labels (never handed out); None: the row positions
    tooltips: Mapping[str, list[str]] = field(default_factory=dict)
    features: Features | None = None  # what the linkage saw, when it saw features
    distances: np.ndarray | None = None  # condensed input distances, when given
    data: DataPlan = field(default_factory=DataPlan)  # the heatmap, strips and data answers

    @cached_property
    def Z(self) -> np.ndarray:
        """The linkage matrix (float64, read-only), rebuilt on first use."""
        return frozen(self.merges.matrix())


def built(
    Z: np.ndarray | Merges, rows: RowMap, o: Options, labels: list[str] | None, **kw: object
) -> Built:
    """`Z`: checked merges (a user's linkage), or a valid float64 Z computed here."""
    m = (Z if isinstance(Z, Merges) else Merges.of(Z)).freeze()
    return Built(merges=m, tree=layout(m, o), rows=rows, options=o, labels=labels, **kw)  # type: ignore[arg-type]
