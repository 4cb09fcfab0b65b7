"""Hypothesis strategy for small mixed frames: NaN, +-inf, pandas NA, ties, unused categories."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import strategies as st

NUMERIC = ["f", "ints", "nullable", "flag", "const"]
CATEGORICAL = ["word", "ordered"]


@st.composite
def mixed_frames(draw: st.DrawFn, min_rows: int = 1, max_rows: int = 40) -> pd.DataFrame:
    n = draw(st.integers(min_rows, max_rows))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    nan_rate = draw(st.sampled_from([0.0, 0.2, 0.9]))

    def holes() -> np.ndarray:
        return rng.random(n) < nan_rate

    f = rng.integers(-3, 4, n).astype(float) * 0.5  # few values: ties everywhere
    f[holes()] = np.nan
    if draw(st.booleans()):
        f[rng.random(n) < 0.1] = np.inf
    ints = rng.integers(0, 1000, n)
    nullable = pd.array(rng.integers(-5, 5, n), dtype="Int64")
    nullable[holes()] = pd.NA
    flag = pd.array(rng.random(n) < 0.5, dtype="boolean")
    flag[holes()] = pd.NA
    word = rng.choice(np.array(["pear", "fig", "kiwi"], dtype=object), n)
    word[holes()] = None
    ordered = pd.Categorical(
        rng.choice(["lo", "mid", "hi"], n), categories=["lo", "mid", "hi", "unused"]
    )
    ordered[holes()] = np.nan
    return pd.DataFrame(
        {
            "f": f,
            "ints": ints,
            "nullable": nullable,
            "flag": flag,
            "const": np.full(n, 2.5),
            "word": word,
            "ordered": ordered,
        }
    )


def finite(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as the engines read it: +-inf counts as missing."""
    return frame.replace([np.inf, -np.inf], np.nan)
