"""The data beside the tree in real JupyterLab: the fruit example's heatmap and genus strip with
their legends, a cell's exact value from the kernel, why the odd Mandarins are apart (in the
view and in w.explain), and the heatmap in every orientation, in the dark theme and in the PNG.
Positions are found from the pixels (the tree's maps by _geometry.calibrate, the bands as runs of
fully inked rows under the leaves)."""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from _geometry import Geometry, calibrate, settle
from _notebooks import FRUIT_WIDGET, HELPERS, Hidden
from _page import Canvas, NotebookPage
from test_lab import node_point

pytestmark = pytest.mark.browser

GENUS = ["#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE"]  # Tol muted: codes 0..4
DIVERGING_ENDS = ["#053061", "#67001f"]  # the z-score legend's bar ends
NUM = ["weight_grams", "sweetness_level", "color_intensity"]


def open_fruits(lab, nbpage: NotebookPage, write_notebook, name: str) -> dict:
    nb = write_notebook(name, [Hidden(HELPERS), FRUIT_WIDGET, "w"])
    nbpage.open(lab.lab_url(nb))
    nbpage.run_and_wait(1)
    return nbpage.kjson("_geometry(w)")


def data_bands(c: Canvas, geo: Geometry, n: int) -> list[tuple[int, int]]:
    """Runs of rows under the leaves inked across the whole leaf axis: the strip, then the
    heatmap (its columns touch: one run)."""
    x0, x1 = int(geo.x(0)) + 2, int(geo.x(n)) - 2
    full = c.ink()[:, x0:x1].mean(axis=1) > 0.97
    runs, y = [], int(geo.y(0)) + 1
    while y < c.h:
        if full[y]:
            start = y
            while y < c.h and full[y]:
                y += 1
            if y - start >= 3:  # not a hairline (the leaves' ends, a grid line)
                runs.append((start, y))
        y += 1
    return runs


def spans(info: dict) -> dict[tuple[int, int], int]:
    n = info["n"]
    return {(info["start"][v], info["start"][v] + info["count"][v]): v for v in range(2 * n - 1)}


def odd_mandarins(info: dict) -> tuple[int, int]:
    """The three Mandarins drawn among the Oranges, and the subtree of the other seven."""
    drawn = [info["labels"][r] for r in info["leaves"]]
    by_span = spans(info)
    odd = [
        v
        for (a, b), v in by_span.items()
        if b - a == 3 and set(drawn[a:b]) == {"Mandarin"} and drawn[a - 1] == drawn[b] == "Orange"
    ]
    others = [v for (a, b), v in by_span.items() if b - a == 7 and set(drawn[a:b]) == {"Mandarin"}]
    assert len(odd) == 1 and len(others) == 1, (odd, others)
    return odd[0], others[0]


def colors_present(c: Canvas, colors: list[str], min_px: int = 20) -> set[str]:
    return {x for x in colors if c.count_color(x, tol=3) >= min_px}


def panel_text(nb: NotebookPage) -> str:
    return nb.root().locator(".dendrowidget-explain").inner_text()


def wait_panel(nb: NotebookPage, pred, timeout: float = 10.0) -> str:
    deadline = nb.page.evaluate("() => performance.now()") + timeout * 1e3
    while True:
        text = panel_text(nb)
        if pred(text):
            return text
        if nb.page.evaluate("() => performance.now()") > deadline:
            raise AssertionError(f"explain panel: {text!r}")
        nb.page.wait_for_timeout(50)


# ---- the fruit example: heatmap, genus strip, legends, exact values ------------------------------
def test_fruit_heatmap_strip_legends_and_exact_values(lab, nbpage, write_notebook):
    info = open_fruits(lab, nbpage, write_notebook, "heatmap")
    nb = nbpage
    a = nb.attrs()
    assert a["data-heatmap-columns"] == "3" and a["data-annotation-columns"] == "1"
    assert nb.kjson("w.heatmap_columns") == NUM and nb.kjson("w.annotation_columns") == ["genus"]
    geo = calibrate(nb, info)
    c = nb.canvas()
    nb.shot("heatmap-fruits")
    # five genera: in the strip and as legend swatches; the z-score bar's ends in the legend
    assert colors_present(c, GENUS, min_px=100) == set(GENUS)
    assert colors_present(c, DIVERGING_ENDS, min_px=5) == set(DIVERGING_ENDS)
    bands = data_bands(c, geo, info["n"])
    assert len(bands) == 2, f"expected the strip and the heatmap under the leaves, found {bands}"
    (s0, s1), (h0, h1) = bands
    assert 8 <= s1 - s0 <= 12, bands  # the strip
    cell = (h1 - h0) / 3
    assert cell >= 3, bands
    # the strip's colour at each leaf is its genus' colour
    genera = sorted(set(nb.kjson("list(w.frame.genus)")))
    frame_genus = nb.kjson("list(w.frame.genus)")
    for p in (0, 40, 75, 110, 149):
        row = info["leaves"][p]
        px = c.rgba[(s0 + s1) // 2, round(geo.x(p + 0.5)), :3]
        want = GENUS[genera.index(frame_genus[row])]
        rgb = [int(want[i : i + 2], 16) for i in (1, 3, 5)]
        assert np.abs(px.astype(int) - rgb).max() <= 3, (p, frame_genus[row], px, want)

    # Hover a color_intensity cell: label, column, the exact value from the kernel, z-score.
    tooltip = nb.page.locator(".dendrowidget-tooltip")
    for p in (3, 77, 121):
        row = info["leaves"][p]
        x, y = c.page_xy(geo.x(p + 0.5), h0 + 2.5 * cell)
        nb.page.mouse.move(x, y)
        exact = nb.kjson(f"str(w.frame.color_intensity.iloc[{row}])")
        want_z = nb.kjson(
            f"float((w.frame.color_intensity.iloc[{row}] - w.frame.color_intensity.mean())"
            " / w.frame.color_intensity.std(ddof=0))"
        )
        text = ""
        for _ in range(100):
            text = tooltip.inner_text() if tooltip.is_visible() else ""
            if exact in text and "≈" not in text:
                break
            nb.page.wait_for_timeout(50)
        assert info["labels"][row] in text and "color_intensity" in text, text
        assert exact in text and "≈" not in text, f"no exact value {exact} in {text!r}"
        z = float(re.search(r"z-score\s*([+-][\d.]+)", text).group(1))
        assert z == pytest.approx(want_z, abs=0.006)
    nb.shot("heatmap-hover-cell", i=None)
    assert nb.dialogs == []


# ---- why the odd Mandarins are apart ------------------------------------------------------------
def test_compare_the_odd_mandarins_with_the_others(lab, nbpage, write_notebook):
    info = open_fruits(lab, nbpage, write_notebook, "compare")
    nb = nbpage
    odd, others = odd_mandarins(info)
    geo = calibrate(nb, info)

    # hovering the odd Mandarins lists what sets them apart from their sibling
    nb.page.mouse.move(*node_point(nb, geo, odd, below=-1.0))
    tooltip = nb.page.locator(".dendrowidget-tooltip")
    tooltip.wait_for(state="visible")
    assert "vs sibling" in tooltip.inner_text()
    assert re.search(r"sd", tooltip.inner_text())

    nb.kexec(f"w.selection = [{odd}]")
    nb.wait_attr("data-selection", lambda v: v == str(odd))
    wait_panel(nb, lambda t: t.startswith("3 selected vs rest (147):"))
    compare = nb.root().get_by_role("button", name="Compare")
    compare.click()
    nb.wait_attr("data-compare", lambda v: v is not None)
    # pointing at the other Mandarins previews the comparison; a click keeps it
    nb.page.mouse.move(*node_point(nb, geo, others, below=-1.0))
    text = wait_panel(nb, lambda t: "(pointed at)" in t)
    assert text.startswith("3 selected vs 7 (pointed at):"), text
    nb.page.mouse.click(*node_point(nb, geo, others, below=-1.0))
    nb.page.mouse.move(1, 1)
    text = wait_panel(nb, lambda t: t.startswith("3 selected vs 7:"))
    effects = text.split(":", 1)[1].split("·")
    assert effects[0].strip() == "color_intensity -0.7 sd", text
    nb.kexec("w.n_clusters = 5")  # the README's picture: clusters coloured too
    nb.wait_attr("data-n-clusters", lambda v: v == "5")
    settle(nb)
    shot = nb.shot("compare-odd-mandarins")
    if os.environ.get("DENDROWIDGET_UPDATE_SCREENSHOT") == "1":  # the README's second picture
        shutil.copyfile(shot, Path(__file__).resolve().parents[2] / "docs" / "compare.png")
    assert nb.kjson("list(w.selection)") == [odd]  # comparing never changed the selection

    got = nb.kjson(f"w.explain(against=[{others}]).head(1).to_dict('records')")[0]
    assert got["column"] == "color_intensity"
    assert got["effect"] == pytest.approx(-0.7, abs=0.01)
    # the view's figure (quantised) and the kernel's (exact) round to the same tenth
    assert f"{got['effect']:+.1f}".replace("+", "") == effects[0].split()[1]

    nb.root().focus()
    nb.page.keyboard.press("Escape")  # back to the rest
    nb.wait_attr("data-compare", lambda v: v is None)
    wait_panel(nb, lambda t: t.startswith("3 selected vs rest"))
    assert nb.dialogs == []


# ---- orientations, dark theme, PNG ---------------------------------------------------------------
def test_heatmap_in_every_orientation_dark_theme_and_png(lab, nbpage, write_notebook):
    from PIL import Image

    open_fruits(lab, nbpage, write_notebook, "heatmap-looks")
    nb = nbpage
    nb.kexec("w.n_clusters = 4")
    for o in ("left", "bottom", "right", "top"):
        nb.kexec(f"w.orientation = {o!r}")
        nb.page.wait_for_timeout(150)
        settle(nb)
        c = nb.canvas()
        assert colors_present(c, GENUS, min_px=100) == set(GENUS), o
        assert colors_present(c, DIVERGING_ENDS, min_px=5) == set(DIVERGING_ENDS), o
        nb.shot(f"heatmap-orientation-{o}")

    nb.set_theme("JupyterLab Dark")
    settle(nb)
    dark = nb.canvas()
    bg = dark.background()
    assert sum(bg[:3]) < 200, f"the canvas did not turn dark: background {bg}"
    assert colors_present(dark, GENUS, min_px=100) == set(GENUS)
    nb.shot("heatmap-dark")
    with nb.page.expect_download() as dl:
        nb.root().get_by_role("button", name="PNG").click()
    with open(dl.value.path(), "rb") as f:
        shot = np.asarray(Image.open(io.BytesIO(f.read())).convert("RGBA"))
    # the PNG is the picture at twice the screen's resolution: heatmap, strip, legends included
    assert shot.shape[:2] == (2 * dark.h, 2 * dark.w)
    rgba = base64.b64encode(np.ascontiguousarray(shot).tobytes()).decode()
    exported = Canvas(
        {
            "w": 2 * dark.w,
            "h": 2 * dark.h,
            "cssW": 2 * dark.w,
            "cssH": 2 * dark.h,
            "left": 0,
            "top": 0,
            "rgba": rgba,
        }
    )
    assert colors_present(exported, GENUS, min_px=100) == set(GENUS)
    assert colors_present(exported, DIVERGING_ENDS, min_px=5) == set(DIVERGING_ENDS)
    assert sum(exported.background()[:3]) < 200
    assert nb.dialogs == []


# ---- a large heatmap: block sums first, the codes after the first frame -------------------------
LATER_SETUP = """\
import time
import fastcluster
import numpy as np
import pandas as pd
from dendrowidget import Dendrogram, _detail

rng = np.random.default_rng(7)
X = np.repeat(rng.normal(size=(6, 5)) * 2, 1000, axis=0) + rng.normal(size=(6000, 5))
df = pd.DataFrame(X, columns=[f"c{j}" for j in range(5)]).mask(rng.random(X.shape) < 0.02)
Z = fastcluster.linkage_vector(X, "ward")"""
LATER_WIDGET = """\
_detail.LATER_BYTES = 0  # this heatmap's codes follow its first frame, as a large one's do
w = Dendrogram.from_linkage(Z, frame=df, heatmap=True)
display(w)
time.sleep(6)  # the kernel is busy: the view's request for the codes waits"""
WHOLE_WIDGET = """\
_detail.LATER_BYTES = 10**12
whole = Dendrogram.from_linkage(Z, frame=df, heatmap=True)
whole"""


def test_a_large_heatmap_is_drawn_from_block_sums_then_exactly(lab, nbpage, write_notebook):
    nb = nbpage
    name = write_notebook("later", [LATER_SETUP, LATER_WIDGET, WHOLE_WIDGET])
    nb.open(lab.lab_url(name))
    # run without waiting for the kernel: the first view is looked at while its cell sleeps
    nb.page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    nb.wait_widgets(1)
    # While the kernel sleeps the view has the block sums only: the heatmap is drawn from them,
    # and the explain panel waits for the codes rather than blur a selection's means.
    assert nb.attrs()["data-heatmap-later"] is not None
    assert nb.attrs()["data-heatmap-columns"] == "5"
    point = nb.hot_point()
    nb.page.mouse.click(*point)
    nb.wait_attr("data-selection", lambda v: bool(v))
    assert "reading the data" in panel_text(nb)
    coarse = nb.canvas()
    nb.shot("heatmap-later-blocks")
    assert nb.attrs()["data-heatmap-later"] is not None, "the codes came before the kernel woke"

    nb.wait_widgets(2, timeout=60)
    nb.wait_kernel()
    nb.wait_attr("data-heatmap-later", lambda v: v is None, timeout=30)
    text = wait_panel(nb, lambda t: "sd" in t)
    assert "reading" not in text
    nb.kexec("w.selection = ()")  # as the whole heatmap's view: nothing selected
    nb.wait_attr("data-selection", lambda v: not v)
    nb.page.mouse.move(0, 0)
    nb.page.wait_for_timeout(300)
    exact, whole = nb.canvas(0), nb.canvas(1)
    nb.shot("heatmap-later-codes")
    # With its codes the view draws exactly what a heatmap sent whole draws.
    assert exact.rgba.shape == whole.rgba.shape
    assert np.array_equal(exact.rgba, whole.rgba)
    # From block sums: the same picture but for the heatmap's cells, whose colours are close.
    rows = np.flatnonzero(np.abs(coarse.rgba.astype(int) - exact.rgba.astype(int)).max(axis=(1, 2)))
    assert rows.size > 0, "block sums drew exactly what the codes draw: nothing was tested"
    band = rows.max() - rows.min() + 1
    assert band < exact.h * 0.5, (rows.min(), rows.max(), exact.h)
    a = coarse.rgba[rows.min() : rows.max() + 1, :, :3].astype(float).ravel()
    b = exact.rgba[rows.min() : rows.max() + 1, :, :3].astype(float).ravel()
    assert np.corrcoef(a, b)[0, 1] > 0.9
    assert nb.kjson("w._heatmap_later is None and 'codes' in w._heatmap")
    assert nb.dialogs == []
