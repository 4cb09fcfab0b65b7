"""What the front end may send, checked before anything is applied.

A state update is validated as a unit: every key must be one the view may write, and every value
must pass the same check a Python assignment passes. One bad key or value refuses the whole
update; the widget then re-sends its last good state so every view re-syncs. Custom messages are
checked the same way. Nothing a custom client sends can raise out of the comm handler.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from ._errors import InputError

# Traits the view writes back (the private payload traits are Python -> view only).
WRITABLE = ("cut_height", "selection", "view_window", "search", "_cluster_nodes", "expanded_leaf")


def check_update(sync_data: object, check: Callable[[str, Any], object]) -> list[str]:
    """The keys of a valid update; raises InputError naming the first refused key or value."""
    if not isinstance(sync_data, Mapping):
        raise InputError(f"a state update is a mapping of trait names, got {type(sync_data)}")
    keys = [str(k) for k in sync_data]
    refused = [k for k in keys if k not in WRITABLE]
    if refused:
        raise InputError(f"the view may not set {refused}; it may set {list(WRITABLE)}")
    for key in keys:
        check(key, sync_data[key])
    return keys


def refuse(err: BaseException) -> None:
    warnings.warn(f"dendrowidget ignored a bad value from the view: {err}", stacklevel=3)


def leaf_id(value: object, n: int) -> int:
    """A leaf id from a message: an integer 0..n-1 exactly (2.9, True and inf are refused)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise InputError(f"a leaf id is an integer 0..{n - 1}, got {value!r:.60}")
    leaf = int(value)
    if not 0 <= leaf < n:
        what = "a merge" if n <= leaf <= 2 * n - 2 else "out of range"
        raise InputError(f"node {leaf} is {what}; a leaf id is an integer 0..{n - 1}")
    return leaf


def whole(value: object, lo: int, hi: int) -> int:
    """An integer lo..hi exactly, from a message (2.9, True and inf are refused)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise InputError(f"expected an integer {lo}..{hi}, got {value!r:.60}")
    if not lo <= int(value) <= hi:
        raise InputError(f"expected an integer {lo}..{hi}, got {int(value)}")
    return int(value)


def message_type(content: object) -> str | None:
    if isinstance(content, Mapping) and isinstance(content.get("type"), str):
        return str(content["type"])
    return None


CELL_KEYS = frozenset({"type", "id", "leaf", "kind", "column"})


def _index(value: object, n: int, what: str) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise InputError(f"{what} is an integer, got {value!r:.60}")
    if not 0 <= int(value) < n:
        raise InputError(f"{what} {int(value)} is out of range 0..{n - 1}")
    return int(value)


def cell_request(content: object, n: int, heat_cols: int, strips: int) -> dict[str, Any]:
    """A view's request for one cell's exact value: {"type": "cell", "id": request number,
    "leaf": leaf id, "kind": "heatmap" | "strip", "column": index among that kind's columns}.
    Returned as checked Python ints; any other key or value is refused."""
    if not isinstance(content, Mapping) or set(content) != CELL_KEYS:
        raise InputError(f"a cell request has exactly the keys {sorted(CELL_KEYS)}")
    kind = content["kind"]
    if kind not in ("heatmap", "strip"):
        raise InputError(f'a cell request\'s kind is "heatmap" or "strip", got {kind!r:.40}')
    ncols = heat_cols if kind == "heatmap" else strips
    if ncols == 0:
        raise InputError(f"a cell request for a {kind} column, but this widget draws none")
    return {
        "id": _index(content["id"], 2**31, "a cell request's id"),
        "leaf": leaf_id(content["leaf"], n),
        "kind": str(kind),
        "column": _index(content["column"], ncols, f"a {kind} column"),
    }
