"""Per-branch cuts: HDBSCAN's cluster selection (excess of mass, or leaves) on any linkage tree.

scikit-learn's HDBSCAN builds a single-linkage tree, condenses it (lambda = 1 / height; a merge
whose two sides both hold at least `min_cluster_size` rows is a split, a smaller side "falls out"
of its cluster), scores each condensed cluster's stability and selects clusters. Here the same
selection runs on the tree we already have, as numpy passes over node ids instead of a walk:

- a node is *big* when it holds >= min_cluster_size rows; a condensed cluster is a chain of big
  nodes (each the big child of the one above) from its *birth* node (the root, or a child of a
  split) down to its *end* (a split, or a node whose two sides are both small: it dissolves);
- the rows of a condensed cluster are the rows under its birth node, so a selection is a list of
  disjoint subtrees, and the rows under none of them are outliers.

Stabilities are summed in the order scikit-learn sums them (its condensed tree is breadth-first,
one term per fallen-out row), so they are bit-identical to scikit-learn's on the same tree
(`tree.linkage`), zero heights (lambda = inf, stabilities inf or NaN) included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from ._errors import InputError
from ._tree import Tree

# Below this many clusters ready at once, a plain loop beats another round of numpy calls.
SEQUENTIAL_BELOW = 32


def cut_branches(
    tree: Tree,
    min_cluster_size: int = 5,
    method: Literal["eom", "leaf"] = "eom",
    allow_single_cluster: bool = False,
) -> np.ndarray:
    """HDBSCAN's cluster selection on `tree`: node ids of the selected subtrees, left to right.

    On single linkage of euclidean rows this is the partition of `sklearn.cluster.HDBSCAN(
    min_cluster_size, min_samples=1, cluster_selection_method=method, allow_single_cluster=...)`
    (min_samples=1 makes mutual reachability the plain distance): the rows under each returned
    node are one cluster, rows under none are noise (-1). No cluster qualifying gives an empty
    array: every row is noise.

    Ties: scikit-learn builds its own single-linkage tree from a minimum spanning tree; where
    distances tie, it may merge equal-height pairs in another order than scipy, and that order
    decides how many rows each side of a merge holds, hence the condensed tree. On one and the
    same tree the selection here equals scikit-learn's (tested against its own code, ties and
    zero heights included).

    With `allow_single_cluster` and the root selected, scikit-learn keeps only the rows that fall
    out of the root at its largest lambda: on a tree without inversions these are the rows under
    the highest node of the root's chain with that lambda, which is the node returned. With
    method="leaf" and no split at all, scikit-learn selects nothing whatever
    `allow_single_cluster` says, and so does this.

    Inversions (centroid, median; scikit-learn never builds them) make some lambdas fall below
    their cluster's birth and stabilities negative; the rules stay the same. Two cases have no
    scikit-learn answer to match: the single root cluster keeps every row of the subtree above,
    where its per-row rule would drop some, and a single non-root cluster (its labelling raises
    KeyError there) is returned as it is.
    """
    mcs = _check_args(tree, min_cluster_size, method, allow_single_cluster)
    c = condense(tree, mcs)
    if method == "leaf":
        if c.n_clusters == 1:
            return np.empty(0, dtype=np.int64)
        chosen = c.kid_a < 0
        chosen[c.root] = False
    else:
        chosen = excess_of_mass(c, stability(c))
        chosen[c.root] &= bool(allow_single_cluster)
    nodes = outermost(tree, c.births[chosen])
    if len(nodes) == 1 and nodes[0] == 2 * tree.n - 2:
        nodes = np.array([_single_root_node(c)], dtype=np.int64)
    return nodes[np.argsort(tree.start[nodes], kind="stable")].astype(np.int64)


def _check_args(tree: Tree, mcs: object, method: object, allow_single: object) -> int:
    if isinstance(mcs, bool) or not isinstance(mcs, (int, np.integer)) or mcs < 2:
        raise InputError(
            f"min_cluster_size must be an integer >= 2 (the fewest rows a cluster may have), "
            f"got {mcs!r}"
        )
    if method not in ("eom", "leaf"):
        raise InputError(
            f'method must be "eom" (excess of mass: the most stable clusters) or "leaf" '
            f"(the finest clusters), got {method!r}"
        )
    if not isinstance(allow_single, (bool, np.bool_)):
        raise InputError(f"allow_single_cluster must be True or False, got {allow_single!r}")
    return int(mcs)


@dataclass
class Condensed:
    """The condensed tree as arrays: per chain node (big nodes and the root, ascending ids) and
    per cluster (indexed by the rank of its birth node id, so children come before parents and
    the root cluster is last)."""

    nodes: np.ndarray  # chain node ids
    lam: np.ndarray  # their lambda
    split: np.ndarray  # bool: both sides big (two clusters are born)
    fall: np.ndarray  # rows falling out here (a small side, or all rows where it dissolves)
    size_l: np.ndarray  # rows on each side (used at splits)
    size_r: np.ndarray
    cluster: np.ndarray  # each chain node's cluster
    births: np.ndarray  # each cluster's birth node id
    born: np.ndarray  # each cluster's birth lambda (0 for the root)
    kid_a: np.ndarray  # child clusters (-1: a leaf of the cluster tree)
    kid_b: np.ndarray
    up: np.ndarray  # parent cluster (-1: the root)

    @property
    def n_clusters(self) -> int:
        return len(self.births)

    @property
    def root(self) -> int:
        return len(self.births) - 1


def condense(tree: Tree, mcs: int) -> Condensed:
    n = tree.n
    root = 2 * n - 2
    count = tree.count
    big = count >= mcs
    big_or_root = big.copy()
    big_or_root[root] = True
    nodes = np.flatnonzero(big_or_root)
    merge = nodes - n
    left, right = tree.left[merge], tree.right[merge]
    big_l, big_r = big[left], big[right]
    split = big_l & big_r
    h = tree.height[merge]
    lam = np.full(len(h), np.inf)
    np.divide(1.0, h, out=lam, where=h > 0.0)  # as scikit-learn: 1 / h if h > 0, else inf
    fall = np.where(big_l | big_r, np.where(big_l, count[right], count[left]), count[nodes])
    births = np.sort(np.concatenate([left[split], right[split], [root]]))
    k = len(births)
    cid = np.full(2 * n - 1, -1, dtype=np.int64)  # node id -> cluster (births only)
    cid[births] = np.arange(k)
    at = np.full(2 * n - 1, -1, dtype=np.int64)  # node id -> position in `nodes`
    at[nodes] = np.arange(len(nodes))
    cluster = _cluster_of(nodes, at, cid, tree.parent)
    kid_a = np.full(k, -1, dtype=np.int64)
    kid_b = np.full(k, -1, dtype=np.int64)
    ends = cluster[split]
    kid_a[ends] = cid[left[split]]
    kid_b[ends] = cid[right[split]]
    up = np.full(k, -1, dtype=np.int64)
    up[kid_a[ends]] = ends
    up[kid_b[ends]] = ends
    born = np.zeros(k)
    born[:-1] = lam[at[tree.parent[births[:-1]]]]
    return Condensed(
        nodes, lam, split, fall, count[left], count[right], cluster, births, born, kid_a, kid_b, up
    )


def _cluster_of(
    nodes: np.ndarray, at: np.ndarray, cid: np.ndarray, parent: np.ndarray
) -> np.ndarray:
    """Each chain node's cluster by pointer jumping: a chain node that is not a birth continues
    the cluster of its parent (a chain node too), so a chain 1,000,000 deep takes 20 rounds."""
    own = cid[nodes]
    up = np.where(own >= 0, np.arange(len(nodes)), at[parent[nodes]])
    while True:
        nxt = up[up]
        if np.array_equal(nxt, up):
            break
        up = nxt
    return own[up]


def stability(c: Condensed) -> np.ndarray:
    """Each cluster's stability, summed term by term in scikit-learn's order: down the chain from
    its birth, one (lambda - birth lambda) per fallen-out row, two size-weighted terms per split.
    (np.bincount adds its weights one by one in array order.)"""
    with np.errstate(invalid="ignore"):  # inf - inf: clusters born at height 0, as in sklearn
        t = c.lam - c.born[c.cluster]
    order = np.lexsort((-c.nodes, c.cluster))
    reps = np.where(c.split, 2, c.fall)[order]
    vals = np.repeat(t[order], reps)
    first = (np.cumsum(reps) - reps)[c.split[order]]
    at = order[c.split[order]]
    vals[first] = t[at] * c.size_l[at]
    vals[first + 1] = t[at] * c.size_r[at]
    labels = np.repeat(c.cluster[order], reps)
    return np.bincount(labels, weights=vals, minlength=c.n_clusters)


def excess_of_mass(c: Condensed, stab: np.ndarray) -> np.ndarray:
    """Which clusters choose themselves over their descendants, children before parents, with
    scikit-learn's comparison (`children's sum > own` keeps the children; NaN never does).

    Clusters whose children are settled are processed together in numpy rounds; once fewer than
    SEQUENTIAL_BELOW are ready at a time (a deep, thin cluster tree), a plain loop finishes."""
    k = c.n_clusters
    best = stab.copy()
    keeps = np.zeros(k, dtype=bool)
    waiting = np.where(c.kid_a >= 0, 2, 0)
    done = np.zeros(k, dtype=bool)
    ready = np.flatnonzero(waiting == 0)
    while len(ready) and len(ready) >= SEQUENTIAL_BELOW:
        has = c.kid_a[ready] >= 0
        below = np.where(has, best[c.kid_a[ready]] + best[c.kid_b[ready]], 0.0)
        take_kids = below > stab[ready]
        best[ready] = np.where(take_kids, below, stab[ready])
        keeps[ready] = ~take_kids
        done[ready] = True
        par, n_done = np.unique(c.up[ready], return_counts=True)
        if par[0] < 0:  # the root has no parent
            par, n_done = par[1:], n_done[1:]
        waiting[par] -= n_done
        ready = par[waiting[par] == 0]
    rest = np.flatnonzero(~done)  # ascending: children first
    if len(rest):
        kid_a, kid_b, own = c.kid_a[rest].tolist(), c.kid_b[rest].tolist(), stab[rest].tolist()
        kids = np.concatenate([c.kid_a[rest], c.kid_b[rest]])
        b = dict(zip(kids.tolist(), best[kids].tolist(), strict=True))
        for i, a, z, s in zip(rest.tolist(), kid_a, kid_b, own, strict=True):
            below = b[a] + b[z] if a >= 0 else 0.0
            if below > s:
                b[i] = below
            else:
                b[i] = s
                keeps[i] = True
    return keeps


def outermost(tree: Tree, nodes: np.ndarray) -> np.ndarray:
    """The nodes not inside another of them (a cluster chosen above overrides those below)."""
    if len(nodes) == 0:
        return np.empty(0, dtype=np.int64)
    starts = tree.start[nodes].astype(np.int64)
    ends = starts + tree.count[nodes]
    idx = np.lexsort((-ends, starts))  # a containing span sorts first
    reach = np.maximum.accumulate(ends[idx])
    keep = np.ones(len(idx), dtype=bool)
    keep[1:] = starts[idx][1:] >= reach[:-1]
    return np.asarray(nodes)[idx[keep]]


def _single_root_node(c: Condensed) -> int:
    """The root kept as the only cluster: the highest node of its chain at the chain's largest
    lambda (scikit-learn labels the rows falling out at that lambda, and below it)."""
    on_root = c.cluster == c.root
    lam = c.lam[on_root]
    return int(c.nodes[on_root][lam == lam.max()].max())
