"""The harness itself, apart from the widget: a notebook opens, runs, and the kernel answers
through the page's own connection. When this fails the server or browser set-up is at fault."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


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
