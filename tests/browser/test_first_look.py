"""What a person sees first (issue 11): the README's snippet in a 968 px cell shows every fruit
label, the axis titles, the cluster colours and their band; 10 clusters get 10 colours; the
toolbar fits 320 px; tooltips round numbers; text and lines keep their contrast in the dark
theme; PNG export is 2x without handles, SVG export parses."""

from __future__ import annotations

import base64
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from _geometry import calibrate, settle
from _notebooks import FRUIT_WIDGET, HELPERS, Hidden
from _page import NotebookPage
from test_lab import node_point, open_fruits, pick_node

from dendrowidget import PALETTE  # the source of truth

pytestmark = pytest.mark.browser


DOCS = Path(__file__).resolve().parents[2] / "docs"

# The README's snippet, verbatim: docs/screenshot.png is this code's picture.
README_SNIPPET = """\
from dendrowidget import Dendrogram, datasets

df = datasets.fruits()
w = Dendrogram.from_dataframe(df, label="fruit_name",
                              numeric=["weight_grams", "sweetness_level", "color_intensity"],
                              categorical={"genus": 3.0}, method="ward",
                              distance_sort="ascending", n_clusters=5,
                              title="Hierarchical Clustering of Fruit Samples",
                              leaf_label="Fruit Name")
w"""


def rgb(hex_color: str) -> np.ndarray:
    return np.array([int(hex_color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)], dtype=float)


def luminance(c: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of sRGB colours (last axis: r, g, b in 0..255)."""
    s = np.asarray(c, dtype=float)[..., :3] / 255
    lin = np.where(s <= 0.04045, s / 12.92, ((s + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def contrast(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    la, lb = luminance(a), luminance(b)
    return (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)


def set_width(nb: NotebookPage, css_px: int) -> None:
    """Resize the browser so the view's root is css_px wide (the cell width)."""
    for _ in range(3):
        w = nb.root().bounding_box()["width"]
        if abs(w - css_px) < 0.5:
            return
        vp = nb.page.viewport_size
        width = round(vp["width"] - (w - css_px))
        nb.page.set_viewport_size({"width": width, "height": vp["height"]})
        nb.page.wait_for_timeout(300)
        settle(nb)
    assert abs(nb.root().bounding_box()["width"] - css_px) < 0.5


def tall_shot(nb: NotebookPage, name: str) -> None:
    """A screenshot of a view taller than the page: the page grows to hold it first."""
    vp = nb.page.viewport_size
    h = nb.root().bounding_box()["height"]
    nb.page.set_viewport_size({"width": vp["width"], "height": max(vp["height"], round(h) + 300)})
    settle(nb)
    nb.shot(name)
    nb.page.set_viewport_size(vp)


# ---- the README snippet in a 968 px cell -------------------------------------------------------
def test_readme_snippet_first_look(lab, nbpage, write_notebook):
    nb = nbpage
    name = write_notebook("firstlook", [Hidden(HELPERS), README_SNIPPET])
    nb.open(lab.lab_url(name))
    nb.run_and_wait(1)
    set_width(nb, 968)
    nb.page.mouse.move(1, 1)
    settle(nb)
    info = nb.kjson("_geometry(w)")
    assert nb.attrs()["data-labels"] == "150", "not every fruit label is drawn at 968 px"
    geo = calibrate(nb, info)
    c = nb.canvas()
    ink = c.ink()
    base = round(geo.y(0))
    # Every leaf has ink in its column below the tree (its label), none is left blank.
    band = ink[base + 16 : min(c.h, base + 120)]
    cols = [round(geo.x(p + 0.5)) for p in range(150)]
    # (+-2 px: labels are 5.9 px apart, a glyph about 4 px wide, the fitted map good to a pixel)
    blank = [p for p, x in enumerate(cols) if not band[:, x - 2 : x + 3].any()]
    assert not blank, f"leaves without a label: {blank}"
    # The leaf-axis title under the labels, the height-axis title left of the ticks.
    assert ink[c.h - 18 :, c.w // 2 - 40 : c.w // 2 + 40].any(), "no leaf-axis title"
    assert ink[base - 200 : base - 20, :14].any(), "no height-axis title"
    # Five clusters, five colours of the palette.
    present = [p for p in PALETTE if c.count_color(p, tol=2) >= 15]
    assert present == list(PALETTE[:5]), present
    shot = nb.shot("first-look-readme-968")
    if os.environ.get("DENDROWIDGET_UPDATE_SCREENSHOT") == "1":
        shutil.copy(shot, DOCS / "screenshot.png")

    # orientation="left" grows the view to fit readable labels.
    nb.kexec("w.orientation = 'left'")
    nb.wait_attr("data-labels", lambda a: a == "150")
    settle(nb)
    box = nb.canvas_box()
    assert box["height"] >= 150 * 6, f"orientation='left': the canvas is {box['height']} px tall"
    tall_shot(nb, "first-look-left")
    assert nb.dialogs == []


LEFT_2000 = """\
import numpy as np
from dendrowidget import Dendrogram

X = np.random.default_rng(3).normal(size=(2000, 3))
w = Dendrogram(X, method="ward", orientation="left", heatmap=False)"""


def test_left_orientation_hint_reads_horizontally(lab, nbpage, write_notebook):
    nb = nbpage
    name = write_notebook("lefthint", [LEFT_2000, "w"])
    nb.open(lab.lab_url(name))
    nb.run_and_wait(1)
    settle(nb)
    assert nb.attrs()["data-labels"] == "0"
    c = nb.canvas()
    ink = c.ink()
    # The tree fills its columns top to bottom; right of it is the label band with the hint.
    dense = np.flatnonzero(ink.mean(axis=0) > 0.5)
    edge = int(dense.max()) + 3
    ys, xs = np.nonzero(ink[30:-45, edge:])  # the height axis runs along the bottom
    assert len(xs) > 50, "no hint in the label band"
    wide, tall = xs.max() - xs.min() + 1, ys.max() - ys.min() + 1
    tall_shot(nb, "left-hint")
    assert wide > tall, f"the hint's ink is {wide} px wide and {tall} px tall: not horizontal"


# ---- ten clusters, ten colours, a band that says which is which --------------------------------
def test_ten_clusters_ten_colours_and_a_clickable_band(lab, nbpage, write_notebook):
    nb = nbpage
    info = open_fruits(lab, nb, write_notebook, "tencolours")
    geo = calibrate(nb, info)
    nb.kexec("w.n_clusters = 10")
    nb.wait_attr("data-n-clusters", lambda a: a == "10")
    nb.page.mouse.move(1, 1)
    settle(nb)
    c = nb.canvas()
    counts = {p: c.count_color(p, tol=2) for p in PALETTE[:10]}
    assert all(v >= 15 for v in counts.values()), counts
    assert len(set(PALETTE[:10])) == 10
    assert nb.kjson("list(w.cluster_colors.values())") == list(PALETTE[:10])
    nb.shot("ten-clusters")

    # The band under the leaves: cluster 3's colour below its leaves; clicking it selects it.
    ids = nb.kjson("w.clusters.to_numpy()[w.leaves].tolist()")
    pos = [p for p, k in enumerate(ids) if k == 3]
    col = round(geo.x((pos[0] + pos[-1] + 1) / 2))
    base = round(geo.y(0))
    column = c.rgba[base : base + 160, col, :3].astype(int)  # past the heatmap, if any
    hit = np.flatnonzero(np.abs(column - rgb(PALETTE[2])).max(axis=1) <= 2)
    assert hit.size >= 4, "no band of cluster 3's colour under its leaves"
    x, y = c.page_xy(col, base + int(np.median(hit)))
    nb.page.mouse.click(x, y)
    node = nb.kjson("w.cluster_nodes[2]")
    nb.kwait("list(w.selection)", lambda v: v == [node])
    assert sorted(nb.kjson("list(w.selected_indices)")) == sorted(info["leaves"][p] for p in pos)
    settle(nb)
    nb.shot("band-click-cluster-3")
    assert nb.dialogs == []


# ---- a 320 px cell ------------------------------------------------------------------------------
NARROW = (
    FRUIT_WIDGET
    + """
import ipywidgets
box = ipywidgets.Box([w], layout=ipywidgets.Layout(width="320px"))"""
)

OVERFLOW = """(root) => {
  const r = root.getBoundingClientRect();
  const bad = [];
  for (const el of root.querySelectorAll('.dendrowidget-toolbar > *')) {
    if (el.hidden || getComputedStyle(el).display === 'none') continue;
    const b = el.getBoundingClientRect();
    if (b.width === 0) continue;
    if (b.left < r.left - 0.5 || b.right > r.right + 0.5) bad.push(`${el.className} off the edge`);
    const clipped = el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'INPUT';
    if (clipped) bad.push(`${el.className} clipped`);
    if (el.tagName === 'BUTTON' && b.height > 30) bad.push(`${el.textContent} wraps`);
  }
  const c = root.querySelector('canvas').getBoundingClientRect();
  if (c.right > r.right + 0.5) bad.push('canvas wider than the view');
  return {bad, width: r.width};
}"""


def test_toolbar_fits_a_320px_cell(lab, nbpage, write_notebook):
    nb = nbpage
    name = write_notebook("narrow", [Hidden(HELPERS), NARROW, "box"])
    nb.open(lab.lab_url(name))
    nb.run_and_wait(1)
    settle(nb)
    out = nb.root().evaluate(OVERFLOW)
    nb.shot("narrow-320")
    assert out["width"] <= 320.5, out
    assert out["bad"] == [], out["bad"]
    # Still usable: search, reset, both exports.
    box = nb.root().get_by_role("searchbox")
    box.fill("lime")
    nb.wait_attr("data-matches", lambda a: a == "8")
    box.press("Enter")
    nb.wait_attr("data-view-window", lambda a: bool(a))
    nb.root().get_by_role("button", name=re.compile("reset", re.I)).click()
    nb.wait_attr("data-view-window", lambda a: a in ("", None))
    for label in ("PNG", "SVG"):
        with nb.page.expect_download() as dl:
            nb.root().get_by_role("button", name=label).click()
        assert dl.value.suggested_filename.endswith("." + label.lower())
    assert nb.dialogs == []


# ---- tooltip numbers ----------------------------------------------------------------------------
NUMBERS = """\
import numpy as np
import pandas as pd
from dendrowidget import Dendrogram

rng = np.random.default_rng(5)
df = pd.DataFrame({"x": rng.normal(size=14), "y": rng.normal(size=14)})
df["cpu"] = -5.254188071457829 + np.arange(14) * 0.123456789
w = Dendrogram.from_dataframe(df, numeric=["x", "y"], tooltip=["cpu"])"""


def test_tooltip_numbers_have_four_significant_digits(lab, nbpage, write_notebook):
    nb = nbpage
    name = write_notebook("tipnumbers", [Hidden(HELPERS), NUMBERS, "w"])
    nb.open(lab.lab_url(name))
    nb.run_and_wait(1)
    info = nb.kjson("_geometry(w)")
    geo = calibrate(nb, info)
    c = nb.canvas()
    pos = info["leaves"].index(0)
    tip = nb.root().locator(".dendrowidget-tooltip")
    text = ""
    for dy in (-2, 8, 16):
        nb.page.mouse.move(*c.page_xy(geo.x(pos + 0.5), geo.y(0) + dy))
        settle(nb)
        if tip.is_visible():
            text = tip.inner_text()
            if "cpu" in text:
                break
    nb.shot("tooltip-numbers")
    assert "cpu" in text, text
    assert re.search(r"cpu\s+-5\.254(?!\d)", text), text


# ---- export --------------------------------------------------------------------------------------
PNG_PIXELS = """async (b64) => {
  const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
  const bmp = await createImageBitmap(new Blob([bytes], {type: 'image/png'}));
  const cv = new OffscreenCanvas(bmp.width, bmp.height);
  const g = cv.getContext('2d');
  g.drawImage(bmp, 0, 0);
  const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
  let s = '';
  for (let i = 0; i < d.length; i += 0x8000)
    s += String.fromCharCode.apply(null, d.subarray(i, i + 0x8000));
  return {w: bmp.width, h: bmp.height, rgba: btoa(s)};
}"""


def download(nb: NotebookPage, label: str) -> tuple[str, bytes]:
    with nb.page.expect_download() as dl:
        nb.root().get_by_role("button", name=label).click()
    return dl.value.suggested_filename, Path(dl.value.path()).read_bytes()


def test_png_is_2x_without_handles_and_svg_parses(lab, nbpage, write_notebook):
    nb = nbpage
    info = open_fruits(lab, nb, write_notebook, "exports")
    geo = calibrate(nb, info)
    nb.kexec("w.n_clusters = 4")
    nb.wait_attr("data-n-clusters", lambda a: a == "4")
    v = pick_node(info, geo)
    nb.page.mouse.move(*node_point(nb, geo, v, below=-1))  # hover: the node's U is highlighted
    settle(nb)
    screen = nb.canvas()
    h = nb.kjson("w.cut_height")
    cut = round(geo.y(h))
    right = round(geo.x(info["n"]))
    handle = (slice(cut - 8, cut + 9), slice(right + 3, right + 20))
    assert screen.ink()[handle].any(), "no cut handle on screen to compare with"
    nb.shot("export-screen-with-handle")

    name, png = download(nb, "PNG")
    assert name.endswith(".png") and png[:8] == b"\x89PNG\r\n\x1a\n"
    got = nb.page.evaluate(PNG_PIXELS, base64.b64encode(png).decode())
    assert (got["w"], got["h"]) == (2 * screen.w, 2 * screen.h), (got["w"], got["h"], screen.w)
    px = np.frombuffer(base64.b64decode(got["rgba"]), dtype=np.uint8).reshape(got["h"], got["w"], 4)
    out = Path(nb.shot("export-png-2x")).with_name("export-png-2x-file.png")
    out.write_bytes(png)
    bg = np.asarray(screen.background(), dtype=np.uint8)
    area = px[2 * (cut - 8) : 2 * (cut + 9), 2 * (right + 3) : 2 * (right + 20)]
    assert (area == bg).all(), "the PNG shows the cut handle"
    assert (np.abs(px[..., :3].astype(int) - rgb("#1976d2")).max(axis=-1) <= 8).sum() == 0, (
        "the PNG shows the hover highlight"
    )

    name, svg = download(nb, "SVG")
    assert name.endswith(".svg")
    Path(out.with_name("export.svg")).write_bytes(svg)
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
    assert float(root.get("width")) == screen.w and float(root.get("height")) == screen.h
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    labels = set(info["labels"])
    assert sum(t in labels for t in texts) == 150, "the SVG does not hold the 150 labels as text"
    fills = {e.get("fill", "").lower() for e in root.iter()}
    assert {p.lower() for p in PALETTE[:4]} <= fills, fills
    assert len(svg) < 400_000, f"SVG of 150 leaves is {len(svg):,} bytes"
    assert nb.dialogs == []


# ---- contrast in light and dark ------------------------------------------------------------------
def label_pixels(c) -> tuple[np.ndarray, np.ndarray]:
    """The page background (a corner pixel: a selection band may cover most of the plot) and the
    pixels of the leaf labels: below the first empty row under the tree, inside the plot."""
    bg = c.rgba[2, 2]
    ink = np.any(c.rgba != bg, axis=-1)
    cols = slice(70, c.w - 30)
    rows = ink[:, cols].any(axis=1)
    mid = c.h // 2
    gap = mid + int(np.flatnonzero(~rows[mid:])[0])
    return bg[:3].astype(float), c.rgba[gap : c.h - 2, cols][ink[gap : c.h - 2, cols]]


def test_text_and_lines_keep_their_contrast_light_and_dark(lab, nbpage, write_notebook):
    nb = nbpage
    info = open_fruits(lab, nb, write_notebook, "contrast")
    n = info["n"]
    v = next(u for u in range(n, 2 * n - 1) if 10 <= info["count"][u] <= 14)
    for theme in ("light", "dark"):
        if theme == "dark":
            nb.set_theme("JupyterLab Dark")
        nb.kexec(f"w.cut_height = None; w.zoom_to({v}); w.selection = [{v}]")
        nb.wait_attr("data-selection", lambda a: a == str(v))
        nb.page.mouse.move(1, 1)
        settle(nb)
        c = nb.canvas()
        bg, text = label_pixels(c)
        assert len(text) > 100, "no selected labels found"
        best = float(contrast(text[:, :3], bg).max())
        nb.shot(f"contrast-{theme}-selected-labels")
        assert best >= 4.5, f"{theme}: selected labels reach {best:.2f}:1 against the background"

        nb.kexec("w.selection = []; w.reset_zoom(); w.n_clusters = 10")
        nb.wait_attr("data-n-clusters", lambda a: a == "10")
        settle(nb)
        c = nb.canvas()
        bg = c.rgba[2, 2, :3].astype(float)
        nb.shot(f"contrast-{theme}-ten-clusters")
        for p in PALETTE[:10]:
            assert c.count_color(p, tol=2) >= 15, (theme, p)
            ratio = float(contrast(rgb(p), bg))
            assert ratio >= 3, f"{theme}: cluster colour {p} is {ratio:.2f}:1 against {bg}"
    assert nb.dialogs == []
