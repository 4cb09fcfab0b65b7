"""Per-branch partitions in real JupyterLab: Alt-click splits and merges clusters, Python reads the
same partition, cluster nodes set from Python draw their outliers grey."""

from __future__ import annotations

import pytest
from _geometry import calibrate, set_cut, settle
from _page import NotebookPage
from test_lab import PALETTE, node_point, open_fruits

pytestmark = pytest.mark.browser


def partition(nb: NotebookPage) -> dict:
    return nb.kjson(
        "{'cut': w.cut_height, 'nodes': list(w.cluster_nodes), 'k': w.n_clusters, "
        "'outliers': int((w.clusters == -1).sum())}"
    )


def alt_click(nb: NotebookPage, xy: tuple[float, float]) -> None:
    nb.page.keyboard.down("Alt")
    nb.page.mouse.click(*xy)
    nb.page.keyboard.up("Alt")
    settle(nb)


def test_alt_click_splits_and_merges(lab, nbpage, write_notebook):
    nb = nbpage
    info = open_fruits(lab, nb, write_notebook, "alt-click")
    geo = calibrate(nb, info)
    steps = info["steps"]
    set_cut(nb, (steps[-3] + steps[-4]) / 2)  # 4 clusters
    before = partition(nb)
    assert before["k"] == 4 and before["cut"] is not None
    n = info["n"]
    # The widest cluster node that is a merge: split it with Alt-click on its bar.
    big = max((v for v in before["nodes"] if v >= n), key=lambda v: info["count"][v])
    kids = [info["left"][big - n], info["right"][big - n]]
    alt_click(nb, node_point(nb, geo, big))
    nb.wait_attr("data-n-clusters", lambda a: a == "5")
    after = partition(nb)
    assert sorted(after["nodes"]) == sorted([v for v in before["nodes"] if v != big] + kids)
    # Nothing an outlier; each cluster is exactly its node's rows (checked in the kernel by
    # walking the linkage matrix, not with the widget's own answers).
    assert after["outliers"] == 0
    assert nb.kjson("_partition_matches_nodes(w)")
    assert nb.attrs()["data-cluster-nodes"] in ("", ",".join(map(str, after["nodes"])))
    nb.shot("alt-click-split")

    # Alt-click on the parent of the two halves merges them back.
    alt_click(nb, node_point(nb, geo, big))
    nb.wait_attr("data-n-clusters", lambda a: a == "4")
    assert sorted(partition(nb)["nodes"]) == sorted(before["nodes"])
    assert nb.kjson("_partition_matches_nodes(w)")
    assert nb.dialogs == []


def test_outliers_from_python_are_grey(lab, nbpage, write_notebook):
    nb = nbpage
    info = open_fruits(lab, nb, write_notebook, "outliers")
    n = info["n"]
    root = 2 * n - 2
    left, right = info["left"][root - n], info["right"][root - n]
    small = min((left, right), key=lambda v: info["count"][v])
    # Only the larger half of the tree is a cluster: the smaller half's rows are outliers.
    keep = right if small == left else left
    nb.kexec(f"w.cluster_nodes = [{keep}]")
    nb.wait_attr("data-outliers", lambda a: a == str(info["count"][small]))
    p = partition(nb)
    assert p == {"cut": None, "nodes": [keep], "k": 1, "outliers": info["count"][small]}
    settle(nb)
    c = nb.canvas()
    # The cluster is drawn in the first palette colour, the outliers in the theme's muted grey:
    # no second palette colour anywhere.
    assert c.count_color(PALETTE[0], tol=2) > 50
    assert all(c.count_color(col, tol=2) < 5 for col in PALETTE[1:])
    nb.shot("outliers-grey")
    # A cut line replaces the partition.
    set_cut(nb, (info["steps"][-2] + info["steps"][-3]) / 2)
    assert partition(nb)["outliers"] == 0 and nb.attrs()["data-cluster-nodes"] == ""


def test_strip_marker_applies_the_suggested_cut(lab, nbpage, write_notebook):
    nb = nbpage
    info = open_fruits(lab, nb, write_notebook, "strip")
    geo = calibrate(nb, info)
    best = nb.kjson("w.get_state()['_suggestions']['best']")
    assert len(best) == 3
    set_cut(nb, None)
    nb.shot("strip")
    c = nb.canvas()
    target = best[0]
    # The marker: a triangle at the plot's edge on the axis side, at the suggested height.
    x, y = c.page_xy(geo.x(0) + 4, geo.y(target))
    nb.page.mouse.click(x, y)
    nb.wait_attr("data-cut-height", lambda a: a not in (None, "") and float(a) == target)
    assert nb.kjson("w.cut_height") == target
    assert nb.kjson("_cut_is_fcluster(w)")
    table = nb.kjson("w.suggest_cuts().dropna().sort_values('silhouette').index[-1].item()")
    assert nb.kjson("w.n_clusters") == table  # the best marker is the best silhouette's k


def test_suggest_cuts_each_branch_at_the_size_typed(lab, nbpage, write_notebook):
    nb = nbpage
    info = open_fruits(lab, nb, write_notebook, "suggest")
    n = info["n"]
    root = nb.root()
    size = root.locator(".dendrowidget-min-size")
    button = root.locator(".dendrowidget-suggest button")
    assert button.is_visible() and size.input_value() == "5"
    shapes = set()
    for m in (12, 30):
        # What HDBSCAN's selection gives on this tree, computed in the kernel from the engine.
        want = nb.kjson(
            f"sorted(int(v) for v in __import__('dendrowidget._branches', fromlist=['x'])"
            f".cut_branches(w._t, {m}, 'eom', False))"
        )
        size.fill(str(m))
        button.click()
        k = str(len(want))
        nb.wait_attr("data-n-clusters", lambda a, k=k: a == k)
        p = partition(nb)
        assert sorted(p["nodes"]) == want and p["k"] == len(want)
        assert nb.kjson("_partition_matches_nodes(w)")
        # every cluster has at least m rows; the rest are outliers
        counts = nb.kjson("[int(c) for c in w.clusters.value_counts().drop(-1, errors='ignore')]")
        assert min(counts) >= m and sum(counts) + p["outliers"] == n
        a = nb.attrs()
        if p["cut"] is None:  # not a horizontal line: each cluster's node is marked
            assert sorted(map(int, a["data-cluster-nodes"].split(","))) == want
            assert a["data-cut-height"] in (None, "")
        else:  # the selection happens to be fcluster's at some height: the line is drawn
            assert float(a["data-cut-height"]) == p["cut"] and a["data-cluster-nodes"] == ""
            assert nb.kjson("_cut_is_fcluster(w)")
        shapes.add(p["cut"] is None)
        settle(nb)
        nb.shot(f"suggest-min-{m}")
    assert shapes == {True, False}, "expected one per-branch and one horizontal selection"
    # Enter in the box asks too; a size no cluster reaches leaves every row an outlier.
    size.fill(str(n + 1))
    size.press("Enter")
    nb.wait_attr("data-outliers", lambda a: a == str(n))
    assert partition(nb)["k"] == 0
    assert nb.dialogs == []
