"""A large heatmap travels in two steps: block sums first, the codes after the first frame.

At 1,000,000 rows x 20 columns the codes are 40 MB, and every byte of the message that opens the
widget passes through the Jupyter server and the page's deserialising before the first frame
(measured: about 20 ms per MB). The first frame needs far less: at the full view one pixel spans
hundreds of rows, so the view draws it from the sum and count of the known codes of every block
of `block` rows (a few thousand blocks per column). The widget then sends the full payload as an
update of `_heatmap`, once: when the IPython cell that displayed it has finished (its display
message is out by then; a notebook run without a page, nbconvert --execute, saves the codes
too), or when a view says first that it has drawn ({"type": "drawn"}, sent once its first
frame is on screen: marimo, a widget inside a box). A page with no kernel (to_html) gets the full
payload from the start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

LATER_BYTES = 8_000_000  # codes past this size travel after the first frame
BLOCKS = 4_096  # at most this many blocks per column (the block is a power of two >= 16)


def block_size(n: int) -> int:
    """Rows per block: the smallest power of two >= 16 leaving at most BLOCKS blocks."""
    b = 16
    while b * BLOCKS < n:
        b *= 2
    return b


def block_sums(codes: np.ndarray, missing: int, block: int) -> tuple[np.ndarray, np.ndarray]:
    """Per column (rows of `codes`, shape columns x n) the sum and the count of the known codes
    of each block of `block` rows (the last block may be shorter), as uint32."""
    m, n = codes.shape
    whole = n // block * block  # the full blocks are a view (no copy); the short last one apart
    parts = [codes[:, :whole].reshape(m, -1, block)]
    if whole < n:
        parts.append(codes[:, whole:].reshape(m, 1, n - whole))
    sums, counts = [], []
    for c in parts:
        gone = (c == missing).sum(axis=2, dtype=np.uint64)
        sums.append(c.sum(axis=2, dtype=np.uint64) - gone * np.uint64(missing))
        counts.append(np.uint64(c.shape[2]) - gone)
    return np.hstack(sums).astype("<u4"), np.hstack(counts).astype("<u4")


def split(heat: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """(what `_heatmap` holds at first, the full payload still to send or None). A heatmap whose
    codes are at most LATER_BYTES travels whole."""
    if not heat or "codes" not in heat:
        return heat, None
    codes = np.frombuffer(heat["codes"], dtype="<u2" if heat["dtype"] == "uint16" else "u1")
    if codes.nbytes <= LATER_BYTES:
        return heat, None
    n, m = int(heat["n"]), len(heat["columns"])
    block = block_size(n)
    sums, counts = block_sums(codes.reshape(m, n), int(heat["missing"]), block)
    first = {k: v for k, v in heat.items() if k != "codes"}
    first.update(block=block, sums=memoryview(sums), counts=memoryview(counts), detail="later")
    return first, heat


def after_cell(send: Callable[[], None]) -> None:
    """Call `send` when the running IPython cell has finished; nothing outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return
    ip = get_ipython()
    if ip is None or not hasattr(ip, "events"):
        return

    def once(*_args: object) -> None:
        ip.events.unregister("post_run_cell", once)
        send()

    ip.events.register("post_run_cell", once)
