"""Table or array -> numeric feature matrix, with errors that say what to fix."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from ._arrays import as_float_array
from ._errors import ColumnError, InputError
from ._options import Options


@dataclass(frozen=True)
class Features:
    """What the linkage sees: one float64 row per input row, and a name per column."""

    X: np.ndarray
    names: list[str]


def check_finite(values: np.ndarray, names: Sequence[str]) -> None:
    bad = ~np.isfinite(values)
    if bad.any():
        per_col = bad.sum(axis=0)
        detail = ", ".join(f"{names[j]!s}: {int(c)}" for j, c in enumerate(per_col) if c)
        raise InputError(
            f"the features have {int(bad.sum())} NaN, missing or infinite value(s) ({detail}). "
            "Drop those rows (df.dropna()) or fill them (sklearn.impute.SimpleImputer) first."
        )


def check_rows(n: int) -> None:
    if n < 2:
        raise InputError(f"hierarchical clustering needs at least 2 rows, got {n}")


def _numeric_frame(df: pd.DataFrame, cols: list[Hashable]) -> np.ndarray:
    """Numeric columns as float64 with NaN for missing (nullable dtypes' pd.NA included)."""
    complex_cols = [c for c in cols if pd.api.types.is_complex_dtype(df[c])]
    if complex_cols:
        raise InputError(
            f"column(s) {[str(c) for c in complex_cols]} hold complex numbers; distances need "
            "real values: split them into real and imaginary columns, or take their abs()"
        )
    return df[cols].to_numpy(dtype=np.float64, na_value=np.nan, copy=True)


def features_from_array(data: Any) -> Features:
    """A 2-D numeric array-like or a numeric DataFrame, as a private float64 copy."""
    names: list[str] | None = None
    if isinstance(data, pd.DataFrame):
        check_unique_columns(data, list(data.columns))
        non_numeric = [
            str(c)
            for c in data.columns
            if not pd.api.types.is_numeric_dtype(data[c]) or pd.api.types.is_bool_dtype(data[c])
        ]
        if non_numeric:
            raise InputError(
                f"column(s) {non_numeric} are not numeric. Use Dendrogram.from_dataframe(df, "
                "label=..., numeric=[...], categorical=[...]) to encode them, or drop them."
            )
        names = [str(c) for c in data.columns]
        X = _numeric_frame(data, list(data.columns))
    else:
        X = as_float_array(data, "data")
    if X.ndim == 1:
        raise InputError(
            f"data must be 2-D (rows x features), got a 1-D array of {X.shape[0]} values; "
            "for one feature use X.reshape(-1, 1)"
        )
    if X.ndim != 2:
        raise InputError(f"data must be 2-D (rows x features), got {X.ndim}-D")
    check_rows(X.shape[0])
    if X.shape[1] == 0:
        raise InputError("data has no feature columns")
    names = names or [f"x{j}" for j in range(X.shape[1])]
    check_finite(X, names)
    return Features(X, names)


def check_columns(df: pd.DataFrame, cols: Sequence[Any], what: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ColumnError(
            f"{what} column(s) {missing} not in the table; available columns: "
            f"{[str(c) for c in df.columns]}"
        )


def check_unique_columns(df: pd.DataFrame, cols: Sequence[Any]) -> None:
    """A column name that the table holds twice cannot say which column it means."""
    if not df.columns.has_duplicates:
        return
    dup = set(df.columns[df.columns.duplicated()].tolist())
    clash = sorted({str(c) for c in cols if c in dup})
    if clash:
        raise InputError(
            f"the table has more than one column named {clash}; rename them first "
            "(df.columns = [...]) so each name means one column"
        )


def _is_plain_numeric(s: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)


def select_columns(
    df: pd.DataFrame, o: Options
) -> tuple[dict[Hashable, float], dict[Hashable, float]]:
    """Numeric and categorical columns with their weights, checked against the table (a pandas
    frame, or a dask frame's empty `_meta`). numeric=None: every numeric column but the label
    and the categorical ones."""
    if o.label is not None:
        check_columns(df, [o.label], "label")
    cat = o.categorical_weights
    check_columns(df, list(cat), "categorical")
    if o.numeric is None:
        skip = set(cat) | ({o.label} if o.label is not None else set())
        cols = [c for c in dict.fromkeys(df.columns) if c not in skip]
        check_unique_columns(df, cols)
        num = {c: 1.0 for c in cols if _is_plain_numeric(df[c])}
    else:
        num = dict(o.numeric)
        check_columns(df, list(num), "numeric")
    check_unique_columns(df, [*num, *cat, *([o.label] if o.label is not None else [])])
    non_numeric = [f"{c!r} ({df[c].dtype})" for c in num if not _is_plain_numeric(df[c])]
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


_NUMBER_KINDS = frozenset({"int", "float", "int64", "float64", "int32", "float32"})


def mixes_kinds(values: pd.Series) -> bool:
    """Do the column's present values mix kinds (text and numbers, say)? Then one encoder
    cannot sort them, and they are compared as text."""
    kinds = {type(v).__name__ for v in values[values.notna()]}
    return len(kinds) > 1 and not kinds <= _NUMBER_KINDS


def categories(s: pd.Series, as_text: bool | None = None) -> pd.Series:
    """A categorical column as values one encoder can sort: missing values (None, NaN, pd.NA)
    become None (their own category, as scikit-learn's OneHotEncoder does), and a column mixing
    kinds is compared as text (as_text=None: decide from this column)."""
    obj = s.astype(object)
    present = obj.notna()
    obj = obj.where(present, None)
    if as_text is None:
        as_text = mixes_kinds(obj)
    if as_text:
        obj = obj.where(~present, obj.map(str, na_action="ignore"))
    return obj


def weight_groups(
    num: dict[Hashable, float], cat: dict[Hashable, float]
) -> list[tuple[str, float, list[Hashable]]]:
    """(kind, weight, columns): one group per distinct weight, numeric first, weights ascending.
    ColumnTransformer weights whole transformers, so this is also the feature column order."""
    return [
        (kind, w, [c for c, cw in spec.items() if cw == w])
        for kind, spec in (("num", num), ("cat", cat))
        for w in sorted(set(spec.values()))
    ]


def features_from_dataframe(df: pd.DataFrame, o: Options) -> Features:
    """The tutorial's pipeline, generalised: scaled numeric columns plus weighted one-hot
    categorical columns, each multiplied by its weight, via scikit-learn's ColumnTransformer."""
    if not isinstance(df, pd.DataFrame):
        raise InputError(
            f"from_dataframe needs a pandas DataFrame, got {type(df).__name__}; "
            "for an array use Dendrogram(X)"
        )
    if df.shape[0] == 0:
        raise InputError("the table is empty: clustering needs at least 2 rows")
    num, cat = select_columns(df, o)
    check_rows(df.shape[0])
    # The transformer sees positional string names: column labels may be ints, tuples
    # (MultiIndex) or a mix, which scikit-learn refuses.
    inner: dict[str, Any] = {}
    names_of: dict[str, Hashable] = {}
    for i, c in enumerate(num):
        inner[f"n{i}"] = _numeric_frame(df, [c])[:, 0]
        names_of[f"n{i}"] = c
    if num:
        check_finite(np.column_stack([inner[k] for k in inner]), [str(c) for c in num])
    for i, c in enumerate(cat):
        inner[f"c{i}"] = pd.Series(categories(df[c]).to_numpy(), dtype=object)
        names_of[f"c{i}"] = c
    flat = pd.DataFrame(inner)
    key = {v: k for k, v in names_of.items()}

    transformers: list[tuple[str, Any, list[str]]] = []
    weights: dict[str, float] = {}
    for kind, w, cols in weight_groups(num, cat):
        name = f"{kind}_{len(transformers)}"
        if kind == "num":
            step: Any = StandardScaler() if o.scale else "passthrough"
        else:
            step = OneHotEncoder(sparse_output=False, handle_unknown="ignore")
        transformers.append((name, step, [key[c] for c in cols]))
        weights[name] = w
    ct = ColumnTransformer(transformers, transformer_weights=weights, sparse_threshold=0.0)
    X = np.asarray(ct.fit_transform(flat), dtype=np.float64)
    return Features(X, _feature_names(ct, names_of))


def _feature_names(ct: ColumnTransformer, names_of: dict[str, Hashable]) -> list[str]:
    """ "weight_grams" for a number, "genus=Citrus" for a one-hot column."""
    out: list[str] = []
    for _name, step, cols in ct.transformers_:
        if isinstance(step, OneHotEncoder):
            for col, cats in zip(cols, step.categories_, strict=True):
                out.extend(f"{names_of[col]}={'<missing>' if pd.isna(v) else v}" for v in cats)
        elif step != "drop":
            out.extend(str(names_of[c]) for c in cols)
    return out
