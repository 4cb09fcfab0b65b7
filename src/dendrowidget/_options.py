"""One frozen record of how a tree is built, validated once, before any work.

Every constructor fills it, the build reads only it, and ``expand()`` replays it: an argument is
honoured or refused here with a reason, never silently dropped on the way (scikit-learn's
parameter validation is the model).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np

from . import _linkage
from ._errors import InputError
from ._quantise import SCALES
from ._tree import SortOption

Weights = Mapping[Hashable, float]  # read-only (MappingProxyType)
SORTS = (False, True, "ascending", "descending")
# The data beside the tree: None (the default rule), True, False or the columns to show.
Columns = bool | tuple[Hashable, ...] | None


@dataclass(frozen=True)
class Options:
    """How to build the tree. Column fields are None when the input is not a table."""

    method: str | None = "ward"  # None: the tree was given (a linkage matrix or a model)
    metric: str | None = "euclidean"  # None: distances were given
    count_sort: SortOption = False
    distance_sort: SortOption = False
    optimal_ordering: bool = False
    # Tables (from_dataframe) only.
    label: Hashable | None = None
    numeric: Weights | None = None  # None: every numeric column but the label and categorical
    categorical: Weights = dataclasses.field(default_factory=lambda: MappingProxyType({}))
    scale: bool = True
    tooltip: tuple[Hashable, ...] = ()
    reduce: Any = None  # a number of micro-clusters, or an estimator with fit/predict/centres
    progress: bool = True
    # The heatmap and strips beside the tree (docs/heatmap-payload.md).
    heatmap: Columns = None  # None: numeric feature columns (at most 50)
    annotations: Columns = None  # None: categorical feature columns (at most 50)
    heatmap_scale: str = "zscore"
    split: bool = False  # gaps between clusters in the heatmap and strips
    cluster_columns: bool = False  # order heatmap columns by a tree of the columns

    def replace(self, **changes: Any) -> Options:
        """A copy with some fields changed, validated again."""
        return check(dataclasses.replace(self, **changes))

    @property
    def numeric_weights(self) -> dict[Hashable, float] | None:
        return None if self.numeric is None else dict(self.numeric)

    @property
    def categorical_weights(self) -> dict[Hashable, float]:
        return dict(self.categorical)


def _bool(name: str, value: object) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise InputError(f"{name} must be True or False, got {value!r}")


def _sort(name: str, value: object) -> SortOption:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, str) and value in SORTS:
        return value  # type: ignore[return-value]
    raise InputError(f"{name} must be False, True, 'ascending' or 'descending', got {value!r}")


def _column(name: str, value: object) -> Hashable:
    if isinstance(value, Hashable) and not isinstance(value, (float, np.floating)):
        return value
    raise InputError(f"{name} must name one column (a column label), got {value!r}")


def weights(spec: object, what: str) -> Weights:
    """A column, a list of columns (weight 1 each) or a dict column -> weight >= 0."""
    if spec is None:
        return MappingProxyType({})
    if isinstance(spec, Mapping):
        items = list(spec.items())
    elif isinstance(spec, str) or not hasattr(spec, "__iter__"):
        items = [(spec, 1.0)]  # one column; MultiIndex columns go in a list: [("a", "x")]
    else:
        items = [(c, 1.0) for c in spec]  # type: ignore[union-attr]
    out: dict[Hashable, float] = {}
    for col, w in items:
        _column(f"a {what} column", col)
        if col in out:
            raise InputError(f"{what} names column {col!r} twice")
        if isinstance(w, (bool, np.bool_)):
            raise InputError(f"{what} weight for {col!r} must be a number, got {w!r}")
        try:
            weight = float(w)
        except (TypeError, ValueError, OverflowError):
            raise InputError(f"{what} weight for {col!r} must be a number, got {w!r}") from None
        if not np.isfinite(weight) or weight < 0:
            raise InputError(f"{what} weight for {col!r} must be finite and >= 0, got {w!r}")
        out[col] = weight
    return MappingProxyType(out)


def _columns(spec: object, what: str) -> tuple[Hashable, ...]:
    return tuple(weights(spec, what))


def _shown(name: str, value: object) -> Columns:
    """None, True, False, one column or a list of columns (each once)."""
    if value is None or isinstance(value, (bool, np.bool_)):
        return None if value is None else bool(value)
    if isinstance(value, Mapping):
        raise InputError(f"{name} takes a list of column names, not a dict: {name}=[...]")
    cols = _columns(value, name)
    return cols


def _reduce(value: object) -> Any:
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        raise InputError("reduce is a number of micro-clusters or an estimator, not a bool")
    if isinstance(value, (int, np.integer)):
        if int(value) < 2:
            raise InputError(f"reduce={int(value)}: ask for at least 2 micro-clusters")
        return int(value)
    if isinstance(value, (float, np.floating, str)):
        raise InputError(
            f"reduce must be a whole number of micro-clusters or an estimator, got {value!r}"
        )
    for attr in ("fit", "predict"):
        if not callable(getattr(value, attr, None)):
            raise InputError(
                "reduce must be a number of micro-clusters or an estimator with fit/predict/"
                f"cluster_centers_; {type(value).__name__} has no {attr}()"
            )
    return value


def check(o: Options) -> Options:
    """Validate every field and every combination; returns the normalised options."""
    method = None if o.method is None else _linkage.resolve_method(o.method)
    metric = None if o.metric is None else _linkage.resolve_metric(o.metric, method or "")
    label = None if o.label is None else _column("label", o.label)
    numeric = None if o.numeric is None else weights(o.numeric, "numeric")
    categorical = weights(o.categorical, "categorical")
    both = sorted({str(c) for c in numeric or ()} & {str(c) for c in categorical})
    if both:
        raise InputError(
            f"column(s) {both} are named in both numeric and categorical; a column is either "
            "scaled as a number or one-hot encoded, so name it in one of them"
        )
    reduce = _reduce(o.reduce)
    if reduce is not None and method != "ward":
        raise InputError(
            f"reduce= builds a size-weighted Ward tree over micro-clusters; method={o.method!r} "
            "has no weighted form here. Use method='ward', or drop reduce="
        )
    if reduce is not None and metric != "euclidean":
        raise InputError(
            f"reduce= groups rows by k-means and joins the groups by Ward's criterion, both "
            f"euclidean; metric={o.metric!r} cannot be honoured. Use metric='euclidean', or drop "
            "reduce= (a tree over every row takes any metric)"
        )
    heatmap, annotations = _shown("heatmap", o.heatmap), _shown("annotations", o.annotations)
    if not isinstance(o.heatmap_scale, str) or o.heatmap_scale not in SCALES:
        raise InputError(
            f"heatmap_scale must be one of {list(SCALES)} (per-column z-scores, per-column 0..1, "
            f"or the values as they are), got {o.heatmap_scale!r}"
        )
    cluster_columns = _bool("cluster_columns", o.cluster_columns)
    if cluster_columns and (heatmap is False or heatmap == ()):
        raise InputError(
            "cluster_columns=True orders the heatmap's columns by a tree of the columns, but "
            "heatmap=False shows none; drop cluster_columns or show a heatmap"
        )
    split = _bool("split", o.split)
    if split and heatmap in (False, ()) and annotations in (False, ()):
        raise InputError(
            "split=True draws gaps between clusters in the heatmap and the strips, but both are "
            "off (heatmap=False, annotations=False); drop split or show one of them"
        )
    return Options(
        method=method,
        metric=metric,
        count_sort=_sort("count_sort", o.count_sort),
        distance_sort=_sort("distance_sort", o.distance_sort),
        optimal_ordering=_bool("optimal_ordering", o.optimal_ordering),
        label=label,
        numeric=numeric,
        categorical=categorical,
        scale=_bool("scale", o.scale),
        tooltip=_columns(o.tooltip, "tooltip"),
        reduce=reduce,
        progress=_bool("progress", o.progress),
        heatmap=heatmap,
        annotations=annotations,
        heatmap_scale=o.heatmap_scale,
        split=split,
        cluster_columns=cluster_columns,
    )


def make(**fields: Any) -> Options:
    """Options from keyword arguments, validated (unknown names are a TypeError)."""
    names = {f.name for f in dataclasses.fields(Options)}
    unknown = sorted(set(fields) - names)
    if unknown:
        raise TypeError(f"unknown build option(s) {unknown}")
    return check(Options(**fields))
