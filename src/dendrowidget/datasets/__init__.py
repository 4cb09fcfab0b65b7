"""Bundled example data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["fruits"]


def fruits() -> pd.DataFrame:
    """The tutorial's synthetic fruit samples: 150 rows of weight_grams, sweetness_level,
    color_intensity, genus (5 botanical genera) and fruit_name (16 fruits)."""
    return pd.read_csv(Path(__file__).with_name("fruits.csv"))
