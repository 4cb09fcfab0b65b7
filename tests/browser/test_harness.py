"""The harness itself, apart from the widget: a notebook opens, runs, and the kernel answers
through the page's own connection. When this fails the server or browser set-up is at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_lab_runs_a_notebook_and_the_kernel_answers(lab, nbpage, write_notebook):
    name = write_notebook(
        "harness",
        ["x = 6 * 7\nprint('answer', x)", "import ipywidgets\nipywidgets.IntSlider(value=x)"],
    )
    nbpage.open(lab.lab_url(name))
    nbpage.run_all()
    slider = nbpage.page.locator(".widget-slider")
    slider.first.wait_for(state="visible")
    assert nbpage.kjson("x") == 42
    assert nbpage.cell_errors() == []
    # No "Jupyter news" toast and no dialog.
    assert nbpage.page.locator(".jp-Notification-Toast").count() == 0
    assert nbpage.dialogs == []
    nbpage.shot("harness-lab", i=None)


def test_notebook7_runs_a_notebook(lab, nbpage, write_notebook):
    name = write_notebook("harness7", ["y = 2 ** 10\nprint(y)"])
    nbpage.open(lab.notebook7_url(name))
    assert nbpage.page.evaluate("() => window.jupyterapp.name") == "Jupyter Notebook"
    nbpage.run_all()
    assert nbpage.kjson("y") == 1024


def test_the_benchmarks_bare_devtools_driver_measures_a_first_paint(lab, write_notebook):
    """benchmarks/_bare_cdp.py (first paint as a user's browser runs it, without Playwright's
    copy of every websocket message): a notebook opens, runs, its view paints, the probes and
    the kernel answer, and no Network event reaches the driver."""
    import sys

    from conftest import CHROMIUM_ARGS, chromium_path

    sys.path.insert(0, str(BENCHMARKS))
    from _bare_cdp import BareChromium, BareNotebook
    from browser import WIDGET_CELL, WS_PROBE, first_paint

    setup = (
        "import time as _time\nimport numpy as np\nfrom scipy.cluster.hierarchy import linkage\n"
        "from dendrowidget import Dendrogram\n"
        "Z = linkage(np.random.default_rng(0).normal(size=(3000, 3)), 'ward')"
    )
    name = write_notebook("bare_paint", [setup, WIDGET_CELL])
    chrome = BareChromium(chromium_path(), CHROMIUM_ARGS)
    try:
        page = chrome.page()
        page.add_init_script(WS_PROBE)
        nb = BareNotebook(page)
        nb.open(lab.lab_url(name))
        fp = first_paint(nb)
        assert 0 < fp["kernel_build_ms"] < fp["to_ready_ms"] <= fp["to_painted_ms"] < 60_000
        assert fp["view_created_ms"] is not None and fp["first_draw_ms"] > 0
        assert nb.kjson("w.n_leaves") == 3000
        assert page.evaluate("() => document.querySelector('.dendrowidget').dataset.nLeaves") == (
            "3000"
        )
        assert chrome.events_seen and not any(m.startswith("Network.") for m in chrome.events_seen)
        page.close()
    finally:
        chrome.close()
        lab.shutdown_kernels()
