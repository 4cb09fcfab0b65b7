"""Label search from Python: the synced ``search`` trait and ``search_matches`` (the view's
matches: same rule, checked on a shared fixture the JavaScript tests read too), for trees over
rows and over micro-clusters; the view may set the search, checked like every value it sends."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dendrowidget import Dendrogram, InputError, datasets
from dendrowidget._search import matching_leaves, needle

CASES = Path(__file__).parent / "fixtures" / "search" / "cases.json"

# Labels and queries where case mapping and white space are easy to get wrong.
LABELS = [
    "Apple", "crabapple", "PINEAPPLE", "İstanbul", "istanbul", "STRASSE", "straße", "ΣΊΣΥΦΟΣ",
    "σίσυφος", "ǅemal", "dž", "\u00a0nbsp\u00a0", "tab\there", "emoji 🍒 cherry", "e\u0301clair",
    "éclair", "ﬁne", "FINE", "\ufeffbom", "x\u001cy", "",
]  # fmt: skip
QUERIES = [
    "apple", " APPLE ", "\u00a0apple\u3000", "i̇stanbul", "İSTANBUL", "ss", "ß", "\u03c3", "ς",
    "ΣΊΣΥΦΟΣ", "ǆ", "Ǆ", "nbsp", "\there", "🍒", "é", "e\u0301", "fi", "ﬁ", "\ufeffbom", "\u001cy",
    "x\u001c", "   ", "",
]  # fmt: skip


def cases() -> dict[str, object]:
    order = np.arange(len(LABELS))[::-1].copy()  # drawn right to left: order matters
    return {
        "labels": LABELS,
        "order": order.tolist(),
        "queries": [{"q": q, "matches": matching_leaves(LABELS, order, q)} for q in QUERIES],
    }


def test_the_shared_fixture_is_current() -> None:
    """The JavaScript search (js/core/search.test.js) is checked against this file."""
    assert json.loads(CASES.read_text(encoding="utf-8")) == cases(), (
        "tests/fixtures/search/cases.json is stale: run .venv/bin/python tests/test_search.py"
    )


def test_needle_trims_as_javascript_does() -> None:
    assert needle("\u00a0\u3000Apple\ufeff\n") == "apple"
    assert needle("\u001capple") == "\u001capple"  # Python's strip() would drop U+001C; JS keeps it
    assert needle("\u0085x") == "\u0085x"


@settings(max_examples=60, deadline=None)
@given(
    labels=st.lists(st.text(max_size=8), min_size=2, max_size=30),
    query=st.text(max_size=4),
)
def test_matches_are_the_leaves_whose_label_contains_the_query(
    labels: list[str], query: str
) -> None:
    n = len(labels)
    X = np.random.default_rng(n).normal(size=(n, 2))
    w = Dendrogram(X, labels=labels, search=query)
    q = needle(query)
    want = [r for r in w.leaves if q and q in labels[r].lower()]
    assert w.search_matches == want


def test_fruits_search_in_drawn_order() -> None:
    w = Dendrogram.from_dataframe(
        datasets.fruits(), label="fruit_name", numeric=["weight_grams", "sweetness_level"]
    )
    assert w.search == "" and w.search_matches == []
    w.search = "  APPLE"
    labels = datasets.fruits()["fruit_name"].tolist()
    assert w.search_matches == [r for r in w.leaves if "apple" in labels[r].lower()]
    assert len(w.search_matches) == 18  # 12 Apple + 6 Crabapple
    w.selection = w.search_matches
    assert sorted(w.selected_indices) == sorted(w.search_matches)


def test_micro_cluster_trees_match_their_leaves() -> None:
    rng = np.random.default_rng(1)
    df = pd.DataFrame({"x": rng.normal(size=400), "y": rng.normal(size=400)})
    df["name"] = np.where(df["x"] > 1, "high", "low")
    w = Dendrogram.from_dataframe(df, label="name", numeric=["x", "y"], reduce=40, progress=False)
    w.search = "high"
    leaves = w.search_matches
    assert leaves and all(0 <= v < w.n_leaves for v in leaves)
    assert leaves == [v for v in w.leaves if "high" in w.labels[v].lower()]
    # Selecting them selects the rows inside those micro-clusters.
    w.selection = leaves
    rows = np.flatnonzero(w.row_leaves.isin(leaves).to_numpy())
    assert sorted(w.selected_indices) == rows.tolist()


def test_search_values_are_checked() -> None:
    w = Dendrogram(np.random.default_rng(0).normal(size=(10, 2)))
    for bad in (5, None, ["a"], b"x"):
        with pytest.raises(InputError, match="search must be a string"):
            w.search = bad
    with pytest.raises(InputError, match="under 1,000"):
        w.search = "x" * 1001
    w.search = "a\ud800b"  # a lone surrogate: replaced, so the value always encodes
    assert w.search == "a\ufffdb"


def test_the_view_may_set_the_search() -> None:
    w = Dendrogram(np.random.default_rng(0).normal(size=(10, 2)))
    w.set_state({"search": "3"})
    assert w.search == "3" and w.search_matches == [3]
    with pytest.warns(UserWarning, match="ignored a bad value"):
        w.set_state({"search": 12})
    assert w.search == "3"


if __name__ == "__main__":
    CASES.parent.mkdir(parents=True, exist_ok=True)
    CASES.write_text(json.dumps(cases(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {CASES}", file=sys.stderr)
