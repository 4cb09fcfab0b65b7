"""User arrays -> private float64 copies, with errors that name what the array holds instead."""

from __future__ import annotations

from typing import Any

import numpy as np

from ._errors import InputError


def _is_sparse(data: object) -> bool:
    try:
        from scipy.sparse import issparse
    except ImportError:  # pragma: no cover - scipy is a dependency
        return False
    return bool(issparse(data))


def as_float_array(data: Any, what: str, *, copy: bool = True) -> np.ndarray:
    """A private float64 copy of numeric array-like data, or an error naming what it holds
    instead (sparse, structured, complex, missing or non-numeric values). ``copy=False``: the
    data itself when it is a float64 array already (for a caller that only reads it, at once)."""
    if _is_sparse(data):
        raise InputError(
            f"{what} is a sparse matrix; hierarchical clustering needs dense values: pass "
            f"{what}.toarray() (or reduce the features first, e.g. TruncatedSVD)"
        )
    arr = data if isinstance(data, np.ndarray) else None
    if arr is None:
        try:
            arr = np.asarray(data)
        except (TypeError, ValueError):
            arr = None
    if arr is not None and arr.dtype.names is not None:
        raise InputError(
            f"{what} is a structured (record) array with fields {list(arr.dtype.names)}; pass a "
            "plain 2-D numeric array, e.g. pd.DataFrame(arr) or "
            "numpy.lib.recfunctions.structured_to_unstructured(arr)"
        )
    if arr is not None and np.iscomplexobj(arr):
        raise InputError(
            f"{what} holds complex numbers; distances need real values. Split them into real "
            "columns (np.column_stack([x.real, x.imag])) or take np.abs(x)"
        )
    try:
        out = np.array(data, dtype=np.float64, copy=True) if copy else np.asarray(data, np.float64)
    except (TypeError, ValueError, OverflowError):
        raise InputError(
            f"{what} must be numeric; it has non-numeric values. For a table with text columns "
            "use Dendrogram.from_dataframe(df, numeric=[...], categorical=[...])"
        ) from None
    return out
