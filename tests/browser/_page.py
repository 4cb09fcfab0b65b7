"""Driving one notebook page (JupyterLab or Notebook 7) and reading its kernel.

The kernel is read through the page's own kernel connection: an execute request on the same
websocket as the widget's comm messages, so a read issued after a click sees that click's update
(after one no-op round trip that flushes what ipywidgets buffers, see _EXECUTE).
"""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from playwright.sync_api import Locator, Page

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

ROOT = ".dendrowidget"
READY = '.dendrowidget[data-ready="1"]'

_ANSI = re.compile(r"\x1b\[[0-9;]*m")

# The notebook panel of the page, in JupyterLab and in Notebook 7 alike.
_PANEL = "(window.jupyterapp && window.jupyterapp.shell.currentWidget)"

_KERNEL_READY = f"""() => {{
  const p = {_PANEL};
  const k = p && p.sessionContext && p.sessionContext.session && p.sessionContext.session.kernel;
  return !!(k && k.connectionStatus === 'connected' && k.status === 'idle'
            && p.content && p.content.widgets && p.content.widgets.length > 0);
}}"""

# ipywidgets keeps one comm message of a model in flight and buffers the next until the kernel
# reports idle for the first: a read sent straight after two quick changes would overtake the
# second. A no-op execute first lets that idle arrive and the buffered message leave.
_EXECUTE = f"""async (code) => {{
  const p = {_PANEL};
  const kernel = p.sessionContext.session.kernel;
  await kernel.requestExecute({{code: '', silent: true, store_history: false}}).done;
  const future = kernel.requestExecute({{code, stop_on_error: true, store_history: false}});
  let out = '', err = null;
  future.onIOPub = (msg) => {{
    const t = msg.header.msg_type;
    if (t === 'stream') out += msg.content.text;
    else if (t === 'error') err = msg.content.ename + ': ' + msg.content.evalue + '\\n'
                                  + msg.content.traceback.join('\\n');
  }};
  const reply = await future.done;
  return {{out, err, status: reply.content.status}};
}}"""

# Errors in cell outputs, read from the notebook model (the same in Lab and Notebook 7).
_CELL_ERRORS = f"""() => {{
  const p = {_PANEL};
  const errs = [];
  if (!p || !p.content) return errs;
  for (const cell of p.content.widgets) {{
    const outs = cell.model.outputs ? cell.model.outputs.toJSON() : [];
    for (const o of outs) if (o.output_type === 'error')
      errs.push(o.ename + ': ' + o.evalue + '\\n' + (o.traceback || []).join('\\n'));
  }}
  return errs;
}}"""

_ACTIVE_CELL = f"() => {_PANEL}.content.activeCellIndex"

_CANVAS_PIXELS = """(root) => {
  const c = root.querySelector('canvas');
  // Centre the whole root: focusing it later must not scroll the page under the mouse.
  root.scrollIntoView({block: 'center', inline: 'nearest'});
  const r = c.getBoundingClientRect();
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let s = '';
  for (let i = 0; i < d.length; i += 0x8000)
    s += String.fromCharCode.apply(null, d.subarray(i, i + 0x8000));
  return {w: c.width, h: c.height, cssW: r.width, cssH: r.height, left: r.left, top: r.top,
          rgba: btoa(s)};
}"""


class KernelError(AssertionError):
    pass


class Canvas:
    """RGBA pixels of a view's canvas with the mapping back to page coordinates."""

    def __init__(self, info: dict[str, Any]) -> None:
        self.w, self.h = int(info["w"]), int(info["h"])
        raw = np.frombuffer(base64.b64decode(info["rgba"]), dtype=np.uint8)
        self.rgba = raw.reshape(self.h, self.w, 4)
        self.left, self.top = float(info["left"]), float(info["top"])
        self.sx = info["cssW"] / self.w if self.w else 1.0  # CSS px per canvas px
        self.sy = info["cssH"] / self.h if self.h else 1.0

    def page_xy(self, cx: float, cy: float) -> tuple[float, float]:
        """Page (viewport) coordinates of canvas pixel (cx, cy)."""
        return self.left + (cx + 0.5) * self.sx, self.top + (cy + 0.5) * self.sy

    def opaque(self) -> np.ndarray:
        return self.rgba[..., 3] > 0

    def background(self) -> tuple[int, ...]:
        """The most common colour (the plot's background, transparent or not)."""
        flat = self.rgba.reshape(-1, 4)
        colors, counts = np.unique(flat, axis=0, return_counts=True)
        return tuple(int(v) for v in colors[counts.argmax()])

    def ink(self) -> np.ndarray:
        """Pixels that differ from the background."""
        return np.any(self.rgba != np.asarray(self.background(), dtype=np.uint8), axis=-1)

    def count_color(self, hex_color: str, tol: int = 0) -> int:
        rgb = np.array([int(hex_color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)])
        diff = np.abs(self.rgba[..., :3].astype(int) - rgb).max(axis=-1)
        return int(((diff <= tol) & (self.rgba[..., 3] == 255)).sum())


class NotebookPage:
    def __init__(self, page: Page, dialogs: list[str]) -> None:
        self.page = page
        self.dialogs = dialogs

    # ---- opening and running ----------------------------------------------------------------
    def open(self, url: str, timeout: float = 90_000) -> None:
        self.page.goto(url)
        self.wait_kernel(timeout)
        # More width for the plot: fold JupyterLab's left sidebar (Notebook 7 has none open).
        self.page.evaluate(
            "() => { const s = window.jupyterapp.shell; if (s.collapseLeft) s.collapseLeft(); }"
        )

    def wait_kernel(self, timeout: float = 90_000) -> None:
        self.page.wait_for_function(_KERNEL_READY, timeout=timeout, polling=200)

    def run_all(self) -> None:
        """Run every cell and wait for the run to finish: the notebook moves the focus when it
        does (Notebook 7 to its footer), which must happen before a test focuses a view."""
        self.page.evaluate(
            "async () => { await window.jupyterapp.commands.execute('notebook:run-all-cells'); }"
        )
        self.wait_kernel()

    def save(self) -> None:
        self.page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
        self.page.wait_for_function(f"() => !{_PANEL}.context.model.dirty", timeout=15_000)

    def cell_errors(self) -> list[str]:
        return [_ANSI.sub("", e) for e in self.page.evaluate(_CELL_ERRORS)]

    def wait_widgets(self, count: int = 1, timeout: float = 60.0) -> Locator:
        """Wait until `count` views are ready (data-ready="1"); fail early on a cell error."""
        deadline = time.monotonic() + timeout
        while True:
            errs = self.cell_errors()
            if errs:
                raise KernelError("a cell raised:\n" + "\n".join(errs))
            n = self.page.locator(READY).count()
            if n >= count:
                return self.page.locator(ROOT)
            if time.monotonic() > deadline:
                found = self.page.locator(ROOT).count()
                raise AssertionError(
                    f'{n} of {count} dendrogram views became ready (data-ready="1") within '
                    f"{timeout} s; {found} .dendrowidget roots exist"
                )
            self.page.wait_for_timeout(100)

    def run_and_wait(self, count: int = 1) -> Locator:
        self.run_all()
        return self.wait_widgets(count)

    # ---- kernel -----------------------------------------------------------------------------
    def kexec(self, code: str) -> str:
        """Run code in the notebook's kernel; returns its stdout, raises on an exception."""
        res = self.page.evaluate(_EXECUTE, code)
        if res["err"] or res["status"] != "ok":
            raise KernelError(f"kernel error running:\n{code}\n{_ANSI.sub('', res['err'] or '')}")
        return res["out"]

    def kjson(self, expr: str) -> Any:
        """The value of a Python expression, through json."""
        out = self.kexec(f"import json as _j\nprint(_j.dumps({expr}))")
        return json.loads(out.strip().splitlines()[-1])

    def kwait(
        self, expr: str, pred: Callable[[Any], bool], timeout: float = 10.0, what: str = ""
    ) -> Any:
        """Poll the kernel until `pred(value of expr)`: for writes the view throttles (wheel,
        pan), which reach Python a little after the view has changed."""
        deadline = time.monotonic() + timeout
        while True:
            v = self.kjson(expr)
            if pred(v):
                return v
            if time.monotonic() > deadline:
                raise AssertionError(f"kernel: {expr} = {v!r} {what or 'never matched'}")
            self.page.wait_for_timeout(100)

    # ---- the views --------------------------------------------------------------------------
    def root(self, i: int = 0) -> Locator:
        return self.page.locator(ROOT).nth(i)

    def attrs(self, i: int = 0) -> dict[str, str | None]:
        return self.root(i).evaluate(
            """(el) => {
              const out = {};
              for (const a of el.attributes) out[a.name] = a.value;
              return out;
            }"""
        )

    def wait_attr(
        self, name: str, pred: Callable[[str | None], bool], i: int = 0, timeout: float = 10.0
    ) -> str | None:
        deadline = time.monotonic() + timeout
        while True:
            v = self.root(i).get_attribute(name)
            if pred(v):
                return v
            if time.monotonic() > deadline:
                raise AssertionError(f"view {i}: {name}={v!r} did not reach the expected value")
            self.page.wait_for_timeout(50)

    def canvas(self, i: int = 0) -> Canvas:
        return Canvas(self.root(i).evaluate(_CANVAS_PIXELS))

    def set_theme(self, name: str) -> None:
        """Switch JupyterLab's theme ("JupyterLab Dark", "JupyterLab Light") and wait until the
        page says it is in effect (the lab fixture resets the setting after each test)."""
        self.page.evaluate(
            "(name) => window.jupyterapp.commands.execute('apputils:change-theme', {theme: name})",
            name,
        )
        light = "true" if "Light" in name else "false"
        self.page.wait_for_function(f"() => document.body.dataset.jpThemeLight === '{light}'")
        self.page.wait_for_timeout(600)  # the view redraws once the stylesheet has loaded

    def canvas_box(self, i: int = 0) -> dict[str, float]:
        self.root(i).evaluate("(el) => el.scrollIntoView({block: 'center', inline: 'nearest'})")
        box = self.root(i).locator("canvas").first.bounding_box()
        assert box is not None, "the canvas has no box (not displayed)"
        return box

    def is_hot(self, x: float, y: float, i: int = 0) -> bool:
        """After moving the mouse to (x, y): is the pointer over a node of view i?"""
        self.page.mouse.move(x, y)
        return "is-node-hot" in (self.root(i).get_attribute("class") or "")

    def hot_point(self, i: int = 0, fys: Any = None) -> tuple[float, float]:
        """A point of view i's canvas where a click selects a node (found by hovering), trying
        rows at fractions `fys` of its height (default: bottom up, leaves first)."""
        box = self.canvas_box(i)
        for fy in np.linspace(0.95, 0.3, 27) if fys is None else fys:
            for fx in np.linspace(0.3, 0.7, 9):
                x, y = box["x"] + fx * box["width"], box["y"] + fy * box["height"]
                if self.is_hot(x, y, i):
                    return x, y
        raise AssertionError(f"view {i}: no node under the pointer anywhere on the canvas")

    def leaf_label_point(self, position: int, n: int, i: int = 0) -> tuple[float, float]:
        """A point over the label of the leaf drawn at `position` (0..n-1) in view i, found by
        hovering: every point of the label band maps to a leaf, so its hot extent is the plot's
        leaf axis."""
        box = self.canvas_box(i)
        cx, bottom = box["x"] + box["width"] / 2, box["y"] + box["height"]
        rows = np.arange(bottom - 4, box["y"] + box["height"] * 0.6, -4)
        y = next((float(yy) for yy in rows if self.is_hot(cx, yy, i)), None)
        assert y is not None, f"view {i}: no label band found"
        xs = [x for x in np.arange(box["x"], box["x"] + box["width"], 2.0) if self.is_hot(x, y, i)]
        left, right = xs[0], xs[-1] + 2.0
        return left + (position + 0.5) * (right - left) / n, y

    def active_cell(self) -> int:
        return self.page.evaluate(_ACTIVE_CELL)

    def shot(self, name: str, i: int | None = 0) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        if i is None:
            self.page.screenshot(path=str(path))
        else:
            self.root(i).scroll_into_view_if_needed()
            self.root(i).screenshot(path=str(path))
        return path
