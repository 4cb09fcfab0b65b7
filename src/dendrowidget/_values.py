"""Checks for every value a user or the front end can set on the widget. Each returns an
immutable, normalised value or raises InputError saying what was wrong and what to do: a value
that passed here is the only kind an answer is computed from."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from ._errors import InputError

ORIENTATIONS = ("top", "bottom", "left", "right")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_COLOR = re.compile(
    r"^(#[0-9a-fA-F]{3,4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}"
    r"|(rgb|rgba|hsl|hsla)\([0-9.,%\s/+-]+\)|[a-zA-Z]{3,30})$"
)


def number(value: object, what: str) -> float:
    """A finite float from a number (ints of any size included: 10**400 is refused, not an
    OverflowError)."""
    if isinstance(value, (bool, str, bytes)) or value is None:
        raise InputError(f"{what} must be a number, got {_short(value)}")
    try:
        out = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise InputError(f"{what} must be a finite number, got {_short(value)}") from None
    if not math.isfinite(out):
        raise InputError(f"{what} must be a finite number, got {_short(value)}")
    return out


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def view_window(value: object, n: int) -> tuple[float, ...]:
    """() for the full view, else (x0, x1, y0, y1) with x clamped to the leaf axis [0, n]."""
    if value is None:
        return ()
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(f"view_window is [] or four numbers [x0, x1, y0, y1], got {_short(value)}")
    items = list(value)
    if not items:
        return ()
    if len(items) != 4:
        raise InputError(
            f"view_window is [] or four numbers [x0, x1, y0, y1], got {len(items)} values"
        )
    x0, x1, y0, y1 = (number(v, "each view_window entry") for v in items)
    x0, x1 = max(0.0, min(x0, float(n))), max(0.0, min(x1, float(n)))
    if not (x1 > x0 and y1 > y0):
        raise InputError(f"view_window needs x0 < x1 and y0 < y1, got {_short(items)}")
    return (x0, x1, y0, y1)


def text(value: object, what: str, limit: int = 10_000) -> str:
    """Plain text (drawn as text, never parsed as HTML); lone surrogates become U+FFFD so the
    value always encodes as UTF-8."""
    if not isinstance(value, str):
        raise InputError(f"{what} must be a string, got {type(value).__name__}")
    if len(value) > limit:
        raise InputError(f"{what} is {len(value):,} characters long; keep it under {limit:,}")
    return _LONE_SURROGATE.sub("\ufffd", value)


def orientation(value: object) -> str:
    if value not in ORIENTATIONS:
        raise InputError(f"orientation must be one of {', '.join(ORIENTATIONS)}; got {value!r}")
    return str(value)


def plot_height(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise InputError(f"height is the plot height in whole pixels (120..10000), got {value!r}")
    h = int(value)
    if not 120 <= h <= 10000:
        raise InputError(f"height is the plot height in pixels (120..10000), got {h}")
    return h


def palette(value: object) -> tuple[str, ...]:
    """CSS colours, at least one."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InputError(f"palette must be a list of CSS colours, got {_short(value)}")
    colors = list(value)
    if not colors:
        raise InputError("palette needs at least one colour")
    bad = [c for c in colors if not isinstance(c, str) or not _COLOR.match(c.strip())]
    if bad:
        raise InputError(
            f"palette entries must be CSS colours such as '#0072B2' or 'rgb(0, 114, 178)'; "
            f"got {_short(bad[:3])}"
        )
    return tuple(c.strip() for c in colors)
