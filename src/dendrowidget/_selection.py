"""Selected node ids -> row positions under them, in drawn order, in O(k) for k leaves selected."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from ._errors import InputError
from ._tree import Tree


def check_node_ids(tree: Tree, ids: object, what: str = "selection") -> tuple[int, ...]:
    """Node ids in scipy numbering (leaves 0..n-1, merges n..2n-2), duplicates dropped."""
    top = 2 * tree.n - 2
    if isinstance(ids, (str, bytes)) or not isinstance(ids, Iterable):
        raise InputError(f"{what} is a list of node ids (integers 0..{top}), got {ids!r:.60}")
    out: list[int] = []
    seen: set[int] = set()
    for v in ids:
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
            raise InputError(f"{what} holds node ids (integers 0..{top}), got {v!r:.60}")
        node = int(v)
        if not 0 <= node <= top:
            raise InputError(
                f"node id {node} out of range: leaves are 0..{tree.n - 1}, merges {tree.n}..{top}"
            )
        if node not in seen:
            seen.add(node)
            out.append(node)
    return tuple(out)


def drawn_positions(tree: Tree, nodes: tuple[int, ...]) -> np.ndarray:
    """Drawn positions under the nodes, ascending, each once (nested selections merge)."""
    if not nodes:
        return np.empty(0, dtype=np.int64)
    ids = np.asarray(nodes, dtype=np.int64)
    starts = tree.start[ids]
    ends = starts + tree.count[ids]
    idx = np.lexsort((-ends, starts))  # a containing span sorts before the spans inside it
    starts, ends = starts[idx], ends[idx]
    # Subtree spans are nested or disjoint: keep those not inside an earlier one.
    reach = np.maximum.accumulate(ends)
    keep = np.ones(len(starts), dtype=bool)
    keep[1:] = starts[1:] >= reach[:-1]
    starts, ends = starts[keep], ends[keep]
    return concat_ranges(starts, ends - starts)


def concat_ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """np.concatenate([np.arange(s, s + n) for s, n in ...]) without a Python loop."""
    if len(starts) == 0:
        return np.empty(0, dtype=np.int64)
    shift = starts - np.concatenate([[0], np.cumsum(lengths)[:-1]])
    return np.repeat(shift, lengths) + np.arange(int(lengths.sum()), dtype=np.int64)


def selected_rows(tree: Tree, nodes: tuple[int, ...]) -> np.ndarray:
    return tree.order[drawn_positions(tree, nodes)]
