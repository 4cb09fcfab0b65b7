"""Past the O(n^2) wall: time and peak memory of big builds, each in a fresh process so the peak
is its own. Prints a markdown table for the README.

    python benchmarks/scale.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

CASES = {
    "vector": """
import numpy as np, time
from dendrowidget import Dendrogram
X = np.random.default_rng(0).normal(size=({n}, 10))
t = time.perf_counter(); w = Dendrogram(X, method="ward"); w.n_clusters = 12
print(time.perf_counter() - t)
""",
    "reduce": """
import numpy as np, pandas as pd, time
from dendrowidget import Dendrogram
df = pd.DataFrame(np.random.default_rng(0).normal(size=({n}, 10)))
df.columns = [f"f{{i}}" for i in range(10)]
t = time.perf_counter()
w = Dendrogram.from_dataframe(df, reduce=2000, progress=False); w.n_clusters = 12; w.clusters
print(time.perf_counter() - t)
""",
    "scipy": """
import numpy as np, time
from scipy.cluster.hierarchy import linkage
X = np.random.default_rng(0).normal(size=({n}, 10))
t = time.perf_counter(); linkage(X, "ward"); print(time.perf_counter() - t)
""",
}

WRAP = """
import resource, sys
{code}
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def measure(case: str, n: int) -> tuple[float, float]:
    code = WRAP.format(code=CASES[case].format(n=n))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, peak = out.stdout.split()[-2:]
    return float(seconds), float(peak) / 1024**3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    runs = (
        [("scipy", 5_000), ("vector", 5_000), ("reduce", 50_000)]
        if args.quick
        else [("scipy", 20_000), ("vector", 20_000), ("vector", 100_000), ("reduce", 1_000_000)]
    )
    what = {
        "scipy": "scipy `linkage(X, 'ward')` (anchor)",
        "vector": "`Dendrogram(X, method='ward')` (fastcluster.linkage_vector)",
        "reduce": "`from_dataframe(df, reduce=2000)` (MiniBatchKMeans + weighted Ward)",
    }
    print("| build | rows x features | time | peak memory |")
    print("|---|---|---|---|")
    results = []
    for case, n in runs:
        s, gib = measure(case, n)
        results.append({"case": case, "n": n, "seconds": s, "peak_gib": gib})
        print(f"| {what[case]} | {n:,} x 10 | {s:,.1f} s | {gib:.2f} GiB |", flush=True)
    print(json.dumps(results), file=sys.stderr)


if __name__ == "__main__":
    main()
