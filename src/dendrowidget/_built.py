"""What a build hands the widget: the linkage, its drawn tree, the row map and the options that
made it. Frozen, with read-only arrays: nothing a user does later can change an answer."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from ._data import DataPlan
from ._features import Features
from ._options import Options
from ._rows import RowMap
from ._tree import Tree, build_tree


def frozen(arr: np.ndarray) -> np.ndarray:
    arr.flags.writeable = False
    return arr


def layout(Z: np.ndarray, o: Options) -> Tree:
    """The drawn tree of a valid Z, with every array read-only."""
    tree = build_tree(Z, count_sort=o.count_sort, distance_sort=o.distance_sort)
    for f in dataclasses.fields(tree):
        value = getattr(tree, f.name)
        if isinstance(value, np.ndarray):
            frozen(value)
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
