"""A linkage matrix kept as its four columns: what the tree, the payload and the answers read.

Private copies in node-id integers and float64 heights, so a user's Z is read once, while it is
checked, and never again (a Z changed in place after the build changes no answer). The float64
(n-1, 4) matrix is rebuilt, exactly, only when an answer asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def ids_dtype(m: int) -> type[np.signedinteger]:
    """Node ids of a tree of m nodes. int32 halves the memory traffic of the tree's gathers and
    scatters, which dominate at a million leaves (measured); int64 only past 2**31 nodes."""
    return np.int32 if m < 2**31 else np.int64


@dataclass(frozen=True)
class Merges:
    """Row i of Z: children ``a[i]``, ``b[i]`` (as given), ``height[i]``, leaves ``count[i]``."""

    a: np.ndarray
    b: np.ndarray
    height: np.ndarray  # float64
    count: np.ndarray

    @property
    def n(self) -> int:
        """Leaves."""
        return len(self.height) + 1

    @classmethod
    def of(cls, Z: np.ndarray) -> Merges:
        """The columns of a valid float64 Z (copies: Z may be dropped or changed afterwards)."""
        ids = ids_dtype(2 * Z.shape[0] + 1)
        return cls(
            Z[:, 0].astype(ids),
            Z[:, 1].astype(ids),
            Z[:, 2].astype(np.float64),
            Z[:, 3].astype(ids),
        )

    def matrix(self) -> np.ndarray:
        """Z as scipy holds it (n-1, 4) float64: ids and counts are exact in float64."""
        return np.column_stack([self.a, self.b, self.height, self.count]).astype(np.float64)

    def freeze(self) -> Merges:
        for arr in (self.a, self.b, self.height, self.count):
            arr.flags.writeable = False
        return self
