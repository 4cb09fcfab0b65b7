"""Table or array -> numeric feature matrix, with errors that say what to fix."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from ._errors import ColumnError, InputError

ColumnSpec = Sequence[str] | Mapping[str, float] | None


def _weights(spec: ColumnSpec, what: str) -> dict[str, float]:
    """A list means weight 1 for each column; a dict maps column -> weight."""
    if spec is None:
        return {}
    if isinstance(spec, str):
        spec = [spec]
    items = spec.items() if isinstance(spec, Mapping) else ((c, 1.0) for c in spec)
    out: dict[str, float] = {}
    for col, w in items:
        try:
            weight = float(w)
        except (TypeError, ValueError):
            raise InputError(f"{what} weight for {col!r} must be a number, got {w!r}") from None
        if not np.isfinite(weight) or weight < 0:
            raise InputError(f"{what} weight for {col!r} must be finite and >= 0, got {w!r}")
        out[col] = weight
    return out


def _check_columns(df: pd.DataFrame, cols: Sequence[Any], what: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ColumnError(
            f"{what} column(s) {missing} not in the table; available columns: "
            f"{[str(c) for c in df.columns]}"
        )


def _check_finite(values: np.ndarray, names: Sequence[str]) -> None:
    bad = ~np.isfinite(values)
    if bad.any():
        per_col = bad.sum(axis=0)
        detail = ", ".join(f"{names[j]!s}: {int(c)}" for j, c in enumerate(per_col) if c)
        raise InputError(
            f"the features have {int(bad.sum())} NaN or infinite value(s) ({detail}). "
            "Drop those rows (df.dropna()) or fill them (sklearn.impute.SimpleImputer) first."
        )


def _check_rows(n: int) -> None:
    if n < 2:
        raise InputError(f"hierarchical clustering needs at least 2 rows, got {n}")


def features_from_array(data: Any) -> tuple[np.ndarray, list[str]]:
    """A 2-D numeric array-like or a numeric DataFrame, as float64 features."""
    names: list[str] | None = None
    if isinstance(data, pd.DataFrame):
        non_numeric = [c for c in data.columns if not pd.api.types.is_numeric_dtype(data[c])]
        if non_numeric:
            raise InputError(
                f"column(s) {non_numeric} are not numeric. Use Dendrogram.from_dataframe(df, "
                "label=..., numeric=[...], categorical=[...]) to encode them, or drop them."
            )
        names = [str(c) for c in data.columns]
        data = data.to_numpy()
    try:
        X = np.asarray(data, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(
            "data must be a 2-D numeric array (rows x features); it has non-numeric values. "
            "For a table with text columns use Dendrogram.from_dataframe."
        ) from None
    if X.ndim == 1:
        raise InputError(
            f"data must be 2-D (rows x features), got a 1-D array of {X.shape[0]} values; "
            "for one feature use X.reshape(-1, 1)"
        )
    if X.ndim != 2:
        raise InputError(f"data must be 2-D (rows x features), got {X.ndim}-D")
    _check_rows(X.shape[0])
    if X.shape[1] == 0:
        raise InputError("data has no feature columns")
    names = names or [f"x{j}" for j in range(X.shape[1])]
    _check_finite(X, names)
    return X, names


def select_columns(
    df: pd.DataFrame, label: str | None, numeric: ColumnSpec, categorical: ColumnSpec
) -> tuple[dict[str, float], dict[str, float]]:
    """Numeric and categorical columns with their weights, checked against the table (a pandas
    frame, or a dask frame's empty `_meta`). numeric=None: every numeric column but the label
    and the categorical ones."""
    if label is not None:
        _check_columns(df, [label], "label")
    cat = _weights(categorical, "categorical")
    _check_columns(df, list(cat), "categorical")
    if numeric is None:
        skip = set(cat) | ({label} if label is not None else set())
        num = {
            c: 1.0
            for c in df.columns
            if c not in skip
            and pd.api.types.is_numeric_dtype(df[c])
            and not pd.api.types.is_bool_dtype(df[c])
        }
    else:
        num = _weights(numeric, "numeric")
        _check_columns(df, list(num), "numeric")
    non_numeric = [
        f"{c!r} ({df[c].dtype})" for c in num if not pd.api.types.is_numeric_dtype(df[c])
    ]
    if non_numeric:
        raise InputError(
            f"numeric column(s) {', '.join(non_numeric)} hold non-numeric values; pass them as "
            "categorical=[...] to one-hot encode them, or convert them (pd.to_numeric)"
        )
    if not num and not cat:
        raise InputError(
            "no feature columns: name them with numeric=[...] and/or categorical=[...]; "
            f"available columns: {[str(c) for c in df.columns]}"
        )
    return num, cat


def weight_groups(
    num: dict[str, float], cat: dict[str, float]
) -> list[tuple[str, float, list[str]]]:
    """(kind, weight, columns): one group per distinct weight, numeric first, weights ascending.
    ColumnTransformer weights whole transformers, so this is also the feature column order."""
    return [
        (kind, w, [c for c, cw in spec.items() if cw == w])
        for kind, spec in (("num", num), ("cat", cat))
        for w in sorted(set(spec.values()))
    ]


def features_from_dataframe(
    df: pd.DataFrame,
    *,
    label: str | None = None,
    numeric: ColumnSpec = None,
    categorical: ColumnSpec = None,
    scale: bool = True,
) -> tuple[np.ndarray, list[str]]:
    """The tutorial's pipeline, generalised: scaled numeric columns plus weighted one-hot
    categorical columns, each multiplied by its weight, via scikit-learn's ColumnTransformer."""
    if not isinstance(df, pd.DataFrame):
        raise InputError(
            f"from_dataframe needs a pandas DataFrame, got {type(df).__name__}; "
            "for an array use Dendrogram(X)"
        )
    if df.shape[0] == 0:
        raise InputError("the table is empty: clustering needs at least 2 rows")
    num, cat = select_columns(df, label, numeric, categorical)
    _check_rows(df.shape[0])
    if num:
        _check_finite(df[list(num)].to_numpy(dtype=np.float64), [str(c) for c in num])

    transformers: list[tuple[str, Any, list[str]]] = []
    weights: dict[str, float] = {}
    for kind, w, cols in weight_groups(num, cat):
        name = f"{kind}_{len(transformers)}"
        if kind == "num":
            step: Any = StandardScaler() if scale else "passthrough"
        else:
            step = OneHotEncoder(sparse_output=False, handle_unknown="ignore")
        transformers.append((name, step, cols))
        weights[name] = w
    ct = ColumnTransformer(transformers, transformer_weights=weights, sparse_threshold=0.0)
    X = np.asarray(ct.fit_transform(df), dtype=np.float64)
    names = [str(s) for s in ct.get_feature_names_out()]
    return X, names
