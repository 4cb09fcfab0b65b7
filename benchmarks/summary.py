"""cluster_summary, explain and the heatmap payload at 1,000,000 rows x 20 columns, with pandas
doing the same work (groupby, masks, value_counts) as the anchor measured in the same run.
Prints a markdown table for the README.

    python benchmarks/summary.py [--quick]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
from engine import best  # run as a script: benchmarks/ is on the path

from dendrowidget._explain import explain
from dendrowidget._heatmap import heatmap_payload
from dendrowidget._payload import payload_bytes
from dendrowidget._summary import cluster_summary


def table(n: int, rng: np.random.Generator) -> tuple[pd.DataFrame, list[str], list[str]]:
    """16 numeric columns (1% NaN) and 4 categorical ones (text and pandas Categoricals)."""
    data: dict[str, object] = {}
    for j in range(16):
        x = rng.normal(j, 1 + j, n)
        x[rng.random(n) < 0.01] = np.nan
        data[f"x{j}"] = x
    words = np.array(["oak", "ash", "elm", "yew", "fir"], dtype=object)
    data["c0"] = words[rng.integers(0, 5, n)]
    data["c1"] = pd.Categorical.from_codes(rng.integers(0, 12, n), [f"k{i}" for i in range(12)])
    data["c2"] = words[rng.integers(0, 3, n)]
    data["c3"] = pd.Categorical.from_codes(rng.integers(0, 40, n), [f"z{i}" for i in range(40)])
    df = pd.DataFrame(data)
    return df, [f"x{j}" for j in range(16)], ["c0", "c1", "c2", "c3"]


def pandas_summary(df: pd.DataFrame, num: list[str], cat: list[str], ids: np.ndarray) -> None:
    keep = ids >= 1
    g = df[keep].groupby(ids[keep], observed=True)
    g[num].mean()
    g.size()
    for c in cat:
        g[c].agg(lambda s: s.value_counts().idxmax())


def pandas_explain(df: pd.DataFrame, num: list[str], cat: list[str], ins: np.ndarray) -> None:
    a, b = df[ins], df[~ins]
    (a[num].mean() - b[num].mean()) / df[num].std(ddof=0)
    for c in cat:
        a[c].value_counts(normalize=True).sub(b[c].value_counts(normalize=True), fill_value=0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="100,000 rows, for a smoke run")
    args = ap.parse_args()
    n = 100_000 if args.quick else 1_000_000
    rng = np.random.default_rng(0)
    df, num, cat = table(n, rng)
    order = rng.permutation(n)  # drawn order
    # A cut: 50 clusters, each a contiguous run of drawn positions, a few outliers.
    drawn_ids = np.repeat(np.arange(1, 51), -(-n // 50))[:n]
    drawn_ids[rng.random(n) < 0.001] = -1
    ids = np.empty(n, dtype=np.int64)
    ids[order] = drawn_ids
    inside = np.zeros(n, dtype=bool)
    inside[order[n // 10 : n // 5]] = True  # a subtree: 10% of the rows, contiguous when drawn

    cold = time.perf_counter()
    cluster_summary(df, num, cat, ids)
    cold = time.perf_counter() - cold
    t_summary = best(lambda: cluster_summary(df, num, cat, ids))
    t_pd_summary = best(lambda: pandas_summary(df, num, cat, ids), repeat=3)
    t_explain = best(lambda: explain(df, num, cat, inside))
    t_pd_explain = best(lambda: pandas_explain(df, num, cat, inside), repeat=3)

    heat = pd.DataFrame(rng.normal(size=(n, 20)), columns=[f"h{j}" for j in range(20)])
    t_payload = best(lambda: heatmap_payload(heat, list(heat.columns), order), repeat=3)
    p = heatmap_payload(heat, list(heat.columns), order)
    per_cell = payload_bytes(p) / (n * 20)

    rows = f"{n:,} rows x 20 columns (16 numeric with 1% NaN, 4 categorical)"
    print(f"### summary and explain, {rows}\n")
    print("| step | dendrowidget | pandas (same run) |")
    print("|---|---|---|")
    print(
        f"| cluster_summary, 50 clusters | {t_summary * 1e3:,.0f} ms (first call "
        f"{cold * 1e3:,.0f} ms) | {t_pd_summary * 1e3:,.0f} ms (groupby mean + value_counts) |"
    )
    print(
        f"| explain, 10% of the rows vs the rest | {t_explain * 1e3:,.0f} ms | "
        f"{t_pd_explain * 1e3:,.0f} ms (masks, mean, std, value_counts) |"
    )
    print(
        f"| heatmap payload, {n:,} x 20 | {t_payload * 1e3:,.0f} ms to encode, "
        f"{per_cell:.4f} bytes per cell ({payload_bytes(p) / 1e6:,.1f} MB) | - |"
    )


if __name__ == "__main__":
    main()
