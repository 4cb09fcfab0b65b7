"""Cell sources of the test notebooks, and the kernel-side helpers the tests call."""

from __future__ import annotations

import json
from pathlib import Path


class Hidden(str):
    """A cell whose source is collapsed in the notebook (the helpers: out of the screenshots)."""


FRUIT_WIDGET = """\
from dendrowidget import Dendrogram, datasets

df = datasets.fruits()
w = Dendrogram.from_dataframe(
    df,
    label="fruit_name",
    numeric=["weight_grams", "sweetness_level", "color_intensity"],
    categorical={"genus": 3.0},
    method="ward",
    distance_sort="ascending",
)"""

# Oracles computed in the kernel independently of the widget's own answers: scipy's fcluster for
# partitions, a plain walk of the linkage matrix for the leaves under a node and for positions.
HELPERS = '''\
import json as _json

import numpy as _np
from scipy.cluster.hierarchy import fcluster as _fcluster


def _same_partition(a, b):
    a, b = _np.asarray(a).tolist(), _np.asarray(b).tolist()
    return len(set(zip(a, b))) == len(set(a)) == len(set(b))


def _cut_is_fcluster(w):
    """w.clusters is fcluster's partition at w.cut_height (criterion "distance")."""
    ref = _fcluster(w.linkage, w.cut_height, criterion="distance")
    return _same_partition(w.clusters.to_numpy(), ref)


def _leaves_under(w, node):
    Z, n = w.linkage, w.n_leaves
    out, stack = [], [int(node)]
    while stack:
        v = stack.pop()
        if v < n:
            out.append(v)
        else:
            stack.extend((int(Z[v - n, 0]), int(Z[v - n, 1])))
    return sorted(out)


def _partition_matches_nodes(w):
    """w.clusters: the rows under each of w.cluster_nodes share one id, 1..k left to right as
    drawn, every other row -1."""
    ids = w.clusters.to_numpy()
    expected = _np.full(w.n_leaves, -1)
    pos = {r: p for p, r in enumerate(w.leaves)}
    firsts = sorted((min(pos[r] for r in _leaves_under(w, v)), v) for v in w.cluster_nodes)
    for c, (_, v) in enumerate(firsts, start=1):
        expected[_leaves_under(w, v)] = c
    return bool((ids == expected).all())


def _layout(w):
    """x (leaf units: drawn position p is centred at p + 0.5) and height of every node."""
    Z, n = w.linkage, w.n_leaves
    x = _np.zeros(2 * n - 1)
    h = _np.zeros(2 * n - 1)
    x[_np.asarray(w.leaves)] = _np.arange(n) + 0.5
    for i in range(n - 1):
        a, b = int(Z[i, 0]), int(Z[i, 1])
        x[n + i] = (x[a] + x[b]) / 2
        h[n + i] = Z[i, 2]
    return x, h


def _geometry(w):
    x, h = _layout(w)
    Z, n = w.linkage, w.n_leaves
    start = _np.zeros(2 * n - 1, dtype=int)  # drawn position of each node's first leaf
    start[_np.asarray(w.leaves)] = _np.arange(n)
    for i in range(n - 1):
        start[n + i] = min(start[int(Z[i, 0])], start[int(Z[i, 1])])
    return {
        "start": start.tolist(),
        "n": n,
        "x": x.tolist(),
        "h": h.tolist(),
        "left": Z[:, 0].astype(int).tolist(),
        "right": Z[:, 1].astype(int).tolist(),
        "count": [1] * n + Z[:, 3].astype(int).tolist(),
        "steps": w.cut_steps.tolist(),
        "leaves": list(w.leaves),
        "labels": w.labels,
    }


def _subtree_window(w, node):
    """The view window that shows node's subtree: its leaves' drawn span, up to 5% above it."""
    pos = sorted(list(w.leaves).index(r) for r in _leaves_under(w, node))
    _, h = _layout(w)
    n = w.n_leaves
    mine = set(_leaves_under(w, node))
    top = max([h[v] for v in range(n, 2 * n - 1) if set(_leaves_under(w, v)) <= mine] or [0.0])
    return [float(pos[0]), float(pos[-1] + 1), 0.0, top * 1.05 if top > 0 else 1.0]


def _spans(w):
    """Drawn position of each node's first leaf, and its number of leaves (from Z alone)."""
    Z, n = w.linkage, w.n_leaves
    start = _np.zeros(2 * n - 1, dtype=_np.int64)
    start[_np.asarray(w.leaves)] = _np.arange(n)
    count = _np.concatenate([_np.ones(n, dtype=_np.int64), Z[:, 3].astype(_np.int64)])
    for i in range(n - 1):
        start[n + i] = min(start[int(Z[i, 0])], start[int(Z[i, 1])])
    return start, count


def _cover(w, positions):
    """The smallest subtrees covering exactly the leaves at these drawn positions: nodes whose
    leaves are all among them and whose parent's are not (brute force, ascending ids)."""
    start, count = _spans(w)
    mark = _np.zeros(w.n_leaves + 1, dtype=_np.int64)
    mark[_np.asarray(sorted(set(positions)), dtype=_np.int64) + 1] = 1
    csum = _np.cumsum(mark)
    full = (csum[start + count] - csum[start]) == count
    Z, n = w.linkage, w.n_leaves
    parent = _np.full(2 * n - 1, -1)
    parent[Z[:, 0].astype(int)] = _np.arange(n, 2 * n - 1)
    parent[Z[:, 1].astype(int)] = _np.arange(n, 2 * n - 1)
    return [int(v) for v in range(2 * n - 1) if full[v] and (parent[v] < 0 or not full[parent[v]])]


def _highest_inside(w, x0, x1):
    """The highest merge whose leaves are all visible in the leaf window [x0, x1] (a leaf is
    visible when its centre p + 0.5 is); with no such merge, the lowest one joining them."""
    start, count = _spans(w)
    n = w.n_leaves
    lo, hi = int(_np.ceil(x0 - 0.5)), int(_np.floor(x1 - 0.5))
    h = w.linkage[:, 2]
    s, c = start[n:], count[n:]
    inside = (s >= lo) & (s + c - 1 <= hi)
    if inside.any():
        return float(h[inside].max())
    joins = _np.flatnonzero((s <= lo) & (s + c - 1 >= hi))
    return float(h[joins[c[joins].argmin()]])  # their lowest common ancestor


def _state(w):
    return {
        "cut_height": w.cut_height,
        "n_clusters": w.n_clusters,
        "selection": list(w.selection),
        "selected_labels": w.selected_labels,
        "view_window": list(w.view_window),
    }'''


def py(value: object) -> str:
    """A Python literal for a JSON-able value (strings with any characters)."""
    return f"_json.loads({json.dumps(json.dumps(value))})"


def write_notebook(root: Path, name: str, cells: list[str]) -> str:
    """Write `name`.ipynb into `root` with a python3 kernelspec (without one, a "Select Kernel"
    dialog blocks the page); a source given as `Hidden(...)` is written with its input collapsed.
    Returns the file name."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell(
            str(src),
            metadata={"jupyter": {"source_hidden": True}} if isinstance(src, Hidden) else {},
        )
        for src in cells
    ]
    path = root / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path.name
