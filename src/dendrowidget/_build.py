"""Input + Options -> Built: everything computed before a widget exists, so bad input never
leaves a half-built widget behind. Each input kind has one function; all read the options only."""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import _dask, _data, _features, _heatmap, _linkage, _payload, _reduce
from ._built import Built, built
from ._errors import InputError
from ._options import Options
from ._progress import Stages
from ._rows import MicroRows, PlainRows


def labels_from(labels: Any, n: int) -> list[str] | None:
    if labels is None:
        return None
    if isinstance(labels, str):
        raise InputError(
            "labels must be a sequence of n labels, got a single string; to use a column "
            "as labels call Dendrogram.from_dataframe(df, label='column')"
        )
    try:
        values = list(labels)
    except TypeError:
        raise InputError(
            f"labels must be a sequence of n labels, got {type(labels).__name__}"
        ) from None
    if len(values) != n:
        raise InputError(f"labels has {len(values)} entries but the data has {n} rows")
    return [str(v) for v in values]


def row_labels(df: pd.DataFrame, label: Any) -> list[str] | None:
    """The label column as text; else the index, unless it is just the row position (then
    nothing needs to travel)."""
    if label is not None:
        return df[label].astype(str).tolist()
    if isinstance(df.index, pd.RangeIndex) and df.index.start == 0 and df.index.step == 1:
        return None
    return [str(v) for v in df.index]


def from_features(
    feats: _features.Features, frame: pd.DataFrame, labels: list[str] | None, o: Options, **kw: Any
) -> Built:
    Z = _linkage.linkage_from_features(feats.X, o.method, o.metric, o.optimal_ordering)
    return built(Z, PlainRows(frame, labels), o, labels, features=feats, **kw)


def from_array(data: Any, labels: Any, o: Options) -> Built:
    feats = _features.features_from_array(data)
    n = feats.X.shape[0]
    frame = data.copy() if isinstance(data, pd.DataFrame) else pd.DataFrame(feats.X.copy())
    plan = _data.plan(frame, o, list(frame.columns))
    return from_features(feats, frame, labels_from(labels, n), o, data=plan)


def from_table(df: Any, o: Options) -> Built:
    if _dask.is_dask_frame(df):
        return _dask.build(df, o)
    if not isinstance(df, pd.DataFrame):
        raise InputError(
            f"from_dataframe needs a pandas (or Dask) DataFrame, got {type(df).__name__}; "
            "for an array use Dendrogram(X)"
        )
    snapshot = df.copy()  # the widget answers for the table as it is now
    if o.tooltip:
        _features.check_columns(snapshot, list(o.tooltip), "tooltip")
        _features.check_unique_columns(snapshot, list(o.tooltip))
    reduce = o.reduce is not None
    names = ["features", "micro-clusters", "linkage"] if reduce else ["features", "linkage"]
    stages = Stages(names, enabled=o.progress, rows=len(snapshot))
    try:
        with stages.step("features"):
            feats = _features.features_from_dataframe(snapshot, o)
            num, cat = _features.select_columns(snapshot, o)
        if reduce:
            # Refuse bad heatmap options before the micro-clusters are fitted, not after.
            _heatmap.choose_columns(snapshot, list(num), list(cat), o.heatmap, o.annotations)
            return _reduced(snapshot, feats, o, stages, (list(num), list(cat)))
        plan = _data.plan(snapshot, o, list(num), list(cat))
        with stages.step("linkage"):
            tips = {str(c): _payload.cells(snapshot[c]) for c in o.tooltip}
            labels = row_labels(snapshot, o.label)
            return from_features(feats, snapshot, labels, o, tooltips=tips, data=plan)
    finally:
        stages.close()


def _reduced(
    df: pd.DataFrame,
    feats: _features.Features,
    o: Options,
    stages: Stages,
    columns: tuple[list[Any], list[Any]],
) -> Built:
    with stages.step("micro-clusters"):
        red = _reduce.reduce_rows(feats.X, _reduce.make_estimator(o.reduce, len(df)))
    with stages.step("linkage"):
        Z = _reduce.weighted_ward(red.centers, red.sizes, o.optimal_ordering)
    rows = row_labels(df, o.label)
    k = len(red.sizes)
    tips = {"rows": [str(int(s)) for s in red.sizes]}
    for c in o.tooltip:
        counts = _reduce.leaf_counts(red.assign, _payload.cells(df[c]))
        tips[str(c)] = _reduce.top_tooltip(counts, red.sizes)
    labels = (
        [f"{int(s):,} rows" for s in red.sizes]
        if rows is None
        else _reduce.top_labels(_reduce.leaf_counts(red.assign, rows), red.sizes)
    )
    plan = _data.plan(df, o, *columns, assign=red.assign, n_leaves=k)
    return built(Z, MicroRows(df, red.assign, rows, k), o, labels, tooltips=tips, data=plan)


def from_linkage(Z: Any, labels: Any, frame: Any, o: Options) -> Built:
    merges = _linkage.check_linkage(Z)
    n = merges.n
    lab = labels_from(labels, n)
    if frame is not None:  # else the row map makes a frame when an answer first needs one
        if not isinstance(frame, pd.DataFrame):
            raise InputError(
                f"frame must be a pandas DataFrame with one row per leaf (the rows "
                f"selected_frame returns), got {type(frame).__name__}; wrap it: pd.DataFrame(...)"
            )
        if len(frame) != n:
            raise InputError(f"frame has {len(frame)} rows but the linkage has {n} leaves")
        frame = frame.copy()
    plan = _data.plan(frame, o)
    return built(merges, PlainRows(frame, lab, n), o, lab, data=plan)


def from_distances(D: Any, labels: Any, o: Options) -> Built:
    condensed = _linkage.condensed_distances(D)
    Z = _linkage.linkage_from_distances(condensed, o.method, o.optimal_ordering)
    n = Z.shape[0] + 1
    lab = labels_from(labels, n)
    rows = PlainRows(None, lab, n)
    return built(Z, rows, o, lab, distances=condensed, data=_data.plan(None, o))
