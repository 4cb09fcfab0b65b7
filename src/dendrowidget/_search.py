"""Label search, the same rule as the view's (js/core/search.js): a leaf matches when its label
contains the query, trimmed of surrounding white space as JavaScript's ``trim()`` does and
compared case-insensitively (``str.lower()``, JavaScript's ``toLowerCase()``: both apply Unicode's
default case mapping, not a locale's)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# The characters JavaScript's String.prototype.trim() removes (WhiteSpace and LineTerminator of
# ECMA-262); Python's str.strip() would also remove U+001C..U+001F and U+0085, and keep U+FEFF.
_JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)


def needle(query: str) -> str:
    """The text searched for: trimmed and lower-cased ('' searches nothing)."""
    return query.strip(_JS_SPACE).lower()


def matching_leaves(labels: Sequence[str], order: np.ndarray, query: str) -> list[int]:
    """Leaf ids whose label contains the query, left to right as drawn."""
    q = needle(query)
    if not q:
        return []
    return [int(leaf) for leaf in order.tolist() if q in labels[leaf].lower()]
