"""The same widget in Jupyter Notebook 7: it renders and syncs both ways."""

from __future__ import annotations

import pytest
from _notebooks import FRUIT_WIDGET, HELPERS, Hidden

pytestmark = pytest.mark.browser


def test_notebook7_renders_and_syncs(lab, nbpage, write_notebook):
    nb = nbpage
    name = write_notebook("nb7", [Hidden(HELPERS), FRUIT_WIDGET, "w"])
    nb.open(lab.notebook7_url(name))
    assert nb.page.evaluate("() => window.jupyterapp.name") == "Jupyter Notebook"
    nb.run_and_wait(1)
    assert nb.attrs()["data-n-leaves"] == "150"
    assert nb.canvas().ink().mean() > 0.01, "blank canvas in Notebook 7"

    nb.kexec("w.n_clusters = 3")
    nb.wait_attr("data-n-clusters", lambda a: a == "3")
    nb.root().focus()
    cell = nb.active_cell()
    nb.page.keyboard.press("ArrowDown")
    nb.wait_attr("data-n-clusters", lambda a: a == "4")
    assert nb.kjson("w.n_clusters") == 4
    assert nb.kjson("_cut_is_fcluster(w)")
    assert nb.active_cell() == cell, "ArrowDown reached Notebook 7: the active cell changed"
    nb.shot("notebook7")
    assert nb.dialogs == []
