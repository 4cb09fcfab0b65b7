"""In real JupyterLab: the drill-down into a micro-cluster leaf (the explorer is re-loaded, no
widget is created while the view's update is handled), and the example notebook of linked views
(`examples/linked_views.ipynb`): a subtree click selects its points in a jupyter-scatter plot,
and a selection made in the scatter's view selects the fewest subtrees holding exactly its rows."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from _marimo import REPO
from _notebooks import HELPERS, Hidden

pytestmark = pytest.mark.browser

MICRO = """\
from dendrowidget import Dendrogram, datasets

w = Dendrogram.from_dataframe(
    datasets.fruits(),
    label="fruit_name",
    numeric=["weight_grams", "sweetness_level", "color_intensity"],
    categorical={"genus": 3.0},
    reduce=12,
    progress=False,
    height=300,
)
ex = w.explorer(height=300)
w"""

# A plain walk of Z in the kernel (HELPERS' _leaves_under): every selected node is full, and its
# parent is not (so no fewer subtrees could hold the same rows).
CHECK_COVER = """\
def _cover_is_minimal(w):
    sel, n = set(w.selected_indices), w.n_leaves
    parent = {int(c): n + i for i, r in enumerate(w.linkage) for c in r[:2]}
    full = lambda v: set(_leaves_under(w, v)) <= sel
    return all(full(v) and (v == 2 * n - 2 or not full(parent[v])) for v in w.selection)
"""

# jupyter-scatter's view model, found through JupyterLab's widget manager, given a selection the
# way its lasso handler gives one: model.set("selection", <uint32 array>) then save_changes(),
# with the array in its wire form.
SELECT_IN_VIEW = """async ([modelId, rows]) => {
  const stack = [...window.jupyterapp.shell.currentWidget.content.widgets];
  while (stack.length) {
    const w = stack.pop();
    if (w._manager && w._manager.promise) {
      const model = await (await w._manager.promise).get_model(modelId);
      const sel = new Uint32Array(rows);
      const wire = {view: new DataView(sel.buffer), dtype: "uint32", shape: [sel.length]};
      model.set("selection", wire);
      model.save_changes();
      return true;
    }
    if (w.widgets) stack.push(...w.widgets);
    if (w.outputArea) stack.push(w.outputArea);
  }
  return false;
}"""

COUNT_MODELS = "len(__import__('ipywidgets.widgets.widget', fromlist=['_instances'])._instances)"


def test_double_click_reloads_the_explorer_in_place(lab, nbpage, write_notebook):
    nb = nbpage
    name = write_notebook("drill", [Hidden(HELPERS), MICRO, "ex"])
    nb.open(lab.lab_url(name))
    nb.run_and_wait(2)
    info = nb.kjson(
        "{'sizes': _np.bincount(w.row_leaves.to_numpy(), minlength=w.n_leaves).tolist(),"
        " 'leaves': list(w.leaves)}"
    )
    sizes = np.asarray(info["sizes"])
    assert nb.attrs(1)["data-n-leaves"] == str(sizes.max())
    leaf = int(np.argsort(sizes)[-3])
    assert sizes[leaf] not in (sizes.max(), 1)
    models = nb.kjson(COUNT_MODELS)
    x, y = nb.leaf_label_point(info["leaves"].index(leaf), len(sizes), 0)
    nb.page.mouse.dblclick(x, y)
    nb.wait_attr("data-n-leaves", lambda a: a == str(sizes[leaf]), i=1, timeout=20)
    assert nb.kjson("w.expanded_leaf") == leaf
    assert nb.kjson("[ex.n_leaves, ex.title, w.busy]") == [
        int(sizes[leaf]),
        f"Leaf {leaf}: " + nb.kjson(f"w.labels[{leaf}]"),
        False,
    ]
    assert nb.kjson(COUNT_MODELS) == models, "a widget was created by the double-click"
    # The explorer's answers are its rows': a click there selects rows of that leaf.
    x, y = nb.hot_point(1)
    nb.page.mouse.click(x, y)
    nb.wait_attr("data-selection", lambda a: bool(a), i=1)
    rows = nb.kjson("ex.selected_frame.index.tolist()")
    assert rows and set(rows) <= set(nb.kjson(f"w.frame.index[w.row_leaves == {leaf}].tolist()"))
    assert nb.cell_errors() == []
    nb.shot("lab-explorer", i=None)


def test_linked_views_example_tree_to_scatter_and_scatter_to_tree(lab, nbpage):
    nb = nbpage
    shutil.copy(REPO / "examples" / "linked_views.ipynb", lab.root / "linked_views.ipynb")
    nb.open(lab.lab_url("linked_views.ipynb"))
    nb.run_and_wait(1)
    assert nb.cell_errors() == []
    nb.kexec(HELPERS + "\n" + CHECK_COVER)
    nb.page.wait_for_selector(".jp-OutputArea-output canvas:not(.dendrowidget-canvas)")
    # Tree -> scatter: a click on a subtree selects exactly its rows in the scatter.
    nb.kexec("w.selection = []")
    nb.wait_attr("data-selection", lambda a: not a)
    x, y = nb.hot_point(0, fys=np.linspace(0.5, 0.2, 13))  # up in the tree: a subtree
    nb.page.mouse.click(x, y)
    nb.wait_attr("data-selection", lambda a: bool(a))
    rows = nb.kwait("sorted(int(i) for i in scatter.selection())", bool, what="stays empty")
    assert rows == nb.kjson("sorted(w.selected_indices)") and len(rows) > 1
    nb.page.wait_for_timeout(600)  # the scatter's selection animation
    nb.shot("lab-linked-tree-to-scatter", i=None)
    # Scatter -> tree: the rows of a rectangle in data space, selected in the scatter's view as
    # its lasso does (a real shift+drag lasso draws nothing under headless Chromium's software
    # WebGL, so the view's model is set the way jupyter-scatter's select handler sets it).
    lassoed = nb.kjson(
        "[int(i) for i in _np.flatnonzero(df.weight_grams.between(60, 280).to_numpy()"
        " & df.sweetness_level.between(2.5, 7.5).to_numpy())]"
    )
    assert 0 < len(lassoed) < 150
    model_id = nb.kjson("scatter.widget.model_id")
    assert nb.page.evaluate(SELECT_IN_VIEW, [model_id, lassoed])
    assert nb.kwait("sorted(int(i) for i in scatter.selection())", lambda v: v == lassoed)
    nb.kwait("sorted(w.selected_indices)", lambda v: v == lassoed, what="!= the lasso's rows")
    # The fewest subtrees: no two selected nodes are siblings, each is under no other.
    assert nb.kjson("_cover_is_minimal(w)")
    want = ",".join(str(v) for v in nb.kjson("list(w.selection)"))
    nb.wait_attr("data-selection", lambda a: a == want)  # the tree's view shows it
    nb.shot("lab-linked-scatter-to-tree", i=None)
    assert nb.cell_errors() == []
