"""Tree and labels as binary buffers for the front end (no JSON arrays of numbers).

Heights stay float64: float32 merges distinct heights, and the browser's cut would then disagree
with fcluster on ties. int32 children + float64 height = 16 bytes per merge; counts, order and
positions are rebuilt in the browser.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from ._tree import Tree


def _buffer(arr: np.ndarray, dtype: str) -> memoryview:
    # ipywidgets lifts a memoryview nested in a Dict trait into a binary buffer; an ndarray would
    # be serialised as JSON.
    return memoryview(np.ascontiguousarray(arr, dtype=dtype))


def tree_payload(tree: Tree) -> dict[str, Any]:
    return {
        "n": int(tree.n),
        "left": _buffer(tree.left, "<i4"),
        "right": _buffer(tree.right, "<i4"),
        "height": _buffer(tree.height, "<f8"),
    }


def labels_payload(labels: Sequence[str] | None) -> dict[str, Any]:
    """UTF-8 text of all labels end to end plus n+1 byte offsets; {} means default labels (the
    row position), which need not travel at all."""
    if labels is None:
        return {}
    encoded = [s.encode("utf-8", "surrogatepass") for s in labels]
    offsets = np.zeros(len(encoded) + 1, dtype="<u4")
    np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)), out=offsets[1:])
    return {"text": memoryview(b"".join(encoded)), "offsets": memoryview(offsets)}


def cell(value: object) -> str:
    """A table cell as the view shows it: a float to 4 significant digits (the exact value stays
    in Python: ``w.frame``), anything else as ``str()``."""
    if isinstance(value, (float, np.floating)) and math.isfinite(value):
        return f"{value:.4g}"
    return str(value)


def cells(column: Any) -> list[str]:
    """A table column as tooltip text, cell by cell (``cell``); float columns in one pass."""
    values = column.to_numpy()
    if values.dtype.kind == "f":
        return np.char.mod("%.4g", values).tolist()
    return [cell(v) for v in values.tolist()]


def tooltips_payload(columns: dict[str, Sequence[str]]) -> dict[str, Any]:
    if not columns:
        return {}
    return {"columns": list(columns), "values": [list(v) for v in columns.values()]}


def payload_bytes(state: dict[str, Any]) -> int:
    """Bytes a synced state dict occupies as buffers (for the README's size figure)."""
    total = 0
    for value in state.values():
        if isinstance(value, memoryview):
            total += value.nbytes
        elif isinstance(value, dict):
            total += payload_bytes(value)
        elif isinstance(value, (list, str)):
            total += len(str(value).encode())
    return total
