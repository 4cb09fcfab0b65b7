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
WRITABLE = ("cut_height", "selection", "view_window", "_cluster_nodes", "expanded_leaf")


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


def message_type(content: object) -> str | None:
    if isinstance(content, Mapping) and isinstance(content.get("type"), str):
        return str(content["type"])
    return None
