"""A large heatmap travels in two steps (_detail.py): block sums with the widget, the codes when
the view asks for them; a page with no kernel gets the codes at once."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import linkage

from dendrowidget import Dendrogram, _detail
from dendrowidget._export import model_state


@pytest.fixture
def small_later(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_detail, "LATER_BYTES", 1_000)  # as if 1,000 bytes of codes were large


def frame(n: int = 300, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(rng.normal(size=(n, 4)), columns=list("abcd"))
    return df.mask(rng.random(df.shape) < 0.1)


def widget(df: pd.DataFrame, **kw: object) -> Dendrogram:
    """The tree of the frame's rows with its NaN as zeros, its heatmap the frame (NaN missing)."""
    Z = linkage(df.fillna(0).to_numpy(), "ward")
    return Dendrogram.from_linkage(Z, frame=df, heatmap=True, **kw)


@given(
    n=st.integers(1, 200),
    m=st.integers(1, 3),
    block=st.sampled_from([1, 2, 16, 64]),
    seed=st.integers(0, 2**16),
)
@settings(max_examples=60, deadline=None)
def test_block_sums_are_the_known_codes_of_each_block(
    n: int, m: int, block: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    codes = rng.integers(0, 65535, size=(m, n)).astype(np.uint16)
    codes[rng.random((m, n)) < 0.3] = 65535
    sums, counts = _detail.block_sums(codes, 65535, block)
    assert sums.shape == counts.shape == (m, -(-n // block))
    for j in range(m):
        for b in range(sums.shape[1]):
            part = codes[j, b * block : (b + 1) * block]
            known = part[part != 65535].astype(np.int64)
            assert sums[j, b] == known.sum() and counts[j, b] == known.size


def test_block_size_leaves_at_most_the_block_budget() -> None:
    for n in (1, 16, 65_536, 65_537, 1_000_000, 10**8):
        b = _detail.block_size(n)
        assert b >= 16 and b & (b - 1) == 0
        assert -(-n // b) <= _detail.BLOCKS
        assert b == 16 or -(-n // (b // 2)) > _detail.BLOCKS  # the smallest that fits


def test_a_small_heatmap_travels_whole() -> None:
    w = widget(frame())
    assert "codes" in w._heatmap and w._heatmap_later is None


def test_a_large_heatmap_sends_block_sums_first_then_its_codes_once(small_later: None) -> None:
    w = widget(frame())
    first, full = w._heatmap, w._heatmap_later
    assert full is not None and "codes" not in first and first["detail"] == "later"
    n, m = first["n"], len(first["columns"])
    codes = np.frombuffer(full["codes"], "<u2").reshape(m, n)
    sums = np.frombuffer(first["sums"], "<u4").reshape(m, -1)
    expect, _ = _detail.block_sums(codes, full["missing"], first["block"])
    np.testing.assert_array_equal(sums, expect)
    assert bytes(first["stats"]) == bytes(full["stats"])
    sent = []
    w.observe(lambda change: sent.append(change["new"]), names="_heatmap")
    w._on_view_message(w, {"type": "drawn"}, [])
    assert w._heatmap is full and w._heatmap_later is None and len(sent) == 1
    w._on_view_message(w, {"type": "drawn"}, [])  # a second view drew too: no resend
    assert len(sent) == 1


def test_answers_and_offline_pages_do_not_wait_for_the_codes(small_later: None) -> None:
    df = frame()
    w = widget(df, n_clusters=3)
    assert w._heatmap_later is not None
    whole_bytes = _detail.LATER_BYTES
    _detail.LATER_BYTES = 10**12
    try:
        whole = widget(df, n_clusters=3)
    finally:
        _detail.LATER_BYTES = whole_bytes
    pd.testing.assert_frame_equal(w.cluster_summary, whole.cluster_summary)
    paths = [b["path"] for b in model_state(w)["buffers"]]  # the page has no kernel to ask
    assert ["_heatmap", "codes"] in paths and ["_heatmap", "sums"] not in paths


def test_a_displayed_heatmap_sends_its_codes_when_the_cell_ends(
    small_later: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # IPython's own event manager, as a kernel runs it: post_run_cell fires after each cell.
    from IPython.core.events import EventManager, available_events

    events = EventManager(None, available_events)
    monkeypatch.setattr("IPython.get_ipython", lambda: SimpleNamespace(events=events))
    shown, hidden = widget(frame()), widget(frame(seed=1))
    shown._repr_mimebundle_()
    assert shown._heatmap_later is not None  # not during the cell: its display goes first
    events.trigger("post_run_cell", None)
    assert shown._heatmap_later is None and "codes" in shown._heatmap
    assert hidden._heatmap_later is not None  # never shown: nothing to send it to
    assert events.callbacks["post_run_cell"] == []  # once
