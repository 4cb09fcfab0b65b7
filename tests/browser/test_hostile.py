"""Labels are untrusted data: they render as text, never as HTML, and run nothing."""

from __future__ import annotations

import pytest
from _geometry import calibrate, settle
from _notebooks import HELPERS, Hidden, py

pytestmark = pytest.mark.browser

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    "javascript:alert(3)",
    '<a href="javascript:alert(4)">click</a>',
    "\u202egnp.exe\u202c right-to-left \u200f\u05e9\u05dc\u05d5\u05dd",
    "emoji \U0001f352\U0001f34b\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "<svg onload=alert(5)>",
    "'\"><iframe src=javascript:alert(6)>",
    "&lt;b&gt;not bold&lt;/b&gt;",
    "L" * 10_000,
]

CELL = f"""\
import numpy as np
import pandas as pd
from dendrowidget import Dendrogram

_hostile = {py(HOSTILE)}
rng = np.random.default_rng(7)
n = 40
df = pd.DataFrame(rng.normal(size=(n, 3)), columns=["a", "b", "c"])
df["name"] = [_hostile[i % len(_hostile)] if i < 30 else f"plain {{i}}" for i in range(n)]
df["note"] = [_hostile[(i + 3) % len(_hostile)][:200] for i in range(n)]
w = Dendrogram.from_dataframe(df, label="name", numeric=["a", "b", "c"], tooltip=["note"],
                              annotations=["note"], title=_hostile[0], axis_label=_hostile[1])"""

INJECTED = """() => ({
  inRoot: Array.from(document.querySelectorAll('.dendrowidget'))
    .map(r => r.querySelectorAll('img, script, iframe, svg, object, embed, a').length)
    .reduce((a, b) => a + b, 0),
  onHandlers: document.querySelectorAll('[onerror], [onload]').length,
  jsLinks: document.querySelectorAll('a[href^="javascript:" i], iframe[src^="javascript:" i]')
    .length,
  imgX: document.querySelectorAll('img[src="x"]').length,
})"""

CLEAN = {"inRoot": 0, "onHandlers": 0, "jsLinks": 0, "imgX": 0}


def test_hostile_labels_render_as_text(lab, nbpage, write_notebook):
    nb = nbpage
    name = write_notebook("hostile", [Hidden(HELPERS), CELL, "w"])
    nb.open(lab.lab_url(name))
    nb.run_and_wait(1)
    assert nb.attrs()["data-n-leaves"] == "40"
    assert nb.page.evaluate(INJECTED) == CLEAN
    nb.shot("hostile-render")

    # Hover every leaf: tooltips show the labels, as text.
    info = nb.kjson("_geometry(w)")
    geo = calibrate(nb, info)
    c = nb.canvas()
    shown = set()
    for pos, row in enumerate(info["leaves"]):
        label = info["labels"][row]
        for dy in (-2, 6):
            nb.page.mouse.move(*c.page_xy(geo.x(pos + 0.5), geo.y(0) + dy))
            settle(nb)
            probe = label[:40]
            loc = nb.page.get_by_text(probe, exact=False)
            if any(loc.nth(j).is_visible() for j in range(min(loc.count(), 5))):
                shown.add(label)
                break
        if label == HOSTILE[0] and HOSTILE[0] in shown:
            nb.shot("hostile-tooltip-img", i=None)
        assert nb.page.evaluate(INJECTED) == CLEAN, f"hovering {label[:60]!r} injected elements"
    assert nb.dialogs == [], nb.dialogs
    # The markup-like labels were shown literally (as text), not swallowed by an HTML parser.
    missing = [s[:40] for s in HOSTILE[:4] if s not in shown]
    assert not missing, f"hovering did not show these labels as text: {missing}"
    # The 10,000-character label is still one leaf, and the widget still answers.
    nb.kexec("w.selection = [9]")  # row 9 carries it
    nb.wait_attr("data-selection", lambda a: a == "9")
    assert nb.kjson("len(w.selected_labels[0])") == 10_000
    # Category names of the "note" strip, in the explain panel beside the toolbar: text only.
    panel = nb.root().locator(".dendrowidget-explain")
    nb.page.wait_for_function(
        "(el) => el.textContent.includes('note')", arg=panel.element_handle(), timeout=10_000
    )
    assert nb.page.evaluate(INJECTED) == CLEAN
    assert nb.dialogs == []
