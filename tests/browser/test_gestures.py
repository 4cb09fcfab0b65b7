"""The view a person expects, gesture by gesture (issue 11): the wheel leaves the page alone until
the view has the focus, zooming along the leaves fits the height axis, search steps through its
matches and selects them, a double-click keeps the selection, shift-drag brushes a selection.
Every answer is read in the kernel and checked against an oracle computed there from Z."""

from __future__ import annotations

import re

import pytest
from _geometry import calibrate, settle
from _notebooks import FRUIT_WIDGET, HELPERS, Hidden
from _page import NotebookPage
from test_lab import floats, node_point, open_fruits, pick_disjoint, pick_node, same_window

pytestmark = pytest.mark.browser

SPACER = "from IPython.display import HTML\nHTML('<div style=\"height: 1400px\">spacer</div>')"

# The nearest scrolling ancestor of the view (JupyterLab's notebook panel), tagged for reading.
TAG_SCROLLER = """(root) => {
  for (let el = root.parentElement; el; el = el.parentElement) {
    const s = getComputedStyle(el);
    if (/(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 10) {
      el.setAttribute('data-test-scroller', '1');
      return true;
    }
  }
  return false;
}"""
SCROLL_TOP = "() => document.querySelector('[data-test-scroller]').scrollTop"
FOCUSED = "(el) => el.contains(document.activeElement)"


def focus_view(nb: NotebookPage) -> None:
    """Click the canvas's top-left corner (outside the tree): the view takes the focus."""
    box = nb.canvas_box()
    nb.page.mouse.click(box["x"] + 3, box["y"] + 3)
    assert nb.root().evaluate(FOCUSED)


# ---- the wheel: page scroll unless the view has the focus or Ctrl/Cmd is held ---------------
def test_wheel_scrolls_the_page_until_the_view_has_focus(lab, nbpage, write_notebook):
    nb = nbpage
    name = write_notebook("scrolltrap", [Hidden(HELPERS), SPACER, FRUIT_WIDGET, "w", SPACER])
    nb.open(lab.lab_url(name))
    nb.run_and_wait(1)
    assert nb.root().evaluate(TAG_SCROLLER), "no scrolling panel around the view"
    assert not nb.root().evaluate(FOCUSED), "the view has the focus before any click"
    box = nb.canvas_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    nb.page.mouse.move(cx, cy)
    top0 = nb.page.evaluate(SCROLL_TOP)
    nb.page.mouse.wheel(0, 240)
    nb.page.wait_for_function(f"() => ({SCROLL_TOP})() > {top0} + 50", timeout=5_000)
    hint = nb.root().locator(".dendrowidget-hint")
    hint.wait_for(state="visible", timeout=2_000)
    assert re.search(r"click.*ctrl.*zoom", hint.inner_text(), re.I), hint.inner_text()
    nb.shot("wheel-unfocused-hint")
    nb.page.wait_for_timeout(300)
    assert nb.attrs().get("data-view-window") in ("", None)
    assert nb.kjson("list(w.view_window)") == [], "an unfocused wheel zoomed the view"

    # Ctrl (a trackpad pinch is a wheel with ctrlKey) zooms without the focus.
    box = nb.canvas_box()
    nb.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    top1 = nb.page.evaluate(SCROLL_TOP)
    nb.page.keyboard.down("Control")
    nb.page.mouse.wheel(0, -200)
    nb.page.keyboard.up("Control")
    nb.wait_attr("data-view-window", lambda a: len(floats(a)) == 4)
    assert nb.page.evaluate(SCROLL_TOP) == top1, "Ctrl+wheel scrolled the page"
    nb.kwait("len(w.view_window)", lambda v: v == 4)
    nb.kexec("w.reset_zoom()")
    nb.wait_attr("data-view-window", lambda a: a in ("", None))

    # After a click inside, the wheel zooms and the page stays put.
    focus_view(nb)
    box = nb.canvas_box()
    nb.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    top2 = nb.page.evaluate(SCROLL_TOP)
    nb.page.mouse.wheel(0, -240)
    nb.wait_attr("data-view-window", lambda a: len(floats(a)) == 4)
    nb.page.wait_for_timeout(300)
    assert nb.page.evaluate(SCROLL_TOP) == top2, "the focused view let the page scroll"
    nb.kwait("len(w.view_window)", lambda v: v == 4)
    settle(nb)
    nb.shot("wheel-focused-zoom")

    # Focus elsewhere: the page scrolls again.
    nb.page.evaluate("() => document.activeElement && document.activeElement.blur()")
    win = nb.attrs()["data-view-window"]
    nb.page.mouse.wheel(0, 240)
    nb.page.wait_for_function(f"() => ({SCROLL_TOP})() > {top2} + 50", timeout=5_000)
    assert nb.attrs()["data-view-window"] == win
    assert nb.dialogs == []


# ---- zoom along the leaves fits the height axis ----------------------------------------------
TEN_K = """\
import numpy as np
from dendrowidget import Dendrogram

X = np.random.default_rng(11).normal(size=(10_000, 3))
w = Dendrogram(X, method="ward")"""


def fitted(nb: NotebookPage, win: list[float]) -> tuple[float, float]:
    top = nb.kjson(f"_highest_inside(w, {win[0]!r}, {win[1]!r})")
    return top, win[3]


def test_leaf_zoom_fits_the_height_axis(lab, nbpage, write_notebook):
    nb = nbpage
    name = write_notebook("heightfit", [Hidden(HELPERS), TEN_K, "w"])
    nb.open(lab.lab_url(name))
    nb.run_and_wait(1)
    focus_view(nb)
    box = nb.canvas_box()
    nb.page.mouse.move(box["x"] + box["width"] * 0.47, box["y"] + box["height"] / 2)
    for _ in range(30):
        nb.page.mouse.wheel(0, -700)
        settle(nb)
        a = floats(nb.attrs().get("data-view-window"))
        if a and a[1] - a[0] <= 20:
            break
    win = nb.kwait(
        "list(w.view_window)",
        lambda v: len(v) == 4 and same_window(v, floats(nb.attrs()["data-view-window"])),
    )
    assert win[1] - win[0] <= 20, win
    top, y1 = fitted(nb, win)
    assert win[2] == 0.0
    assert top <= y1 <= 1.1 * top, f"window {win}: top {y1:.4g}, highest visible merge {top:.4g}"
    settle(nb)
    nb.shot("heightfit-wheel-20-leaves")

    # Set the height axis by hand (shift+wheel): leaf zooms keep it.
    nb.page.keyboard.down("Shift")
    nb.page.mouse.wheel(0, -300)
    nb.page.keyboard.up("Shift")
    settle(nb)
    by_hand = floats(nb.attrs()["data-view-window"])
    assert by_hand[3] < y1, (by_hand, y1)
    nb.page.mouse.wheel(0, 200)  # leaf axis out
    span = by_hand[1] - by_hand[0]
    nb.wait_attr("data-view-window", lambda a: floats(a)[1] - floats(a)[0] > span)
    after = floats(nb.attrs()["data-view-window"])
    assert after[2:] == by_hand[2:], f"a leaf zoom changed the hand-set heights: {after}"

    # "0" (reset) forgets the hand-set heights: "+" fits again.
    nb.page.keyboard.press("0")
    nb.wait_attr("data-view-window", lambda a: a in ("", None))
    for _ in range(12):
        nb.page.keyboard.press("+")
    win = nb.kwait("list(w.view_window)", lambda v: len(v) == 4 and v[1] - v[0] < 200)
    win = floats(nb.attrs()["data-view-window"])
    top, y1 = fitted(nb, win)
    assert top <= y1 <= 1.1 * top, f"after '+': window {win}, highest visible merge {top:.4g}"
    settle(nb)
    nb.shot("heightfit-plus-keys")
    assert nb.dialogs == []


# ---- search: Enter steps, Ctrl+Enter / Select selects, a synced trait ------------------------
def test_search_steps_through_matches_and_selects_them(lab, nbpage, write_notebook):
    nb = nbpage
    info = open_fruits(lab, nb, write_notebook, "searchsteps")
    want = [r for r in info["leaves"] if "apple" in info["labels"][r].lower()]
    box = nb.root().get_by_role("searchbox")
    box.fill("Apple")
    nb.wait_attr("data-matches", lambda a: a == str(len(want)))
    assert nb.kwait("w.search", lambda v: v == "Apple") == "Apple"
    assert nb.kjson("list(w.search_matches)") == want
    count = nb.root().locator(".dendrowidget-matches")

    def current(k: int) -> None:
        nb.page.wait_for_function(
            "([el, t]) => el.textContent.trim() === t",
            arg=[count.element_handle(), f"{k} / {len(want)}"],
            timeout=5_000,
        )
        pos = info["leaves"].index(want[k - 1])
        w = floats(nb.attrs()["data-view-window"])
        assert w and w[0] <= pos + 0.5 <= w[1], f"match {k} at {pos} is outside the window {w}"

    box.press("Enter")
    current(1)
    settle(nb)
    nb.shot("search-enter-1")
    box.press("Enter")
    current(2)
    box.press("Shift+Enter")
    current(1)
    box.press("Shift+Enter")
    current(len(want))  # wraps around
    settle(nb)
    nb.shot("search-enter-last")

    positions = [info["leaves"].index(r) for r in want]
    cover = nb.kjson(f"_cover(w, {positions})")
    box.press("Control+Enter")
    nb.kwait("sorted(w.selection)", lambda v: v == cover, what=f"!= cover {cover}")
    assert sorted(nb.kjson("list(w.selected_indices)")) == sorted(want)
    settle(nb)
    nb.shot("search-ctrl-enter-selected")

    nb.kexec("w.selection = []")
    nb.wait_attr("data-selection", lambda a: a in ("", None))
    nb.root().get_by_role("button", name=re.compile(r"^select", re.I)).click()
    nb.kwait("sorted(w.selection)", lambda v: v == cover)

    # From Python: the box, the count and the matches follow.
    nb.kexec("w.search = 'lemon'")
    lemons = [r for r in info["leaves"] if "lemon" in info["labels"][r].lower()]
    nb.wait_attr("data-matches", lambda a: a == str(len(lemons)))
    assert box.input_value() == "lemon"
    assert nb.kjson("list(w.search_matches)") == lemons
    nb.kexec("w.search = ''")
    nb.wait_attr("data-matches", lambda a: a in ("", None))
    assert box.input_value() == ""
    assert nb.dialogs == []


# ---- a double-click zooms and keeps the selection ---------------------------------------------
def test_double_click_keeps_a_multi_selection(lab, nbpage, write_notebook):
    nb = nbpage
    info = open_fruits(lab, nb, write_notebook, "dblkeep")
    geo = calibrate(nb, info)
    v = pick_node(info, geo)
    u = pick_disjoint(nb, info, geo, v)
    nb.kexec(f"w.selection = [{v}, {u}]")
    nb.wait_attr("data-selection", lambda a: a == f"{v},{u}")
    settle(nb)
    nb.page.mouse.dblclick(*node_point(nb, geo, u))
    want = nb.kjson(f"_subtree_window(w, {u})")
    nb.wait_attr("data-view-window", lambda a: same_window(floats(a), want))
    nb.kwait("list(w.view_window)", lambda w: same_window(w, want))
    assert nb.kjson("list(w.selection)") == [v, u]
    assert nb.attrs()["data-selection"] == f"{v},{u}"
    settle(nb)
    nb.shot("dblclick-keeps-selection")
    assert nb.dialogs == []


# ---- shift-drag along the leaves brushes a selection -------------------------------------------
def test_shift_drag_brushes_the_leaves_in_the_band(lab, nbpage, write_notebook):
    nb = nbpage
    info = open_fruits(lab, nb, write_notebook, "brush")
    geo = calibrate(nb, info)
    c = nb.canvas()
    a, b = 31, 58
    y = geo.y(info["h"][2 * info["n"] - 2] * 0.5)
    x0, y0 = c.page_xy(geo.x(a + 0.3), y)
    x1, _ = c.page_xy(geo.x(b + 0.7), y)
    m = nb.page.mouse
    nb.page.keyboard.down("Shift")
    m.move(x0, y0)
    m.down()
    for k in range(1, 11):
        m.move(x0 + (x1 - x0) * k / 10, y0 + 3)
    settle(nb)
    nb.shot("brush-dragging")
    m.up()
    nb.page.keyboard.up("Shift")
    cover = nb.kjson(f"_cover(w, list(range({a}, {b + 1})))")
    nb.kwait("sorted(w.selection)", lambda v: v == cover, what=f"!= cover {cover}")
    rows = [info["leaves"][p] for p in range(a, b + 1)]
    assert nb.kjson("list(w.selected_indices)") == rows
    assert nb.attrs().get("data-view-window") in ("", None), "the brush panned the view"
    settle(nb)
    nb.shot("brush-selected")
    assert nb.dialogs == []
