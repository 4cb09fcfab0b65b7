"""Dendrogram.to_html / write_html: one file that renders offline from file:// with every
http(s) request blocked, showing the cut, selection and zoom it was written with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _notebooks import FRUIT_WIDGET, HELPERS, Hidden
from _page import NotebookPage

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
