"""The example app `examples/marimo_fruits.py` under a real `marimo run`, in headless Chromium:
the view renders; keys and clicks re-run the dependent cell, which shows the new cut and
selection; a slider sets `w.n_clusters`; a double-click on a micro-cluster leaf opens its rows'
tree; pan and zoom gestures re-run dependent cells at most once; the theme follows marimo's.
Expected values come from the same build in this process (the build is deterministic)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import numpy as np
import pytest
from _marimo import REPO, MarimoServer
from _page import NotebookPage
from _scheme import box_color, scheme_of, screenshot_rgb, widget_colors

from dendrowidget import Dendrogram, datasets

pytestmark = pytest.mark.browser

APP = REPO / "examples" / "marimo_fruits.py"
FEATURES = {
    "label": "fruit_name",
    "numeric": ["weight_grams", "sweetness_level", "color_intensity"],
    "categorical": {"genus": 3.0},
}
MAIN, MICRO, EXPLORER = 0, 1, 2  # the app's three views, top to bottom

# The JS state module (another branch) writes view_window once per gesture; until it lands the
# view writes it throttled while panning, and each write re-runs marimo's dependent cells.
STATE_MODULE = (REPO / "js" / "state" / "state.js").exists()


@pytest.fixture(scope="module")
def marimo_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MarimoServer]:
    server = MarimoServer(APP, tmp_path_factory.mktemp("marimo"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def open_app(request, browser, marimo_app: MarimoServer) -> Iterator[Callable[..., NotebookPage]]:
    """open_app(scheme="light", query="") -> the app in a new session, its views ready."""
    contexts = []

    def open_(scheme: str = "light", query: str = "") -> NotebookPage:
        context = browser.new_context(
            viewport={"width": 1280, "height": 1000}, device_scale_factor=1, color_scheme=scheme
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        nb = NotebookPage(page, [])
        page.on("dialog", lambda d: (nb.dialogs.append(d.message), d.dismiss()))
        page.goto(marimo_app.url + "/" + query)
        nb.wait_widgets(3, timeout=90)
        wait_text(nb, "#runs", lambda t: t.isdigit())
        return nb

    try:
        yield open_
        if getattr(request.node, "browser_failed", False):
            for j, ctx in enumerate(contexts):
                for pg in ctx.pages:
                    shot = NotebookPage(pg, []).shot(f"FAILED-{request.node.name}-{j}", i=None)
                    print(f"screenshot of the failure: {shot}")
            print(f"marimo log:\n{marimo_app.log_tail()}")
    finally:
        for context in contexts:
            context.close()


def text(nb: NotebookPage, selector: str) -> str:
    return (nb.page.locator(selector).first.text_content() or "").strip()


def wait_text(
    nb: NotebookPage, selector: str, pred: Callable[[str], bool], timeout: float = 20.0
) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            t = text(nb, selector)
        except Exception:  # the cell's output is being replaced
            t = ""
        if pred(t):
            return t
        if time.monotonic() > deadline:
            raise AssertionError(f"{selector} shows {t!r}, not what was expected")
        nb.page.wait_for_timeout(100)


def settled_runs(nb: NotebookPage, quiet: float = 1.5, timeout: float = 15.0) -> int:
    """The dependent cell's run count once it has not changed for `quiet` seconds."""
    deadline = time.monotonic() + timeout
    last, since = text(nb, "#runs"), time.monotonic()
    while time.monotonic() < deadline:
        nb.page.wait_for_timeout(100)
        now = text(nb, "#runs")
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
    return int(last)


def fruit_tree(**kw: object) -> Dendrogram:
    return Dendrogram.from_dataframe(datasets.fruits(), **FEATURES, progress=False, **kw)


def fmt(h: float) -> str:
    return f"{h:.4g}"


def test_keys_and_clicks_rerun_the_dependent_cell(open_app):
    nb = open_app()
    w = fruit_tree(n_clusters=3)
    assert text(nb, "#n-clusters") == "3" and text(nb, "#cut-height") == fmt(w.cut_height)
    runs = settled_runs(nb)
    # A key in the view: the cut moves down one step, marimo re-runs the readout once.
    nb.root(MAIN).focus()
    nb.page.keyboard.press("ArrowDown")
    nb.wait_attr("data-n-clusters", lambda a: a == "4", i=MAIN)
    w.cut_height = float(nb.attrs(MAIN)["data-cut-height"] or "nan")
    assert w.n_clusters == 4
    wait_text(nb, "#n-clusters", lambda t: t == "4")
    assert text(nb, "#cut-height") == fmt(w.cut_height)
    assert settled_runs(nb) == runs + 1
    # A click on a subtree: the readout lists its rows' labels (the same as this process's).
    x, y = nb.hot_point(MAIN)
    nb.page.mouse.click(x, y)
    node = int(nb.wait_attr("data-selection", lambda a: bool(a), i=MAIN) or -1)
    w.selection = [node]
    want = w.selected_labels
    wait_text(nb, "#n-selected", lambda t: t == str(len(want)))
    shown = text(nb, "#selected-labels")
    assert shown.startswith(", ".join(want[:8])), (shown, want[:8])
    assert settled_runs(nb) == runs + 2
    nb.shot("marimo-after-click", i=None)
    nb.shot("marimo-view-after-click", i=MAIN)


def test_a_slider_cell_sets_n_clusters_and_the_view_follows(open_app):
    nb = open_app()
    slider = nb.page.get_by_role("slider").first
    slider.focus()
    slider.press("ArrowRight")
    slider.press("ArrowRight")
    nb.wait_attr("data-n-clusters", lambda a: a == "5", i=MAIN)
    w = fruit_tree(n_clusters=5)
    assert float(nb.attrs(MAIN)["data-cut-height"] or "nan") == w.cut_height
    wait_text(nb, "#n-clusters", lambda t: t == "5")
    nb.shot("marimo-slider", i=MAIN)


def test_double_click_on_a_micro_cluster_leaf_opens_its_rows(open_app):
    nb = open_app()
    micro = fruit_tree(reduce=12)
    sizes = np.bincount(micro.row_leaves.to_numpy(), minlength=micro.n_leaves)
    assert nb.attrs(MICRO)["data-n-leaves"] == str(micro.n_leaves)
    assert nb.attrs(EXPLORER)["data-n-leaves"] == str(sizes.max())  # the largest leaf at first
    leaf = int(np.argsort(sizes)[-3])  # neither the largest nor (likely) a tie with it
    assert sizes[leaf] not in (sizes.max(), 1)
    x, y = nb.leaf_label_point(micro.leaves.index(leaf), micro.n_leaves, MICRO)
    nb.page.mouse.dblclick(x, y)
    nb.wait_attr("data-n-leaves", lambda a: a == str(sizes[leaf]), i=EXPLORER, timeout=20)
    wait_text(nb, "#opened-leaf", lambda t: t == str(leaf))
    assert text(nb, "#explorer-rows") == str(sizes[leaf])
    # The explorer answers for that leaf's rows: its labels are those rows' fruit names.
    sub = micro.expand(leaf)
    assert nb.attrs(EXPLORER)["data-n-leaves"] == str(sub.n_leaves)
    nb.root(EXPLORER).locator(".dendrowidget-search").fill(sub.labels[0])
    want = sum(sub.labels[0].lower() in s.lower() for s in sub.labels)
    nb.wait_attr("data-matches", lambda a: a == str(want), i=EXPLORER)
    nb.shot("marimo-explorer", i=None)
    nb.shot("marimo-explorer-view", i=EXPLORER)


@pytest.mark.xfail(
    not STATE_MODULE,
    strict=True,
    reason="needs js/state (view_window written once per gesture); this branch's view writes it "
    "throttled during a pan or wheel zoom, and each write re-runs marimo's dependent cells",
)
def test_a_pan_or_zoom_gesture_reruns_dependent_cells_at_most_once(open_app):
    nb = open_app()
    # The wheel zooms a view that has the focus (else it scrolls the page): focus it as the
    # keyboard does, without a click (a click selects, which re-runs the cell by itself).
    nb.root(MAIN).focus()
    runs = settled_runs(nb)
    box = nb.canvas_box(MAIN)
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    # Zoom: eight wheel steps over the plot.
    nb.page.mouse.move(cx, cy)
    for _ in range(8):
        nb.page.mouse.wheel(0, -120)
        nb.page.wait_for_timeout(50)
    after_zoom = settled_runs(nb)
    zoomed = nb.attrs(MAIN)["data-view-window"]
    assert zoomed, "the wheel did not zoom"
    # Pan (in the zoomed view: the full view has nowhere to go): press, drag ~1 s, release.
    nb.page.mouse.move(cx, cy)
    nb.page.mouse.down()
    for k in range(1, 21):
        nb.page.mouse.move(cx - 12 * k, cy)
        nb.page.wait_for_timeout(50)
    nb.page.wait_for_timeout(500)
    during = settled_runs(nb, quiet=0.3, timeout=2.0) - after_zoom
    nb.page.mouse.up()
    after_pan = settled_runs(nb)
    assert nb.attrs(MAIN)["data-view-window"] != zoomed, "the drag did not pan"
    print(
        f"dependent cell runs: wheel zoom {after_zoom - runs}; pan {during} while dragging, "
        f"{after_pan - after_zoom} in all"
    )
    assert after_zoom - runs <= 1, f"a wheel zoom re-ran the cell {after_zoom - runs} times"
    assert during == 0, f"the dependent cell re-ran {during} times during a pan"
    assert after_pan - after_zoom <= 1, f"a pan re-ran it {after_pan - after_zoom} times"


@pytest.mark.parametrize(
    ("os_scheme", "query", "want"),
    [("dark", "", "light"), ("dark", "?theme=light", "light"), ("light", "?theme=dark", "dark")],
    ids=["os-dark-marimo-default", "os-dark-marimo-light", "os-light-marimo-dark"],
)
def test_theme_follows_marimo_not_the_os(open_app, os_scheme, query, want):
    nb = open_app(os_scheme, query)
    root = nb.root(MAIN)
    colors = widget_colors(nb.page, root)
    box = root.bounding_box()
    assert box is not None
    rgb = screenshot_rgb(nb.page)
    around = box_color(rgb, {"x": 2, "y": box["y"], "width": 40, "height": 40}, inset=0)
    nb.shot(f"marimo-theme-{os_scheme}-os{query.replace('?theme=', '-marimo-')}", i=None)
    seen = {k: scheme_of(c) for k, c in {**colors, "page": around}.items()}
    assert set(seen.values()) == {want}, (seen, colors, around)
    assert root.get_attribute("data-scheme") == want


# ---- a large heatmap's codes reach the view in marimo too ---------------------------------------
LATER_APP = """\
import marimo

app = marimo.App()


@app.cell
def _():
    import marimo as mo

    from dendrowidget import Dendrogram, _detail, datasets

    _detail.LATER_BYTES = 0  # the fruits' heatmap travels as a large one does: codes after
    w = Dendrogram.from_dataframe(datasets.fruits(), label="fruit_name",
                                  numeric=["weight_grams", "sweetness_level", "color_intensity"])
    mo.ui.anywidget(w)
    return (w,)


@app.cell
def _(w):
    import time

    time.sleep(8)  # the kernel is busy: the view's request for the codes waits
    later = w._heatmap_later is None
    later
    return


if __name__ == "__main__":
    app.run()
"""


def test_a_large_heatmap_gets_its_codes_in_marimo(browser, tmp_path):
    app = tmp_path / "later_app.py"
    app.write_text(LATER_APP)
    server = MarimoServer(app, tmp_path)
    server.start()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    try:
        nb = NotebookPage(context.new_page(), [])
        nb.page.goto(server.url + "/")
        nb.wait_widgets(1, timeout=90)
        assert nb.attrs()["data-heatmap-columns"] == "3"
        assert nb.attrs().get("data-heatmap-later") is not None  # block sums first
        nb.wait_attr("data-heatmap-later", lambda v: v is None, timeout=30)  # marimo sent them
        nb.shot("marimo-heatmap-codes")
    except Exception:
        print(f"marimo log:\n{server.log_tail()}")
        raise
    finally:
        context.close()
        server.stop()
