"""The fruit dendrogram in real JupyterLab: render, mouse, keyboard, Python -> view, two views,
reload, zoom. Every interaction is checked where it matters: in the kernel."""

from __future__ import annotations

import re

import numpy as np
import pytest
from _geometry import Geometry, calibrate, set_cut, settle
from _notebooks import FRUIT_WIDGET, HELPERS, Hidden
from _page import NotebookPage

from dendrowidget import PALETTE  # the source of truth

pytestmark = pytest.mark.browser


def open_fruits(lab, nbpage: NotebookPage, write_notebook, name: str, views: int = 1) -> dict:
    cells = [Hidden(HELPERS), FRUIT_WIDGET] + ["w"] * views
    nb = write_notebook(name, cells)
    nbpage.open(lab.lab_url(nb))
    nbpage.run_and_wait(views)
    return nbpage.kjson("_geometry(w)")


def state(nb: NotebookPage) -> dict:
    return nb.kjson("_state(w)")


def floats(attr: str | None) -> list[float]:
    return [float(v) for v in attr.split(",")] if attr else []


def free_column(geo: Geometry, canvas, row: int, avoid: int = 5) -> float:
    """A column near the middle where nothing but the cut line is drawn around `row`."""
    ink = canvas.ink()
    band = np.r_[ink[max(0, row - 12) : max(0, row - avoid)], ink[row + avoid : row + 12]]
    busy = band.any(axis=0)
    lo, hi = int(geo.x(0)), int(geo.x(geo.info["n"]))
    mid = (lo + hi) // 2
    for off in range(0, (hi - lo) // 2):
        for c in (mid + off, mid - off):
            if not busy[max(0, c - 3) : c + 4].any():
                return float(c)
    raise AssertionError(f"no free column near row {row}")


def pick_node(info: dict, geo: Geometry, lo: int = 6, hi: int = 40) -> int:
    """A node with lo..hi leaves that is easy to hit: a long bar well above its children."""
    n = info["n"]
    best, score = None, -1.0
    for v in range(n, 2 * n - 1):
        if not lo <= info["count"][v] <= hi:
            continue
        a, b = info["left"][v - n], info["right"][v - n]
        bar = abs(geo.x(info["x"][b]) - geo.x(info["x"][a]))
        gap = abs(geo.y(info["h"][v]) - geo.y(max(info["h"][a], info["h"][b])))
        s = min(bar, 4 * gap)
        if s > score:
            best, score = v, s
    assert best is not None
    return best


def node_point(nb: NotebookPage, geo: Geometry, v: int, below: float = 2.0) -> tuple[float, float]:
    """Page coordinates just under the middle of node v's bar (inside its U)."""
    c = nb.canvas()
    return c.page_xy(geo.x(geo.info["x"][v]), geo.y(geo.info["h"][v]) + below)


def palette_colors(canvas, min_px: int = 15) -> set[str]:
    return {c for c in PALETTE if canvas.count_color(c, tol=2) >= min_px}


def visible_text(nb: NotebookPage, text: str) -> bool:
    """Some visible element of the page shows `text` (tooltips may live outside the root)."""
    loc = nb.page.get_by_text(text, exact=False)
    return any(loc.nth(j).is_visible() for j in range(loc.count()))


# ---- 1. render -------------------------------------------------------------------------------
def test_fruits_render(lab, nbpage, write_notebook):
    info = open_fruits(lab, nbpage, write_notebook, "render")
    nb = nbpage
    a = nb.attrs()
    assert a.get("data-n-leaves") == "150"
    assert a.get("data-ready") == "1"
    assert a.get("tabindex") == "0"
    assert a.get("aria-label"), "the root needs an aria-label"
    assert a.get("data-cut-height") in ("", None)
    assert a.get("data-n-clusters") == "1"
    assert nb.root().locator("canvas").count() == 1
    c = nb.canvas()
    assert c.w > 300 and c.h > 200, (c.w, c.h)
    ink = c.ink()
    assert ink.mean() > 0.01, f"the canvas is (nearly) blank: {ink.mean():.4%} ink"
    assert len(np.unique(c.rgba.reshape(-1, 4)[ink.reshape(-1)], axis=0)) >= 2
    nb.shot("render-fruits")

    # A known fruit's label, found by hovering its leaf (tooltip text).
    geo = calibrate(nb, info)
    p = info["labels"].index("Cherry")
    pos = info["leaves"].index(p)
    cx = geo.x(pos + 0.5)
    found = False
    for dy in (-2, 6, 14, -6):
        x, y = c.page_xy(cx, geo.y(0) + dy)
        nb.page.mouse.move(x, y)
        settle(nb)
        if visible_text(nb, "Cherry"):
            found = True
            break
    nb.shot("render-fruits-hover-cherry", i=None)
    assert found, "hovering the leaf of a Cherry row shows no text 'Cherry'"

    # And by the search box: it counts the Cherry rows.
    cherries = sum(1 for lab_ in info["labels"] if "cherry" in lab_.lower())
    box = nb.root().get_by_role("searchbox")
    box.fill("cherry")
    nb.wait_attr("data-matches", lambda a: a == str(cherries))
    nb.page.keyboard.press("Enter")  # zooms to the matches
    nb.wait_attr("data-view-window", lambda a: len(floats(a)) == 4)
    settle(nb)
    nb.shot("render-search-cherry")
    assert nb.dialogs == []


# ---- 2. mouse --------------------------------------------------------------------------------
def test_mouse_drag_cut_click_select_escape(lab, nbpage, write_notebook):
    info = open_fruits(lab, nbpage, write_notebook, "mouse")
    nb = nbpage
    geo = calibrate(nb, info)
    steps = info["steps"]
    start_h = (steps[-4] + steps[-5]) / 2  # 5 clusters
    set_cut(nb, start_h)
    c = nb.canvas()
    row = round(geo.y(start_h))
    col = free_column(geo, c, row)
    x, y = c.page_xy(col, row)
    target_row = round(geo.y((steps[-9] + steps[-10]) / 2))  # about 10 clusters
    _, ty = c.page_xy(col, target_row)
    m = nb.page.mouse
    m.move(x, y)
    m.down()
    for k in range(1, 11):
        m.move(x, y + (ty - y) * k / 10)
    m.up()
    settle(nb)
    s = state(nb)
    assert s["cut_height"] is not None and s["cut_height"] != start_h, s
    assert abs(s["cut_height"] - geo.height_at(target_row)) <= 3 / abs(geo.ky), (
        f"dragged to height ~{geo.height_at(target_row):.4g}, kernel has {s['cut_height']}"
    )
    assert s["n_clusters"] > 5, s
    assert nb.kjson("_cut_is_fcluster(w)"), "w.clusters is not fcluster's partition at the cut"
    assert float(nb.attrs()["data-cut-height"]) == s["cut_height"]
    assert nb.attrs()["data-n-clusters"] == str(s["n_clusters"])
    nb.shot("mouse-after-drag")

    # Click a subtree: exactly its leaves are selected.
    set_cut(nb, None)
    v = pick_node(info, geo)
    m.click(*node_point(nb, geo, v))
    settle(nb)
    s = state(nb)
    assert s["selection"] == [v], f"clicked node {v}, selection is {s['selection']}"
    under = nb.kjson(f"_leaves_under(w, {v})")
    assert sorted(nb.kjson("w.selected_indices")) == under
    assert s["selected_labels"] == [info["labels"][r] for r in info["leaves"] if r in under]
    nb.wait_attr("data-selection", lambda a: a == str(v))
    nb.shot("mouse-after-click")

    # Shift-click adds a disjoint subtree.
    first = set(nb.kjson(f"_leaves_under(w, {v})"))
    u = pick_disjoint(nb, info, geo, v)
    nb.page.keyboard.down("Shift")
    m.click(*node_point(nb, geo, u))
    nb.page.keyboard.up("Shift")
    settle(nb)
    s = state(nb)
    assert sorted(s["selection"]) == sorted([v, u]), s["selection"]
    both = sorted(first | set(nb.kjson(f"_leaves_under(w, {u})")))
    assert sorted(nb.kjson("w.selected_indices")) == both

    # Escape clears (the canvas has the focus after the clicks).
    nb.page.keyboard.press("Escape")
    settle(nb)
    assert state(nb)["selection"] == []
    nb.wait_attr("data-selection", lambda a: a in ("", None))
    assert nb.dialogs == []


def pick_disjoint(nb: NotebookPage, info: dict, geo: Geometry, v: int) -> int:
    """Another easy node whose leaves do not overlap v's."""
    n = info["n"]
    st, cnt = info["start"], info["count"]
    best, score = None, -1.0
    for u in range(n, 2 * n - 1):
        if not 6 <= cnt[u] <= 40:
            continue
        if st[u] < st[v] + cnt[v] + 1 and st[v] < st[u] + cnt[u] + 1:
            continue  # overlapping or adjacent drawn spans
        a, b = info["left"][u - n], info["right"][u - n]
        bar = abs(geo.x(info["x"][b]) - geo.x(info["x"][a]))
        gap = abs(geo.y(info["h"][u]) - geo.y(max(info["h"][a], info["h"][b])))
        s = min(bar, 4 * gap)
        if s > score:
            best, score = u, s
    assert best is not None
    assert not set(nb.kjson(f"_leaves_under(w, {v})")) & set(nb.kjson(f"_leaves_under(w, {best})"))
    return best


# ---- 3. keyboard -----------------------------------------------------------------------------
def test_keyboard_moves_the_cut_one_merge(lab, nbpage, write_notebook):
    info = open_fruits(lab, nbpage, write_notebook, "keyboard")
    nb = nbpage
    steps = np.asarray(info["steps"])
    nb.kexec("w.n_clusters = 6")
    nb.wait_attr("data-n-clusters", lambda a: a == "6")
    # Clicking the canvas focuses the view (the top-left corner: outside the tree).
    box = nb.canvas_box()
    nb.page.mouse.click(box["x"] + 3, box["y"] + 3)
    assert nb.root().evaluate("(el) => el.contains(document.activeElement)"), (
        "clicking the canvas does not focus the view"
    )
    cell = nb.active_cell()
    k = 6
    for key, dk in [
        ("ArrowUp", -1),
        ("ArrowUp", -1),
        ("ArrowDown", +1),
        ("ArrowDown", +1),
        ("ArrowDown", +1),
    ]:
        before = nb.kjson("w.cut_height")
        nb.page.keyboard.press(key)
        k += dk
        nb.wait_attr("data-n-clusters", lambda a, k=k: a == str(k))
        s = state(nb)
        assert s["n_clusters"] == k, f"{key}: kernel has {s['n_clusters']} clusters, want {k}"
        # The contract: halfway between the two distinct merge heights around the new cut.
        if dk < 0:
            above = steps[steps > before]
            want = (above[0] + above[1]) / 2 if len(above) > 1 else above[0]
        else:
            below = steps[steps <= before]
            want = (below[-1] + below[-2]) / 2 if len(below) > 1 else below[-1] / 2
        assert s["cut_height"] == pytest.approx(want, rel=1e-12), (key, before, s)
        assert nb.kjson("_cut_is_fcluster(w)")
        assert nb.active_cell() == cell, f"{key} reached JupyterLab: the active cell changed"
        assert nb.root().evaluate("(el) => el.contains(document.activeElement)"), (
            f"{key} took the focus away from the view"
        )
    nb.shot("keyboard-after-steps")


# ---- 4. Python -> view -----------------------------------------------------------------------
def test_python_sets_cut_and_clusters(lab, nbpage, write_notebook):
    open_fruits(lab, nbpage, write_notebook, "py2view")
    nb = nbpage
    nb.kexec("w.n_clusters = 2")
    nb.wait_attr("data-n-clusters", lambda a: a == "2")
    settle(nb)
    h2 = nb.kjson("w.cut_height")
    assert float(nb.attrs()["data-cut-height"]) == h2
    before = nb.canvas()
    nb.shot("py2view-k2")
    assert palette_colors(before) == set(PALETTE[:2]), palette_colors(before)

    nb.kexec("w.n_clusters = 5")
    nb.wait_attr("data-n-clusters", lambda a: a == "5")
    settle(nb)
    h5 = nb.kjson("w.cut_height")
    assert float(nb.attrs()["data-cut-height"]) == h5 and h5 < h2
    after = nb.canvas()
    nb.shot("py2view-k5")
    assert palette_colors(after) == set(PALETTE[:5]), palette_colors(after)
    changed = np.any(after.rgba != before.rgba, axis=-1)
    assert changed.mean() > 0.001, "the picture did not change with the cut"

    nb.kexec("w.cut_height = 0.25 * w.cut_steps[-1]")
    h = nb.kjson("w.cut_height")
    nb.wait_attr("data-cut-height", lambda a: a not in (None, "") and float(a) == h)
    assert nb.attrs()["data-n-clusters"] == str(nb.kjson("w.n_clusters"))

    nb.kexec("w.cut_height = None")
    nb.wait_attr("data-cut-height", lambda a: a in ("", None))
    assert nb.attrs()["data-n-clusters"] == "1"
    settle(nb)
    assert palette_colors(nb.canvas()) <= {PALETTE[0]}


# ---- 5. two views, reload --------------------------------------------------------------------
def test_two_views_sync_and_reload_restores(lab, nbpage, write_notebook):
    info = open_fruits(lab, nbpage, write_notebook, "twoviews", views=2)
    nb = nbpage
    # Keyboard in view 0 -> kernel and view 1.
    nb.kexec("w.n_clusters = 4")
    for i in (0, 1):
        nb.wait_attr("data-n-clusters", lambda a: a == "4", i=i)
    nb.root(0).focus()
    nb.page.keyboard.press("ArrowDown")
    nb.wait_attr("data-n-clusters", lambda a: a == "5", i=1)
    assert state(nb)["n_clusters"] == 5
    assert nb.attrs(0)["data-cut-height"] == nb.attrs(1)["data-cut-height"]

    # A selection from Python shows in both; a click in view 1 shows in view 0.
    v = 2 * info["n"] - 3
    nb.kexec(f"w.selection = [{v}]")
    for i in (0, 1):
        nb.wait_attr("data-selection", lambda a: a == str(v), i=i)
    nb.root(1).focus()
    nb.page.keyboard.press("Escape")
    nb.wait_attr("data-selection", lambda a: a in ("", None), i=0)
    assert state(nb)["selection"] == []

    nb.kexec(f"w.selection = [{v}]; w.view_window = [10.0, 60.0, 0.0, w.cut_steps[-3]]")
    for i in (0, 1):
        nb.wait_attr("data-view-window", lambda a: len(floats(a)) == 4, i=i)
    want = {k: nb.attrs(0)[k] for k in ("data-cut-height", "data-selection", "data-view-window")}
    nb.shot("twoviews-before-reload-view1", i=1)

    nb.save()
    nb.page.reload()
    nb.wait_kernel()
    nb.wait_widgets(2)
    for i in (0, 1):
        a = nb.attrs(i)
        got = {k: a[k] for k in want}
        assert got == want, f"view {i} after reload: {got}, before: {want}"
    settle(nb)
    nb.shot("twoviews-after-reload-view0", i=0)
    nb.shot("twoviews-after-reload-view1", i=1)
    assert nb.dialogs == []


# ---- 7. zoom ---------------------------------------------------------------------------------
def same_window(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(
        abs(x - y) <= 1e-9 * max(1.0, abs(y)) for x, y in zip(a, b, strict=True)
    )


def test_zoom_wheel_dblclick_reset_and_python(lab, nbpage, write_notebook):
    info = open_fruits(lab, nbpage, write_notebook, "zoom")
    nb = nbpage
    n = info["n"]
    geo = calibrate(nb, info)
    full = nb.canvas()

    # Wheel up over the middle: the leaf axis zooms in around the pointer (once the view has the
    # focus: a click in its corner, outside the tree; before that the wheel scrolls the page).
    box = nb.canvas_box()
    nb.page.mouse.click(box["x"] + 3, box["y"] + 3)
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    nb.page.mouse.move(cx, cy)
    nb.page.mouse.wheel(0, -300)
    nb.wait_attr("data-view-window", lambda a: len(floats(a)) == 4)
    w1 = nb.kwait("w.view_window", lambda v: same_window(v, floats(nb.attrs()["data-view-window"])))
    assert w1[0] > 0 and w1[1] < n and w1[1] - w1[0] < n, w1
    assert w1[0] < n / 2 < w1[1], f"the wheel zoomed away from the pointer: {w1}"
    nb.shot("zoom-wheel")

    # "0" resets to the full view.
    nb.root().focus()
    nb.page.keyboard.press("0")
    nb.wait_attr("data-view-window", lambda a: a in ("", None))
    assert nb.kjson("w.view_window") == []
    settle(nb)
    assert np.any(nb.canvas().rgba != full.rgba, axis=-1).mean() < 0.001, "0 is not the full view"

    # Double-click a node: the view shows its subtree (the same window as w.zoom_to(node)).
    v = pick_node(info, geo)
    nb.page.mouse.dblclick(*node_point(nb, geo, v))
    want = nb.kjson(f"_subtree_window(w, {v})")
    nb.wait_attr("data-view-window", lambda a: same_window(floats(a), want))
    assert same_window(nb.kjson("w.view_window"), want)
    settle(nb)
    nb.shot("zoom-dblclick")

    # The toolbar's reset button restores the full view; "+" zooms in, "-" back out.
    nb.root().get_by_role("button", name=re.compile("reset", re.I)).click()
    nb.wait_attr("data-view-window", lambda a: a in ("", None))
    assert nb.kjson("w.view_window") == []
    nb.root().focus()
    nb.page.keyboard.press("+")
    nb.wait_attr("data-view-window", lambda a: len(floats(a)) == 4)
    wp = nb.kjson("w.view_window")
    assert wp[1] - wp[0] < n, wp
    nb.page.keyboard.press("-")
    nb.wait_attr(
        "data-view-window", lambda a: a in ("", None) or floats(a)[1] - floats(a)[0] > wp[1] - wp[0]
    )

    # From Python: zoom_to a node, an explicit window, reset_zoom.
    nb.kexec("w.reset_zoom()")
    nb.wait_attr("data-view-window", lambda a: a in ("", None))
    nb.kexec(f"w.zoom_to({v})")
    nb.wait_attr("data-view-window", lambda a: same_window(floats(a), want))
    settle(nb)
    zoomed = nb.canvas()
    nb.shot("zoom-to-node")
    assert np.any(zoomed.rgba != full.rgba, axis=-1).mean() > 0.01, "zoom_to changed nothing"
    nb.kexec("w.view_window = [0.0, 20.0, 0.0, 2.0]")
    nb.wait_attr("data-view-window", lambda a: same_window(floats(a), [0, 20, 0, 2]))
    # The same picture as at the start: no selection, no hover, full view.
    nb.kexec("w.selection = []; w.reset_zoom()")
    nb.page.mouse.move(1, 1)
    nb.wait_attr("data-view-window", lambda a: a in ("", None))
    nb.wait_attr("data-selection", lambda a: a in ("", None))
    settle(nb)
    diff = np.any(nb.canvas().rgba != full.rgba, axis=-1).mean()
    assert diff < 0.001, f"reset_zoom: not the full view ({diff:.2%} of pixels differ)"
    assert nb.dialogs == []
