"""The tree follows the display message (src/dendrowidget/_display.py), in real JupyterLab: a
widget shown by a cell that keeps running is drawn while the cell runs, and one shown inside a box
(no display message of its own) gets its tree when the cell ends."""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.browser

SETUP = """\
import time
import numpy as np
from ipywidgets import VBox
from scipy.cluster.hierarchy import linkage
from dendrowidget import Dendrogram

rng = np.random.default_rng(3)
Z = linkage(rng.normal(size=(300, 4)), "ward")
Z2 = linkage(rng.normal(size=(120, 4)), "average")"""
SHOWN = """\
w = Dendrogram.from_linkage(Z, n_clusters=4)
display(w)
time.sleep(8)  # the kernel is busy: only what it sent before sleeping reaches the page"""
BOXED = """\
inner = Dendrogram.from_linkage(Z2, n_clusters=3)
VBox([inner])"""

# The showing cell's prompt: "[*]" while it runs (the kernel's own status may read idle then:
# ipykernel 7 answers on other channels meanwhile).
RUNNING = """() => {
  const cell = window.jupyterapp.shell.currentWidget.content.widgets[1];
  return cell.node.querySelector('.jp-InputPrompt').textContent.includes('*');
}"""


def test_the_tree_is_drawn_while_the_cell_that_shows_it_still_runs(lab, nbpage, write_notebook):
    nb = nbpage
    name = write_notebook("tree_order", [SETUP, SHOWN, BOXED])
    nb.open(lab.lab_url(name))
    t0 = time.monotonic()
    nb.page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    nb.wait_widgets(1, timeout=30)
    waited = time.monotonic() - t0
    # Drawn with its whole tree and cut while the cell still sleeps.
    assert nb.page.evaluate(RUNNING), f"the cell had ended when the view was ready ({waited:.1f} s)"
    a = nb.attrs(0)
    assert a["data-n-leaves"] == "300" and a["data-n-clusters"] == "4"
    assert nb.canvas(0).ink().sum() > 1000
    nb.shot("tree-during-cell")

    # The boxed widget had no display message: its tree came when its cell ended.
    nb.wait_widgets(2, timeout=60)
    nb.wait_kernel()
    b = nb.attrs(1)
    assert b["data-n-leaves"] == "120" and b["data-n-clusters"] == "3"
    assert nb.page.locator(".dendrowidget-pending").count() == 0
    nb.shot("tree-in-a-box", i=1)
    # Python's answers match what each view shows.
    assert nb.kjson("[int(w.n_clusters), int(inner.n_clusters)]") == [4, 3]
    assert nb.cell_errors() == [] and nb.dialogs == []
