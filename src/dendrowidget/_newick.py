"""The tree as Newick text, with branch lengths and safely quoted labels, without recursion.

Newick nests each merge's two subtrees in parentheses. In drawn order that text is, for each
drawn position p: an opening parenthesis for every merge whose leftmost leaf is p, the leaf's
label, a closing parenthesis for every merge whose rightmost leaf is p (innermost first), then a
comma, or the final semicolon. So the text is laid out by counting, not by walking the tree:
a 1,000,000-deep single-linkage chain is as easy as a balanced tree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ._errors import InputError
from ._tree import Tree

_PLAIN = re.compile(r"[A-Za-z0-9.\-]+")
_ALL_PLAIN = re.compile(r"(?:[A-Za-z0-9.\-]+\n)*[A-Za-z0-9.\-]+")  # labels joined by newlines


def quote(label: str) -> str:
    """A Newick label: as is when it holds only letters, digits, '.' and '-'; otherwise in
    single quotes with each quote doubled (the Newick rule), so parentheses, commas, colons,
    semicolons, brackets, blanks and underscores (a blank in unquoted Newick) stay text."""
    if _PLAIN.fullmatch(label):
        return label
    return "'" + label.replace("'", "''") + "'"


def to_newick(tree: Tree, labels: Sequence[object]) -> str:
    """Newick text of `tree`, children in drawn order, leaves named by `labels` (one per row,
    taken as str), each branch as long as the height between a node and its parent.

    With inversions (centroid, median) a node can sit above its parent; its branch is then
    written as 0 rather than negative, which many Newick readers refuse. Lengths are Python's
    shortest round-trip form of the float64 difference.
    """
    n = tree.n
    if len(labels) != n:
        raise InputError(f"to_newick needs one label per row: {n} rows, got {len(labels)} labels")
    node_height = np.concatenate([np.zeros(n), tree.height])
    length = np.maximum(node_height[tree.parent] - node_height, 0.0)
    lengths = list(map(repr, length.tolist()))
    names = [str(x) for x in labels]
    joined = "\n".join(names)  # one regex pass for the common case; a label's own line break
    if not (_ALL_PLAIN.fullmatch(joined) and joined.count("\n") == n - 1):  # shows in the count
        names = [quote(x) for x in names]
    order = tree.order.tolist()
    leaf = [f"{names[r]}:{lengths[r]}" for r in order]

    inner = np.arange(n, 2 * n - 1)
    start = tree.start[inner].astype(np.int64)
    end = start + tree.count[inner] - 1
    opens = np.bincount(start, minlength=n)
    closes = np.bincount(end, minlength=n)
    # Slots: each position p holds its opening run, its leaf, its closings, its separator.
    width = 3 + closes
    base = np.cumsum(width) - width
    tokens = np.empty(int(width.sum()), dtype=object)
    tokens[base] = ["(" * c for c in opens.tolist()]
    tokens[base + 1] = leaf
    by_end = np.lexsort((tree.count[inner], end))  # innermost (fewest leaves) first
    e = end[by_end]
    rank = np.arange(len(e)) - np.searchsorted(e, e)  # place among closings at the same p
    ids = inner[by_end]
    closing = ["):" + lengths[v] for v in ids.tolist()]
    closing[-1] = ")"  # the root ends last and has no branch above it
    tokens[base[e] + 2 + rank] = closing
    sep = np.full(n, ",", dtype=object)
    sep[-1] = ";"
    tokens[base + width - 1] = sep
    return "".join(tokens.tolist())
