"""Advice on where to cut, and the tree written out: the widget's methods around the engines in
`_branches.py` (per-branch cuts), `_suggest.py` (scores per k) and `_newick.py`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _branches, _newick, _suggest
from ._built import Built

if TYPE_CHECKING:
    from ._tree import Tree

AUTO_SUGGEST_ROWS = 1000  # below this the scores take well under 0.1 s: shown from the start


def suggestions_payload(table: pd.DataFrame) -> dict[str, Any]:
    """What the view's strip along the height axis shows: the silhouette at each k's cut
    height, and the best three heights (highest silhouette) as markers."""
    ok = table.dropna(subset=["height", "silhouette"])
    if ok.empty:
        return {}
    best = ok.sort_values(["silhouette", "height"], ascending=[False, False]).head(3)
    return {
        "k": [int(k) for k in ok.index],
        "height": [float(h) for h in ok["height"]],
        "silhouette": [float(s) for s in ok["silhouette"]],
        "best": [float(h) for h in best["height"]],
    }


class Advice:
    """Mixin for the widget: cut advice and export of the tree."""

    _b: Built
    _t: Tree
    cluster_nodes: tuple[int, ...]
    _suggestions: dict[str, Any]

    def cut_branches(
        self, min_cluster_size: int = 5, method: str = "eom", allow_single_cluster: bool = False
    ) -> tuple[int, ...]:
        """Cut per branch, as HDBSCAN selects clusters: the condensed tree of this tree
        (lambda = 1 / height) and excess of mass (``method="eom"``) or its leaves
        (``"leaf"``). Sets ``cluster_nodes`` (rows under none are outliers, -1) and returns
        them; no cluster of ``min_cluster_size`` rows: every row an outlier (k = 0)."""
        nodes = _branches.cut_branches(self._t, min_cluster_size, method, allow_single_cluster)
        self.cluster_nodes = tuple(int(v) for v in nodes)  # type: ignore[misc]
        return self.cluster_nodes

    def suggest_cuts(
        self, k_max: int = 20, sample: int = 5000, random_state: int = 0
    ) -> pd.DataFrame:
        """Scores of the horizontal cut giving each k = 2..k_max clusters: "height" (midway in
        its gap; NaN where ties make k unreachable), scikit-learn's "silhouette" (the tree's
        metric; on a seeded sample of ``sample`` rows when there are more),
        "calinski_harabasz" and "davies_bouldin" (on ``w.features``), and "gap" (the range of
        heights giving k, relative to its top). Trees without features use the input distances
        for the silhouette, or give NaN scores. The view shows the silhouette beside the
        height axis, with the best three cuts as markers to click."""
        table = self._suggest(k_max, sample, random_state)
        self._suggestions = suggestions_payload(table)
        return table

    def _suggest(self, k_max: int, sample: int, random_state: int) -> pd.DataFrame:
        b = self._b
        plain = not b.rows.expandable  # micro-clusters: the tree's leaves are not rows
        features = b.features.X if b.features is not None and plain else None
        return _suggest.suggest_cuts(
            self._t,
            features=features,
            distances=b.distances,
            metric=b.options.metric or "euclidean",
            k_max=k_max,
            sample=sample,
            random_state=random_state,
        )

    def _auto_suggestions(self) -> dict[str, Any]:
        """The strip for small trees, computed with the build (well under 0.1 s)."""
        b = self._b
        if self._t.n > AUTO_SUGGEST_ROWS or (b.features is None and b.distances is None):
            return {}
        if b.rows.expandable:
            return {}
        return suggestions_payload(self._suggest(20, 5000, 0))

    def to_newick(self, path: str | Path | None = None) -> str:
        """The tree in Newick format: children in drawn order, branch lengths (parent height -
        child height; 0 where an inversion would make it negative), labels quoted by Newick's
        rules. Written to ``path`` (UTF-8) when given; the text is returned either way."""
        text = _newick.to_newick(self._t, self._labels_for_export())
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def _labels_for_export(self) -> list[str]:
        lab = self._b.labels
        return list(lab) if lab is not None else [str(i) for i in range(self._t.n)]
