"""Generate fruits.csv: the tutorial's realistic synthetic fruit samples (deterministic).

Run `python -m dendrowidget.datasets.make_fruits` to rewrite the CSV. Each fruit type has a typical
weight, sweetness and colour intensity with natural spread; genus is the botanical genus.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

# name: (genus, mean weight g, sd weight, mean sweetness 1-10, mean colour intensity 1-10, rows)
FRUITS: dict[str, tuple[str, float, float, float, float, int]] = {
    "Apple": ("Malus", 180, 25, 6.5, 7.0, 12),
    "Crabapple": ("Malus", 40, 8, 3.0, 7.5, 6),
    "Orange": ("Citrus", 140, 20, 6.8, 8.0, 12),
    "Lemon": ("Citrus", 100, 15, 2.0, 8.5, 10),
    "Lime": ("Citrus", 60, 10, 2.5, 6.5, 8),
    "Grapefruit": ("Citrus", 320, 40, 4.5, 6.0, 8),
    "Mandarin": ("Citrus", 80, 12, 7.5, 8.2, 10),
    "Cherry": ("Prunus", 8, 1.5, 7.0, 9.0, 10),
    "Plum": ("Prunus", 65, 10, 6.0, 7.8, 8),
    "Peach": ("Prunus", 150, 20, 7.2, 6.0, 10),
    "Apricot": ("Prunus", 45, 7, 6.5, 6.8, 8),
    "Blueberry": ("Vaccinium", 1.5, 0.3, 6.0, 8.8, 12),
    "Cranberry": ("Vaccinium", 1.2, 0.25, 2.0, 9.2, 8),
    "Lingonberry": ("Vaccinium", 0.5, 0.1, 3.0, 9.0, 6),
    "Raspberry": ("Rubus", 4.0, 0.8, 5.5, 8.5, 12),
    "Blackberry": ("Rubus", 6.0, 1.2, 5.0, 9.5, 10),
}


def make(seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for name, (genus, w, sw, sweet, color, k) in FRUITS.items():
        weight = np.clip(rng.normal(w, sw, k), w * 0.3, None)
        sweetness = np.clip(rng.normal(sweet, 0.7, k), 1, 10)
        intensity = np.clip(rng.normal(color, 0.6, k), 1, 10)
        for i in range(k):
            rows.append(
                {
                    "fruit_name": name,
                    "genus": genus,
                    "weight_grams": round(float(weight[i]), 1),
                    "sweetness_level": round(float(sweetness[i]), 2),
                    "color_intensity": round(float(intensity[i]), 2),
                }
            )
    df = pd.DataFrame(rows)
    # Shuffle so the table's order says nothing about the clusters.
    return df.sample(frac=1.0, random_state=seed).reset_index(drop=True)


if __name__ == "__main__":
    out = Path(__file__).with_name("fruits.csv")
    make().to_csv(out, index=False)
    print(f"wrote {out}")
