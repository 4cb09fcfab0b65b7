"""to_newick read back by Biopython's Newick parser: the same clades, leaf names (hostile ones
too), branch lengths; a 1,000,000-leaf chain without recursion."""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
from Bio import Phylo
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import linkage
from strategies import SORTS, caterpillar, leaves_under, random_linkage

from dendrowidget import InputError
from dendrowidget._newick import quote, to_newick
from dendrowidget._tree import build_tree

HOSTILE = [
    "",
    " ",
    "it's",
    "a'",
    "a''b",
    "(x)",
    "a,b",
    "a:b",
    "a;b",
    "[comment]",
    "two words",
    "under_score",
    "tab\there",
    "ünïcödé 🌳",
    "<b>bold</b>",
    "):1.0,(",
    "-1.5e3",
    "x" * 300,
]


def read(text: str):
    return Phylo.read(io.StringIO(text), "newick")


def clades(tree) -> list:
    """Every clade with its parent, without recursion (Biopython's own walks recurse)."""
    out, stack = [], [(tree.root, None)]
    while stack:
        clade, parent = stack.pop()
        out.append((clade, parent))
        stack.extend((child, clade) for child in reversed(clade.clades))
    return out


def leaf_sets(tree, row_of: dict[str, int]) -> dict[int, frozenset[int]]:
    """id(clade) -> rows under it, children before parents."""
    sets: dict[int, frozenset[int]] = {}
    for clade, _ in reversed(clades(tree)):
        if clade.clades:
            sets[id(clade)] = frozenset().union(*(sets[id(c)] for c in clade.clades))
        else:
            sets[id(clade)] = frozenset([row_of[clade.name]])
    return sets


def bio_readable(label: str) -> bool:
    """Biopython reads quoted labels with two deviations from Newick: a backslash escapes the
    next character, and a label cannot start with a quote (its doubled-quote support joins
    quoted pieces onto a non-empty name). Line breaks are dropped as it reads line by line."""
    return not (
        label.startswith("'")
        or "\\" in label
        or re.search(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", label)
    )


@settings(max_examples=50, deadline=None)
@given(
    Z=random_linkage(max_leaves=40),
    sort=st.sampled_from(SORTS),
    words=st.lists(st.text(max_size=8).filter(bio_readable), min_size=40, max_size=40),
)
def test_clades_names_and_lengths_read_back(Z: np.ndarray, sort: dict, words: list[str]) -> None:
    n = len(Z) + 1
    labels = [f"{w}#{i}" for i, w in enumerate(words[:n])]  # unique, to find rows again
    tree = build_tree(Z, **sort)
    bio = read(to_newick(tree, labels))
    row_of = {label: i for i, label in enumerate(labels)}
    sets = leaf_sets(bio, row_of)
    expected = {frozenset(leaves_under(Z, v)) for v in range(2 * n - 1)}
    assert set(sets.values()) == expected
    # Leaves in drawn order; each branch as long as the height from its node to its parent.
    assert [c.name for c, _ in clades(bio) if not c.clades] == [labels[r] for r in tree.order]
    height = {
        frozenset(leaves_under(Z, v)): (Z[v - n, 2] if v >= n else 0.0) for v in range(2 * n - 1)
    }
    for clade, parent in clades(bio):
        if parent is None:
            assert clade.branch_length is None
            continue
        drop = height[sets[id(parent)]] - height[sets[id(clade)]]
        assert clade.branch_length == max(drop, 0.0)


@settings(max_examples=40, deadline=None)
@given(X=st.integers(0, 2**32 - 1), method=st.sampled_from(["single", "average", "ward"]))
def test_root_to_leaf_is_the_root_height(X: int, method: str) -> None:
    data = np.random.default_rng(X).normal(size=(30, 2))
    Z = linkage(data, method)
    labels = [str(i) for i in range(30)]
    bio = read(to_newick(build_tree(Z), labels))
    depth = {id(bio.root): 0.0}
    for clade, parent in clades(bio):
        if parent is not None:
            depth[id(clade)] = depth[id(parent)] + clade.branch_length
            if not clade.clades:
                assert depth[id(clade)] == pytest.approx(Z[-1, 2], rel=1e-12)


def test_hostile_labels_read_back() -> None:
    X = np.random.default_rng(0).normal(size=(len(HOSTILE), 2))
    tree = build_tree(linkage(X, "average"))
    text = to_newick(tree, HOSTILE)
    assert [c.name for c, _ in clades(read(text)) if not c.clades] == [
        HOSTILE[r] for r in tree.order
    ]


# Newick's own rule (no Biopython deviations): 'quoted, with '' for a quote' or plain text.
NEWICK_LABEL = re.compile(r"'((?:[^']|'')*)'|([^\s()\[\]':;,]+)")


@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.text(), min_size=2, max_size=12))
def test_any_text_is_one_label_by_newicks_quoting_rule(words: list[str]) -> None:
    """Leading quotes, backslashes, line breaks: each label is exactly one Newick label token
    that reads back as itself, so no label can change the tree's structure."""
    n = len(words)
    tree = build_tree(linkage(np.arange(n, dtype=float)[:, None] ** 1.5, "single"))
    text = to_newick(tree, words)
    names = []
    pos = 0
    for _ in range(n):
        pos += len(re.match(r"\(*", text[pos:]).group())
        m = NEWICK_LABEL.match(text, pos)
        assert m is not None
        names.append(m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2))
        pos = m.end()
        pos += len(re.match(r"(:[^,;()]*|\))*[,;]", text[pos:]).group())
    assert pos == len(text)
    assert names == [words[r] for r in tree.order]


def test_line_break_in_an_otherwise_plain_label_is_quoted() -> None:
    tree = build_tree(linkage(np.arange(3.0)[:, None] ** 2, "single"))
    assert "'a\nb'" in to_newick(tree, ["a\nb", "c", "d"])
    assert to_newick(tree, ["a", "c", "d"]).count("'") == 0


def test_quote() -> None:
    assert quote("plain-1.5") == "plain-1.5"
    assert quote("under_score") == "'under_score'"
    assert quote("it's") == "'it''s'"
    assert quote("") == "''"


def test_inversions_write_zero_not_negative_lengths() -> None:
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, 0.9]])
    Z = linkage(X, "centroid")
    assert Z[1, 2] < Z[0, 2]  # the second merge sits below the first
    bio = read(to_newick(build_tree(Z), ["a", "b", "c"]))
    inner = [c for c, p in clades(bio) if c.clades and p is not None]
    assert [c.branch_length for c in inner] == [0.0]


def test_million_leaf_chain() -> None:
    n = 1_000_000
    text = to_newick(build_tree(caterpillar(n)), [str(i) for i in range(n)])
    assert text.startswith("(" * (n - 1) + "0:")
    assert text.endswith(",999999:999999.0);")
    assert text.count("(") == text.count(")") == text.count(",") == n - 1


def test_deep_chain_reads_back() -> None:
    n = 20_000
    bio = read(to_newick(build_tree(caterpillar(n)), [f"r{i}" for i in range(n)]))
    leaves = [c for c, _ in clades(bio) if not c.clades]
    assert [c.name for c in leaves] == [f"r{i}" for i in range(n)]
    assert [c.branch_length for c in leaves] == [1.0] + [float(i) for i in range(1, n)]


def test_wrong_number_of_labels() -> None:
    tree = build_tree(linkage(np.arange(4.0)[:, None], "single"))
    with pytest.raises(InputError, match="one label per row: 4 rows, got 3 labels"):
        to_newick(tree, ["a", "b", "c"])
