"""The fruit dendrogram in marimo: `marimo edit examples/marimo_fruits.py` (or `marimo run`).

Cells that read the widget through `mo.ui.anywidget(...)` re-run when the view changes it (a
key, a click, a dragged cut); a slider sets the number of clusters from Python; a tree of
micro-clusters (`reduce=`) opens a leaf's own rows' tree below it on a double-click.
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo

    from dendrowidget import Dendrogram, datasets

    return Dendrogram, datasets, mo


@app.cell
def _(Dendrogram, datasets):
    df = datasets.fruits()
    features = {
        "label": "fruit_name",
        "numeric": ["weight_grams", "sweetness_level", "color_intensity"],
        "categorical": {"genus": 3.0},
    }
    w = Dendrogram.from_dataframe(df, **features, title="150 fruits", height=380)
    return df, features, w


@app.cell
def _(mo):
    k = mo.ui.slider(1, 12, value=3, label="clusters", show_value=True)
    k
    return (k,)


@app.cell
def _(k, w):
    w.n_clusters = k.value  # Python sets the cut: the view follows
    k_set = w.n_clusters
    return (k_set,)


@app.cell
def _(mo, w):
    tree = mo.ui.anywidget(w)
    tree
    return (tree,)


@app.cell
def _():
    runs = []  # how often the readout below ran (it re-runs on each change the view makes)
    return (runs,)


@app.cell
def _(k_set, mo, runs, tree):
    runs.append(k_set)
    _cut = "none" if tree.cut_height is None else f"{tree.cut_height:.4g}"
    _picked = ", ".join(tree.selected_labels[:8]) or "nothing (click a subtree)"
    _more = len(tree.selected_labels) - 8
    mo.md(
        f"""
        **cut_height** <span id="cut-height">{_cut}</span> ·
        **n_clusters** <span id="n-clusters">{tree.n_clusters}</span> ·
        **selected** (<span id="n-selected">{len(tree.selected_labels)}</span>):
        <span id="selected-labels">{_picked}{f" and {_more} more" if _more > 0 else ""}</span>

        <small>runs of this cell: <span id="runs">{len(runs)}</span></small>
        """
    )
    return


@app.cell
def _(Dendrogram, df, features):
    micro = Dendrogram.from_dataframe(
        df,
        **features,
        reduce=12,
        progress=False,
        height=300,
        title="12 micro-clusters: double-click a leaf to open its rows",
    )
    return (micro,)


@app.cell
def _(micro, mo):
    micro_view = mo.ui.anywidget(micro)
    rows_view = mo.ui.anywidget(micro.explorer(height=300))
    mo.vstack([micro_view, rows_view])
    return micro_view, rows_view


@app.cell
def _(micro_view, mo, rows_view):
    mo.md(
        f"opened leaf <span id='opened-leaf'>{micro_view.expanded_leaf}</span>: its tree has "
        f"<span id='explorer-rows'>{rows_view.n_leaves}</span> rows"
    )
    return


if __name__ == "__main__":
    app.run()
