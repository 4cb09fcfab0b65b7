"""Dendrogram.to_html / write_html: one file that renders offline from file:// with every
http(s) request blocked, showing the cut, selection and zoom it was written with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _notebooks import FRUIT_WIDGET, HELPERS, Hidden
from _page import NotebookPage
from _scheme import box_color, scheme_of, screenshot_rgb, widget_colors

from dendrowidget import PALETTE  # the source of truth

pytestmark = pytest.mark.browser


def open_offline(context, path: Path) -> tuple[NotebookPage, list[str]]:
    page = context.new_page()
    requested: list[str] = []
    dialogs: list[str] = []

    def block(route) -> None:
        requested.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^https?://"), block)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    nb = NotebookPage(page, dialogs)
    nb.wait_widgets(1, timeout=30)
    return nb, requested


def check_static(text: str) -> None:
    low = text.lower()
    assert not re.search(r"<script[^>]*\ssrc\s*=", low), "the page loads a script file"
    assert not re.search(r"<link[^>]*\shref\s*=\s*[\"']?https?:", low), "the page links a URL"
    assert "cdnjs.cloudflare.com" not in low, "ipywidgets' CDN require.js is still referenced"
    assert 'type="application/vnd.jupyter.widget-state+json"' in text
    # A tiny model around the widget's own module: no require.js, no ipywidgets html-manager.
    assert "requirejs" not in low and "@jupyter-widgets/html-manager" not in low


def test_write_html_offline(browser, tmp_path):
    from dendrowidget import Dendrogram, datasets
    from dendrowidget._export import write_html

    df = datasets.fruits()
    w = Dendrogram.from_dataframe(
        df,
        label="fruit_name",
        numeric=["weight_grams", "sweetness_level", "color_intensity"],
        categorical={"genus": 3.0},
        method="ward",
        distance_sort="ascending",
        title="Fruits </script><script>alert(1)</script>",
    )
    w.n_clusters = 4
    node = int(w.linkage.shape[0] + w.n_leaves - 3)  # the root's lower child
    w.selection = [node]
    out = write_html(w, tmp_path / "fruits.html")
    assert out == tmp_path / "fruits.html"
    text = out.read_text(encoding="utf-8")
    check_static(text)

    context = browser.new_context(viewport={"width": 1200, "height": 700})
    try:
        nb, requested = open_offline(context, out)
        a = nb.attrs()
        assert float(a["data-cut-height"]) == w.cut_height
        assert a["data-n-clusters"] == "4"
        assert a["data-selection"] == str(node)
        assert a["data-n-leaves"] == "150"
        c = nb.canvas()
        assert c.ink().mean() > 0.01, "blank canvas in the exported page"
        present = {p for p in PALETTE if c.count_color(p, tol=2) >= 15}
        assert present == set(PALETTE[:4]), present
        nb.shot("export-offline", i=None)
        assert requested == [], f"the page asked the network for {requested}"
        assert nb.dialogs == []
    finally:
        context.close()


def test_to_html_from_the_kernel_after_interaction(lab, nbpage, write_notebook, tmp_path):
    nb = nbpage
    name = write_notebook("export", [Hidden(HELPERS), FRUIT_WIDGET, "w"])
    nb.open(lab.lab_url(name))
    nb.run_and_wait(1)
    nb.kexec("w.n_clusters = 3")
    nb.wait_attr("data-n-clusters", lambda a: a == "3")
    nb.root().focus()
    nb.page.keyboard.press("ArrowDown")  # cut set in the view
    nb.wait_attr("data-n-clusters", lambda a: a == "4")
    v = 2 * 150 - 4
    nb.kexec(f"w.selection = [{v}]")
    nb.wait_attr("data-selection", lambda a: a == str(v))
    out = tmp_path / "from-kernel.html"
    got = nb.kjson(f"str(w.to_html({str(out)!r}))")
    assert Path(got) == out and out.exists()
    want = nb.attrs()
    check_static(out.read_text(encoding="utf-8"))

    page, requested = open_offline(nb.page.context, out)
    a = page.attrs()
    for k in ("data-cut-height", "data-n-clusters", "data-selection", "data-n-leaves"):
        assert a[k] == want[k], (k, a[k], want[k])
    page.shot("export-from-kernel", i=None)
    assert requested == []
    assert page.dialogs == []


def fruit_page(tmp_path: Path, **display: object) -> tuple[object, Path]:
    from dendrowidget import Dendrogram, datasets

    w = Dendrogram.from_dataframe(
        datasets.fruits(),
        label="fruit_name",
        numeric=["weight_grams", "sweetness_level", "color_intensity"],
        categorical={"genus": 3.0},
        **display,
    )
    return w, w.to_html(tmp_path / "fruits.html")


def test_offline_page_is_small_and_stays_interactive(browser, tmp_path):
    w, out = fruit_page(tmp_path, n_clusters=4)
    size = out.stat().st_size
    print(f"fruit page: {size / 1000:.1f} KB")
    assert size <= 300_000, f"the fruit page weighs {size:,} bytes"
    check_static(out.read_text(encoding="utf-8"))
    context = browser.new_context(viewport={"width": 1200, "height": 700})
    try:
        nb, requested = open_offline(context, out)
        assert nb.attrs()["data-n-clusters"] == "4"
        # cut: a key in the view moves it to the next step
        nb.root().focus()
        nb.page.keyboard.press("ArrowDown")
        nb.wait_attr("data-n-clusters", lambda a: a == "5")
        # select: a click on a node
        x, y = nb.hot_point()
        nb.page.mouse.click(x, y)
        sel = nb.wait_attr("data-selection", lambda a: bool(a))
        node = int(sel or -1)
        assert 0 <= node <= 2 * 150 - 2
        # search: the labels containing "apple", case-insensitive (Apple and Crabapple)
        want = sum("apple" in label.lower() for label in w.labels)
        nb.root().locator(".dendrowidget-search").fill("apple")
        nb.wait_attr("data-matches", lambda a: a == str(want))
        assert want > 0
        # zoom: the wheel over the plot narrows the window
        box = nb.canvas_box()
        nb.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        for _ in range(4):
            nb.page.mouse.wheel(0, -200)
        win = nb.wait_attr("data-view-window", lambda a: bool(a))
        x0, x1 = (float(v) for v in (win or "").split(",")[:2])
        assert 0 <= x0 < x1 <= 150 and x1 - x0 < 150
        nb.shot("export-interactive", i=None)
        assert requested == [] and nb.dialogs == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_offline_page_follows_the_os_scheme(browser, tmp_path, scheme):
    _, out = fruit_page(tmp_path, n_clusters=3)
    context = browser.new_context(viewport={"width": 1200, "height": 700}, color_scheme=scheme)
    try:
        nb, requested = open_offline(context, out)
        colors = widget_colors(nb.page, nb.root())
        page_bg = box_color(screenshot_rgb(nb.page), {"x": 0, "y": 0, "width": 12, "height": 12})
        nb.shot(f"export-scheme-{scheme}", i=None)
        seen = {k: scheme_of(c) for k, c in {**colors, "page": page_bg}.items()}
        assert set(seen.values()) == {scheme}, (seen, colors, page_bg)
        assert colors["canvas"] == page_bg, "the canvas and the page around it differ"
        assert requested == []
    finally:
        context.close()


def test_nbconvert_export_renders_the_widget_offline(browser, tmp_path):
    """`jupyter nbconvert --to dendrowidget_html --execute`: the saved widget state renders from
    file:// with the network blocked (the stock export needs three CDNs for that)."""
    import subprocess
    import sys

    from _notebooks import write_notebook

    name = write_notebook(tmp_path, "exported", [FRUIT_WIDGET + "\nw.n_clusters = 4\nw", "w"])
    cmd = [sys.executable, "-m", "jupyter", "nbconvert", "--to", "dendrowidget_html", "--execute"]
    subprocess.run([*cmd, str(tmp_path / name)], check=True, capture_output=True, timeout=300)
    out = tmp_path / "exported.html"
    text = out.read_text(encoding="utf-8")
    assert "require.min.js" not in text and "html-manager" not in text
    assert "application/vnd.jupyter.widget-state+json" in text
    context = browser.new_context(viewport={"width": 1200, "height": 1400})
    try:
        nb, requested = open_offline(context, out)
        nb.wait_widgets(2, timeout=30)
        for i in (0, 1):  # two views of one model
            assert nb.attrs(i)["data-n-clusters"] == "4"
        nb.root(1).focus()
        nb.page.keyboard.press("ArrowDown")  # the views share the model, as in the notebook
        nb.wait_attr("data-n-clusters", lambda a: a == "5", i=0)
        nb.shot("nbconvert-offline", i=None)
        # Only MathJax asks the network (formulas need it; the widgets do not).
        assert [u for u in requested if "mathjax" not in u.lower()] == []
        assert nb.dialogs == []
    finally:
        context.close()


def test_nbconvert_export_of_a_box_of_anywidgets(browser, tmp_path):
    """The linked-views example exported offline: the HBox holding the tree and a jupyter-scatter
    plot is laid out by the page loader, and both anywidgets render from the saved state."""
    import shutil
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[2]
    shutil.copy(repo / "examples" / "linked_views.ipynb", tmp_path / "linked.ipynb")
    cmd = [sys.executable, "-m", "jupyter", "nbconvert", "--to", "dendrowidget_html", "--execute"]
    subprocess.run([*cmd, str(tmp_path / "linked.ipynb")], check=True, capture_output=True)
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    try:
        nb, requested = open_offline(context, tmp_path / "linked.html")
        box = nb.page.locator(".anywidget-page-view").filter(has=nb.page.locator(".dendrowidget"))
        scatter = box.first.locator("canvas:not(.dendrowidget-canvas)").first
        scatter.wait_for(state="visible", timeout=30_000)
        tree_box, scatter_box = nb.canvas_box(), scatter.bounding_box()
        assert scatter_box is not None and scatter_box["width"] > 100
        assert scatter_box["x"] > tree_box["x"] + tree_box["width"] / 2, "not side by side"
        assert nb.attrs()["data-n-clusters"] == "4"
        nb.root().scroll_into_view_if_needed()
        nb.shot("nbconvert-linked-offline", i=None)
        assert [u for u in requested if "mathjax" not in u.lower()] == []
    finally:
        context.close()


def test_nbconvert_export_of_a_large_heatmap_holds_its_codes(browser, tmp_path):
    """A large heatmap's codes follow its first frame (`_detail.py`). A notebook executed with no
    page to ask for them still saves them: the kernel sends them when the cell has finished."""
    import subprocess
    import sys

    from _notebooks import write_notebook

    later = "from dendrowidget import _detail\n\n_detail.LATER_BYTES = 0  # as a large heatmap's"
    name = write_notebook(tmp_path, "large", [later, FRUIT_WIDGET + "\nw"])
    cmd = [sys.executable, "-m", "jupyter", "nbconvert", "--to", "dendrowidget_html", "--execute"]
    subprocess.run([*cmd, str(tmp_path / name)], check=True, capture_output=True, timeout=300)
    out = tmp_path / "large.html"
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        nb, requested = open_offline(context, out)
        nb.wait_widgets(1, timeout=30)
        attrs = nb.attrs()
        assert attrs["data-heatmap-columns"] == "3"
        assert "data-heatmap-later" not in attrs, "the page holds block sums, not the codes"
        nb.page.mouse.click(*nb.hot_point())
        nb.wait_attr("data-selection", lambda v: bool(v))
        text = nb.root().locator(".dendrowidget-explain").inner_text()
        assert " sd" in text and "reading" not in text, text
        nb.shot("nbconvert-large-heatmap", i=None)
        assert [u for u in requested if "mathjax" not in u.lower()] == []
    finally:
        context.close()
