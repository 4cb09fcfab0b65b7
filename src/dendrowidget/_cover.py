"""Selected leaves -> the fewest subtrees that hold exactly them (the inverse of `_selection`).

A node is *full* when every leaf under it is selected. Leaves under a node are one contiguous
run of drawn positions, so one prefix sum over the drawn order answers "full?" for every node at
once; the cover is the full nodes whose parent is not full. O(n) numpy, no recursion and no Python
loop per node, whatever the tree's depth.
"""

from __future__ import annotations

import numpy as np

from ._tree import Tree


def full_nodes(tree: Tree, leaf_selected: np.ndarray) -> np.ndarray:
    """Boolean per node id: every leaf under the node is selected."""
    by_position = leaf_selected[tree.order].astype(np.int64)
    before = np.concatenate([[0], np.cumsum(by_position)])
    return before[tree.start + tree.count] - before[tree.start] == tree.count


def cover(tree: Tree, leaf_selected: np.ndarray) -> tuple[int, ...]:
    """Node ids of the maximal full subtrees, left to right as drawn: their leaves are exactly
    the selected ones, and no fewer subtrees can hold exactly those leaves."""
    full = full_nodes(tree, leaf_selected)
    top = full & ~full[tree.parent]
    root = 2 * tree.n - 2
    top[root] = full[root]  # the root is its own parent
    nodes = np.flatnonzero(top)
    return tuple(int(v) for v in nodes[np.argsort(tree.start[nodes], kind="stable")])
