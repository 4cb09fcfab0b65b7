"""The data beside the tree: which columns the heatmap and the strips show, and their payloads.

Rows travel in drawn order (position p holds row ``order[p]``), so every subtree is one
contiguous span of every column. Numbers travel as per-column codes (see `_quantise`); exact
values stay in Python. Category names travel as plain strings: they are data, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._colvalues import (
    category_codes,
    column_kind,
    numeric_values,
    raw_values,
    unusable_message,
)
from ._errors import ColumnError, InputError
from ._quantise import MISSING, SCALES, STAT_FIELDS, ZSCORE_CLIP, encode_columns

MAX_COLUMNS = 50
ColumnOption = bool | Sequence[Hashable] | None


def _as_list(option: Any, what: str) -> list[Hashable]:
    if isinstance(option, str) or not isinstance(option, Sequence | pd.Index | np.ndarray):
        raise InputError(
            f"{what} must be None, True, False or a list of column names, got {option!r}"
        )
    cols = list(option)
    dupes = sorted({str(c) for c in cols if cols.count(c) > 1})
    if dupes:
        raise InputError(f"{what} names column(s) {dupes} more than once; name each once")
    return cols


def _check(frame: pd.DataFrame, cols: list[Hashable], what: str, *, numeric_only: bool) -> None:
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise ColumnError(
            f"{what} column(s) {missing} not in the table; available columns: "
            f"{[str(c) for c in frame.columns]}"
        )
    if len(cols) > MAX_COLUMNS:
        raise InputError(
            f"{what} has {len(cols)} columns; at most {MAX_COLUMNS} can be drawn. Pick the ones "
            f"to show with {what}=[...] (e.g. the {MAX_COLUMNS} with the largest variance)"
        )
    for c in cols:
        if isinstance(frame[c], pd.DataFrame):
            raise InputError(f"the table has several columns named {c!r}; rename them first")
        kind = column_kind(frame[c])
        if kind is None:
            raise InputError(unusable_message(c, frame[c]))
        if numeric_only and kind != "numeric":
            raise InputError(
                f"heatmap column {c!r} ({frame[c].dtype}) is not numeric; show it as a strip "
                f"with annotations=[{c!r}], or convert it with pd.to_numeric"
            )


def choose_columns(
    frame: pd.DataFrame | None,
    numeric: Sequence[Hashable],
    categorical: Sequence[Hashable],
    heatmap: ColumnOption = None,
    annotations: ColumnOption = None,
) -> tuple[list[Hashable], list[Hashable]]:
    """(heatmap columns, annotation columns) for the widget's options.

    None: the numeric feature columns / the categorical ones, or none when there are more than
    MAX_COLUMNS. True: the same, but too many is an error; with no features at all (from_linkage
    with a frame) every numeric column of the frame (heatmap) or every categorical one (strips).
    False: none. A list:
    exactly those columns of the frame, features or not (heatmap: numeric ones only; strips:
    numeric columns get a sequential map, all others are categories).
    """
    if frame is None:
        if heatmap not in (None, False) or annotations not in (None, False):
            raise InputError("heatmap/annotations need a table: pass frame=df as well")
        return [], []
    out: list[list[Hashable]] = []
    for option, features, what in (
        (heatmap, list(numeric), "heatmap"),
        (annotations, list(categorical), "annotations"),
    ):
        if option is False:
            cols: list[Hashable] = []
        elif option is None:
            cols = features if len(features) <= MAX_COLUMNS else []
        elif option is True:
            cols = features
            if not numeric and not categorical:  # no features (from_linkage): the frame's own
                kind = "numeric" if what == "heatmap" else "categorical"
                cols = [c for c in frame.columns if column_kind(frame[c]) == kind]
        else:
            cols = _as_list(option, what)
        _check(frame, cols, what, numeric_only=what == "heatmap")
        out.append(cols)
    return out[0], out[1]


def _little(codes: np.ndarray) -> memoryview:
    # ipywidgets lifts a memoryview nested in a dict trait into a binary buffer (little-endian).
    return memoryview(np.ascontiguousarray(codes, dtype=codes.dtype.newbyteorder("<")))


def _drawn_order(frame: pd.DataFrame, order: np.ndarray) -> np.ndarray:
    order = np.asarray(order, dtype=np.int64)
    if len(order) != len(frame):
        raise InputError(
            f"the heatmap needs one table row per leaf: {len(frame)} rows for {len(order)} "
            "leaves (for a tree over micro-clusters, pass one summary row per micro-cluster)"
        )
    return order


def heatmap_payload(
    frame: pd.DataFrame,
    columns: Sequence[Hashable],
    order: np.ndarray | Callable[[], np.ndarray],
    *,
    scale: str = "zscore",
) -> dict[str, Any]:
    """The heatmap as buffers; {} when there are no columns (format: docs/heatmap-payload.md).
    `order` may be a function giving it (see encode_columns)."""
    if scale not in SCALES:
        raise InputError(f"heatmap_scale must be one of {list(SCALES)}, got {scale!r}")
    if not columns:
        return {}
    # +-inf stays in: encode_columns counts it as missing (sparing a pass and a copy here)
    values = [raw_values(frame[c]) for c in columns]
    codes, stats, dtype = encode_columns(
        values, scale, lambda: _drawn_order(frame, order() if callable(order) else order)
    )
    if scale == "zscore":
        lo, hi = -ZSCORE_CLIP, ZSCORE_CLIP
    elif scale == "minmax":
        lo, hi = 0.0, 1.0
    else:  # one shared range; with no finite value at all nothing is coloured anyway
        known = ~np.isnan(stats[:, 2])
        lo, hi = (stats[known, 2].min(), stats[known, 3].max()) if known.any() else (0.0, 1.0)
    return {
        "n": len(frame),
        "columns": [str(c) for c in columns],
        "scale": scale,
        "range": [float(lo), float(hi)],
        "dtype": dtype,
        "missing": MISSING[dtype],
        "codes": _little(codes),
        "stat_fields": list(STAT_FIELDS),
        "stats": memoryview(np.ascontiguousarray(stats, dtype="<f8").reshape(-1)),
    }


def _categorical_strip(name: str, s: pd.Series, order: np.ndarray) -> dict[str, Any]:
    codes, categories = category_codes(s)
    codes = codes[order]
    k = len(categories)
    if k > MISSING["uint16"]:
        raise InputError(
            f"annotation column {name!r} has {k} distinct values; a strip can show at most "
            f"{MISSING['uint16']} (is it an id column?). Group its values first or leave it out"
        )
    dtype = "uint8" if k < MISSING["uint8"] else "uint16"
    missing = MISSING[dtype]
    out = np.where(codes < 0, missing, codes).astype(dtype)
    return {
        "name": name,
        "kind": "categorical",
        "palette": "qualitative",
        "dtype": dtype,
        "missing": missing,
        "codes": _little(out),
        "categories": [str(c) for c in categories],
    }


def annotations_payload(
    frame: pd.DataFrame, columns: Sequence[Hashable], order: np.ndarray
) -> dict[str, Any]:
    """One strip per column, in drawn order; {} when there are none."""
    if not columns:
        return {}
    order = _drawn_order(frame, order)
    strips = []
    for c in columns:
        if column_kind(frame[c]) == "categorical":
            strips.append(_categorical_strip(str(c), frame[c], order))
            continue
        codes, stats, dtype = encode_columns([numeric_values(frame[c])], "minmax", order)
        strips.append(
            {
                "name": str(c),
                "kind": "numeric",
                "palette": "sequential",
                "dtype": dtype,
                "missing": MISSING[dtype],
                "codes": _little(codes),
                "stat_fields": list(STAT_FIELDS),
                "stats": memoryview(np.ascontiguousarray(stats[0], dtype="<f8")),
            }
        )
    return {"n": len(order), "columns": strips}
