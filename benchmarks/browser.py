"""The widget in a real browser: headless Chromium (Playwright) driving JupyterLab with a real
kernel, at 10k, 100k and 1M leaves, against the tutorial's matplotlib figure and plotly's
dendrogram measured in the same run.

    python benchmarks/browser.py [--quick]      # --quick: 10k and 100k leaves only
    python benchmarks/browser.py --first-paint 7 --sizes 1000000 [--cpu-profile out.cpuprofile]
        # first paint only, 7 fresh kernels and pages per size: medians, spread and the phases

Per tree size (a random tree, ``engine.random_tree``, shown with ``Dendrogram.from_linkage``):

- payload: bytes of the synced state's buffers (``_payload.payload_bytes(w.get_state())``);
- first paint: from the start of the cell that builds and displays the widget (kernel wall clock)
  to the view's ``data-ready="1"`` and to the end of the next frame (browser wall clock), in a
  page driven over a bare DevTools connection (``_bare_cdp.py``: no Network domain, so Chromium
  does not copy each websocket message to the driver, as it does under Playwright; a user's
  browser does neither), and, for comparison, in a page driven by Playwright;
- zoom (60 wheel events: 30 in, 30 out), pan (60 drag moves) and cut drag (60 moves of the cut
  line): per input event, the view's own draw cost (``root.__dendrowidget.frameTimes``) and the
  time from the input event to the end of the frame it caused (requestAnimationFrame, then a
  posted message: after the frame's rendering step); median and 95th percentile;
- round trip: from the browser's mouse-up of a cut drag, or an ArrowDown key press (the cut moves
  one merge), to a kernel-side ``w.observe`` callback having computed ``w.clusters``. Both ends
  are wall clock on the same machine (``performance.timeOrigin + performance.now()`` and
  ``time.time()``).

Writes benchmarks/results/browser.md and browser.json.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
sys.path[:0] = [str(REPO / "tests" / "browser"), str(HERE)]

SIZES = [10_000, 100_000, 1_000_000]
QUICK_SIZES = [10_000, 100_000]
EVENTS = 60  # input events per gesture
ANCHOR_TIMEOUT = 60.0  # seconds per anchor measurement

# ---- in-page probes ------------------------------------------------------------------------------

# Installed before the cells run: when a view marks itself ready, note the time, then the end of
# the next frame. Long main-thread tasks (> 50 ms) are recorded to see where the time goes.
LOAD_PROBE = """() => {
  const wall = () => performance.timeOrigin + performance.now();
  const L = window.__load = {ready: null, painted: null, tasks: []};
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) L.tasks.push({start: e.startTime, dur: e.duration});
    }).observe({type: 'longtask', buffered: true});
  } catch (e) { L.tasks = null; }
  const mo = new MutationObserver(() => {
    if (L.ready !== null || !document.querySelector('.dendrowidget[data-ready="1"]')) return;
    L.ready = wall();
    L.readyPerf = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { L.painted = wall(); };
      ch.port2.postMessage(0);
    });
  });
  // The view may mark itself ready before it is attached: its insertion counts then.
  mo.observe(document.body,
             {subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready']});
}"""

# Installed on the ready view. Every draw is recorded (wrapping the push onto the view's own
# frameTimes array). For every armed wheel / pointermove on the view: the event's time, then,
# after the view's animation frame (ours is requested after its own, in the same frame), the end
# of that frame's rendering step (a posted message runs after it), and whether it drew.
INPUT_PROBE = """(root) => {
  const probe = root.__dendrowidget;
  const draws = [];
  const ft = probe.frameTimes;
  ft.push = function (v) {
    draws.push({t: performance.now(), ms: v});
    return Array.prototype.push.call(this, v);
  };
  const wall = () => performance.timeOrigin + performance.now();
  const B = window.__bench = {recs: [], waiters: [], wall: [], draws, armed: false};
  const ch = new MessageChannel();
  const queue = [];
  ch.port1.onmessage = () => { const f = queue.shift(); if (f) f(); };
  const track = (kind) => (e) => {
    if (!B.armed) return;
    const tEv = e.timeStamp, tL = performance.now(), d0 = draws.length;
    requestAnimationFrame(() => {
      const tRaf = performance.now();
      queue.push(() => {
        const drew = draws.length > d0;
        B.recs.push({kind, tEv, tL, tRaf, tDone: performance.now(), drew,
                     drawMs: drew ? draws[draws.length - 1].ms : null,
                     cut: root.getAttribute('data-cut-height'),
                     k: Number(root.getAttribute('data-n-clusters'))});
        for (const w of B.waiters.splice(0)) w();
      });
      ch.port2.postMessage(0);
    });
  };
  root.addEventListener('wheel', track('wheel'), {passive: true});
  root.addEventListener('pointermove', track('move'));
  window.addEventListener('keydown', (e) => { B.wall.push({kind: 'key', key: e.key, t: wall()}); },
                          true);
  window.addEventListener('pointerup', () => { B.wall.push({kind: 'up', t: wall()}); }, true);
  B.wait = (n) => new Promise((res) => {
    const check = () =>
      (B.recs.length > n ? res(B.recs[B.recs.length - 1]) : B.waiters.push(check));
    check();
  });
  B.clock = () => ({perfWall: wall(), date: Date.now()});
}"""

# The full view drawn `reps` times: JS draw alone, and draw + raster (forced by a read-back).
RASTER_PROBE = """(reps) => {
  const root = document.querySelector('.dendrowidget');
  const ctx = root.querySelector('canvas').getContext('2d');
  const draw = [], both = [];
  for (let i = 0; i < reps; i++) {
    ctx.getImageData(0, 0, 1, 1);
    const t0 = performance.now();
    root.__dendrowidget.drawNow();
    const t1 = performance.now();
    ctx.getImageData(0, 0, 1, 1);
    const t2 = performance.now();
    draw.push(t1 - t0);
    both.push(t2 - t0);
  }
  const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
  return {draw: med(draw), draw_and_raster: med(both)};
}"""

# Installed before the page's own scripts: the arrival (wall clock) of every websocket message
# of more than 1 MB, i.e. the tree's comm_open, as the page's message event sees it.
WS_PROBE = """(() => {
  const Native = window.WebSocket;
  const big = window.__wsBig = [];
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    ws.addEventListener('message', (e) => {
      const size = typeof e.data === 'string' ? e.data.length : (e.data.byteLength ?? e.data.size);
      if (size > 1e6) big.push({t: performance.timeOrigin + performance.now(), size});
    });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) window.WebSocket[k] = Native[k];
})()"""

# ---- kernel side ---------------------------------------------------------------------------------

SETUP_CELL = """\
import time as _time

import numpy as np
from dendrowidget import Dendrogram
from dendrowidget._payload import payload_bytes

Z = np.load({z!r})"""

WIDGET_CELL = """\
_t_cell = _time.time()
w = Dendrogram.from_linkage(Z)
_t_built = _time.time()
display(w)
_t_shown = _time.time()"""

# Every change of the cut (from the view or from Python): when the callback ran, and when
# w.clusters was ready.
OBSERVER = """\
_rt = []


def _on_cut(change):
    t_recv = _time.time()
    c = w.clusters
    _rt.append({"new": change["new"], "recv": t_recv, "done": _time.time(), "k": int(c.max())})


w.observe(_on_cut, "cut_height")"""


# ---- statistics ----------------------------------------------------------------------------------


def stats(values: list[float]) -> dict[str, float | int | None]:
    if not values:
        return {"n": 0, "median": None, "p95": None, "max": None}
    a = np.asarray(values, dtype=float)
    return {
        "n": len(values),
        "median": float(np.median(a)),
        "p95": float(np.percentile(a, 95)),
        "max": float(a.max()),
    }


def gesture_stats(recs: list[dict[str, Any]]) -> dict[str, Any]:
    """Draw cost and input -> frame latency over the events that made the view draw."""
    drew = [r for r in recs if r["drew"]]
    return {
        "events": len(recs),
        "frames": len(drew),
        "draw_ms": stats([r["drawMs"] for r in drew]),
        # From the page's handling of the event (our listener runs after the view's own).
        "input_to_frame_ms": stats([r["tDone"] - r["tL"] for r in drew]),
        # From the event's timestamp: adds the delivery of the synthetic event (CDP), 20-35 ms.
        "event_stamp_to_frame_ms": stats([r["tDone"] - r["tEv"] for r in drew]),
    }


def find_cut_line(nb: Any, x: float, box: dict[str, float]) -> float:
    """The page row of the cut line at column x, found with the view's own hit test: the
    pointer rows where the root says "is-cut-hot" (the cut would be grabbed), their middle.
    (The pixels do not tell: the cut also recolours the whole tree below it.)"""

    def hot(y: float) -> bool:
        nb.page.mouse.move(x, y)
        return "is-cut-hot" in (nb.root().get_attribute("class") or "").split()

    coarse = [y for y in np.arange(box["y"] + 2, box["y"] + box["height"] - 2, 8) if hot(y)]
    assert coarse, "no row of the canvas grabs the cut line"
    fine = [y for y in np.arange(coarse[0] - 8, coarse[-1] + 8, 1.0) if hot(y)]
    return float((fine[0] + fine[-1]) / 2)


def measure_input(page: Any, action: Any) -> dict[str, Any]:
    """Run one input action and wait for the INPUT_PROBE record of the frame it caused."""
    n0 = page.evaluate("() => window.__bench.recs.length")
    action()
    return page.evaluate("(n) => window.__bench.wait(n)", n0)


def arm_probe(page: Any, on: bool) -> float:
    """Start or stop recording input events; returns the page's clock (performance.now())."""
    page.evaluate(f"() => {{ window.__bench.armed = {str(on).lower()}; }}")
    return page.evaluate("() => performance.now()")


# ---- one tree size in JupyterLab -----------------------------------------------------------------


def open_page(browser: Any) -> tuple[Any, Any, Any, list[str]]:
    from _page import NotebookPage

    context = browser.new_context(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
    context.add_init_script(WS_PROBE)
    page = context.new_page()
    page.bring_to_front()  # a page left in the background may get no animation frames
    page.set_default_timeout(120_000)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return context, page, NotebookPage(page, dialogs), dialogs


DRIVERS = {
    "bare": "bare DevTools connection (as a user's browser)",
    "playwright": "Playwright (Chromium copies each websocket message to it)",
}


@contextmanager
def fresh_page(driver: str, browser: Any, bare: Any, lab: Any) -> Iterator[tuple[Any, Any, Any]]:
    """A new page driven by `driver` (a key of DRIVERS), the websocket probe installed:
    (notebook, Playwright context or None, page). Closed, and the server's kernels shut down,
    afterwards."""
    from _bare_cdp import BareNotebook

    if driver == "bare":
        page = bare.page()
        page.add_init_script(WS_PROBE)
        nb, context = BareNotebook(page), None
    else:
        context, page, nb, _ = open_page(browser)
    try:
        yield nb, context, page
    finally:
        page.close() if context is None else context.close()
        lab.shutdown_kernels()


def run_until_painted(nb: Any) -> dict[str, Any]:
    """Run every cell of the opened notebook; when its widget has painted, the load probe's
    record (ready, painted, long tasks)."""
    nb.page.evaluate(LOAD_PROBE)
    nb.run_all()
    nb.wait_widgets(1, timeout=600)
    nb.page.wait_for_function("() => window.__load.painted !== null", timeout=60_000)
    return nb.page.evaluate("() => window.__load")


def first_paint(nb: Any, cdp: Any = None) -> dict[str, Any]:
    """Run the notebook on the opened page; the first paint of its widget and where it went,
    all on one wall clock: cell start -> built (kernel) -> displayed (kernel) -> the tree's
    websocket message received -> view created -> state (decode + layout) -> first draw ->
    ready -> end of the next frame."""
    page = nb.page
    if cdp is not None:
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        cdp.send("Profiler.start")
    load = run_until_painted(nb)
    profile = cdp.send("Profiler.stop")["profile"] if cdp is not None else None
    big = page.evaluate("() => window.__wsBig")
    tk = nb.kjson("[_t_cell, _t_built, _t_shown]")
    probe = nb.root().evaluate(
        "(r) => ({first: r.__dendrowidget.frameTimes[0], startup: r.__dendrowidget.startup})"
    )
    t_cell, t_built, t_shown = (v * 1e3 for v in tk)
    ready_perf = load["readyPerf"]
    tasks = load["tasks"] or []
    # The main-thread tasks in the last seconds before ready: the view's start-up.
    recent = [
        x
        for x in tasks
        if x["start"] + x["dur"] <= ready_perf + 1
        and x["start"] >= ready_perf - (load["ready"] - t_cell) - 50
    ]
    startup = probe["startup"] or {}
    t_ws = big[-1]["t"] if big else None
    out = {
        "to_ready_ms": load["ready"] - t_cell,
        "to_painted_ms": load["painted"] - t_cell,
        "kernel_build_ms": t_built - t_cell,
        "kernel_display_ms": t_shown - t_built,
        "browser_after_display_ms": load["ready"] - t_shown,
        "first_draw_ms": probe["first"],
        "long_tasks_ms": [round(x["dur"], 1) for x in recent],
        # Phases on the wall clock (None when the probe is missing).
        "ws_message_ms": None if t_ws is None else t_ws - t_cell,
        "ws_message_bytes": big[-1]["size"] if big else None,
        "view_created_ms": startup.get("view", t_cell) - t_cell if startup else None,
        "state_ms": startup.get("stateMs"),
    }
    if profile is not None:
        out["profile"] = profile
    return out


def profile_table(profile: dict[str, Any], top: int = 25) -> str:
    """Self and inclusive time per function of a CDP CPU profile, as a markdown table."""
    nodes = {nd["id"]: nd for nd in profile["nodes"]}
    parent = {c: nd["id"] for nd in profile["nodes"] for c in nd.get("children", [])}

    def key(nid: int) -> str:
        cf = nodes[nid]["callFrame"]
        url = cf["url"].rsplit("/", 1)[-1].split("?")[0]
        return f"{cf['functionName'] or '(anonymous)'} {url}:{cf['lineNumber'] + 1}"

    self_ms: dict[str, float] = {}
    incl_ms: dict[str, float] = {}
    for nid, dt in zip(profile["samples"], profile["timeDeltas"], strict=True):
        ms = dt / 1e3
        k = key(nid)
        self_ms[k] = self_ms.get(k, 0.0) + ms
        seen = set()
        v: int | None = nid
        while v is not None:
            kv = key(v)
            if kv not in seen:
                seen.add(kv)
                incl_ms[kv] = incl_ms.get(kv, 0.0) + ms
            v = parent.get(v)
    skip = ("(idle)", "(program)", "(root)")
    rows = sorted(
        (k for k in incl_ms if not k.startswith(skip)), key=lambda k: -self_ms.get(k, 0.0)
    )[:top]
    lines = ["| function | self | inclusive |", "|---|---|---|"]
    lines += [f"| `{k}` | {self_ms.get(k, 0):.1f} ms | {incl_ms[k]:.1f} ms |" for k in rows]
    return "\n".join(lines)


def bench_first_paint(
    browser: Any, bare: Any, lab: Any, n: int, reps: int, log: Any, cpu_profile: Path | None
) -> dict[str, Any]:
    """First paint only, `reps` times per driver, alternating a bare page and a Playwright page,
    each fresh with a fresh kernel."""
    from _notebooks import write_notebook
    from engine import random_tree

    z_path = lab.root / f"Z_{n}.npy"
    np.save(z_path, random_tree(n, seed=0))
    name = write_notebook(lab.root, f"paint_{n}", [SETUP_CELL.format(z=z_path.name), WIDGET_CELL])
    runs: dict[str, list[dict[str, Any]]] = {d: [] for d in DRIVERS}
    try:
        for i in range(reps):
            for driver in runs:
                with fresh_page(driver, browser, bare, lab) as (nb, context, page):
                    nb.open(lab.lab_url(name))
                    last = cpu_profile and i == reps - 1 and driver == "playwright"
                    cdp = context.new_cdp_session(page) if last else None
                    fp = first_paint(nb, cdp)
                    if "profile" in fp:
                        prof = fp.pop("profile")
                        cpu_profile.write_text(json.dumps(prof))
                        fp["profile_table"] = profile_table(prof)
                    runs[driver].append(fp)
                    log(
                        f"  run {i + 1} ({driver}): first paint {fp['to_painted_ms']:.0f} ms "
                        f"(built {fp['kernel_build_ms']:.0f}, ws {fp['ws_message_ms']:.0f}, view "
                        f"{fp['view_created_ms']:.0f}, state {fp['state_ms']:.0f}, draw "
                        f"{fp['first_draw_ms']:.0f}, tasks {fp['long_tasks_ms']})"
                    )
    finally:
        for p in (lab.root / name, z_path):
            p.unlink(missing_ok=True)
    return {
        "n": n,
        "drivers": {d: {"runs": r, "summary": summarize_paints(r)} for d, r in runs.items()},
    }


def summarize_paints(runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = [
        "to_painted_ms",
        "to_ready_ms",
        "kernel_build_ms",
        "kernel_display_ms",
        "ws_message_ms",
        "view_created_ms",
        "state_ms",
        "first_draw_ms",
    ]
    summary = {k: stats([r[k] for r in runs if r[k] is not None]) for k in keys}
    for k in keys:
        vals = [r[k] for r in runs if r[k] is not None]
        summary[k]["min"] = min(vals) if vals else None
    painted = [r["to_painted_ms"] for r in runs]
    summary["under_700"] = sum(v <= 700 for v in painted)
    return summary


def report_first_paint(res: dict[str, Any]) -> str:
    lines = [
        f"Measured {res['date']} on {res['machine']}; {res['browser']} headless, JupyterLab "
        f"{res['jupyterlab']}. First paint of `Dendrogram.from_linkage(Z)` of a random tree, "
        "each run in a fresh page with a fresh kernel, the two drivers alternating; every phase "
        "is on one wall clock from the start of the cell. Median (min-max) over the runs.",
        "",
        "| leaves | page driven by | runs | first paint | within 0.7 s | built (kernel) | "
        "tree message received | view created | decode + layout (JS) | first draw (JS) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]

    def cell(s: dict[str, Any]) -> str:
        if not s["n"]:
            return "-"
        return f"{s['median']:,.0f} ({s['min']:,.0f}-{s['max']:,.0f}) ms"

    for r in res["first_paint"]:
        for d, got in r["drivers"].items():
            s = got["summary"]
            lines.append(
                f"| {r['n']:,} | {DRIVERS[d]} | {len(got['runs'])} | {cell(s['to_painted_ms'])} | "
                f"{s['under_700']} of {len(got['runs'])} | {cell(s['kernel_build_ms'])} | "
                f"{cell(s['ws_message_ms'])} | {cell(s['view_created_ms'])} | "
                f"{cell(s['state_ms'])} | {cell(s['first_draw_ms'])} |"
            )
    for r in res["first_paint"]:
        for d, got in r["drivers"].items():
            lines += ["", f"Long main-thread tasks at {r['n']:,} leaves, {DRIVERS[d]} (ms):", ""]
            lines += [f"- {run['long_tasks_ms']}" for run in got["runs"]]
            for run in got["runs"]:
                if "profile_table" in run:
                    lines += ["", f"CPU profile of the last run ({r['n']:,} leaves):", ""]
                    lines.append(run["profile_table"])
    return "\n".join(lines) + "\n"


def bare_first_paint(browser: Any, bare: Any, lab: Any, name: str) -> dict[str, Any]:
    """First paint of the notebook in a fresh page driven over a bare DevTools connection."""
    with fresh_page("bare", browser, bare, lab) as (nb, _, _page):
        nb.open(lab.lab_url(name))
        return first_paint(nb)


def bench_size(browser: Any, bare: Any, lab: Any, n: int, log: Any) -> dict[str, Any]:
    from _geometry import settle
    from _notebooks import write_notebook
    from engine import random_tree

    t = time.perf_counter()
    z_path = lab.root / f"Z_{n}.npy"
    np.save(z_path, random_tree(n, seed=0))
    log(f"  random tree of {n:,} leaves: {time.perf_counter() - t:.1f} s")

    name = write_notebook(
        lab.root, f"bench_{n}", [SETUP_CELL.format(z=z_path.name), WIDGET_CELL, OBSERVER]
    )
    out: dict[str, Any] = {"n": n, "first_paint": bare_first_paint(browser, bare, lab, name)}
    context, page, nb, dialogs = open_page(browser)
    try:
        nb.open(lab.lab_url(name))
        out["first_paint_playwright"] = first_paint(nb)
        out["payload_bytes"] = nb.kjson("payload_bytes(w.get_state())")
        log(
            f"  first paint {out['first_paint']['to_painted_ms']:.0f} ms "
            f"({out['first_paint_playwright']['to_painted_ms']:.0f} ms under Playwright), "
            f"payload {out['payload_bytes']:,} B"
        )

        root = nb.root()
        root.evaluate(INPUT_PROBE)
        box = nb.canvas_box()
        cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        m = page.mouse

        def measure(action: Any) -> dict[str, Any]:
            return measure_input(page, action)

        def arm(on: bool) -> None:
            arm_probe(page, on)

        # -- zoom: 30 wheel steps in, 30 out, around the middle of the plot (the view focused
        # first: an unfocused view leaves the wheel to the page)
        root.focus()
        m.move(cx, cy)
        settle(nb)
        arm(True)
        recs = [measure(lambda: m.wheel(0, -100)) for _ in range(EVENTS // 2)]
        recs += [measure(lambda: m.wheel(0, 100)) for _ in range(EVENTS - EVENTS // 2)]
        arm(False)
        out["zoom"] = gesture_stats(recs)
        # A wheel gesture's window is written 200 ms after its last event: let that write land
        # before Python resets the window, or it would undo the reset.
        page.wait_for_timeout(400)

        # -- pan: zoom in to a third of the leaves, then drag sideways
        nb.kexec("w.view_window = []")
        nb.wait_attr("data-view-window", lambda v: not v)
        for _ in range(8):
            m.wheel(0, -100)
        settle(nb)
        page.wait_for_timeout(300)
        m.move(cx, cy)
        m.down()
        arm(True)
        recs = [measure(lambda k=k: m.move(cx - 5 * (k + 1), cy)) for k in range(EVENTS)]
        arm(False)
        m.up()
        out["pan"] = gesture_stats(recs)

        # -- cut drag: a cut from Python at 90% of the height, dragged down and back up
        nb.kexec("w.view_window = []")
        nb.wait_attr("data-view-window", lambda v: not v)
        box = nb.canvas_box()
        top = nb.kjson("float(w.linkage[:, 2].max())")
        h0 = 0.9 * top
        nb.kexec(f"w.cut_height = {h0!r}")
        nb.wait_attr("data-cut-height", lambda v: bool(v) and float(v) == h0)
        settle(nb)
        x0, y0 = cx, find_cut_line(nb, cx, box)
        m.move(x0, y0)
        m.down()
        arm(True)
        recs = [measure(lambda k=k: m.move(x0, y0 + 2 * (k + 1))) for k in range(EVENTS // 2)]
        assert any(r["cut"] and float(r["cut"]) != h0 for r in recs), "the cut line was not grabbed"
        recs += [
            measure(lambda k=k: m.move(x0, y0 + EVENTS - 2 * (k + 1)))
            for k in range(EVENTS - EVENTS // 2)
        ]
        arm(False)
        m.up()
        ks = [r["k"] for r in recs]
        out["cut_drag"] = gesture_stats(recs) | {"clusters": [min(ks), max(ks)]}
        log(
            f"  zoom {out['zoom']['draw_ms']['median']:.1f} ms, pan "
            f"{out['pan']['draw_ms']['median']:.1f} ms, cut drag "
            f"{out['cut_drag']['draw_ms']['median']:.1f} ms draw (medians)"
        )

        # -- round trip after a release: a short drag sent on mouse-up (the throttled write of
        # the first move has gone out, the second is waiting: the release sends it)
        release: list[float] = []
        sent_early = 0
        for _ in range(7):
            nb.kexec(f"w.cut_height = {h0!r}")
            nb.wait_attr("data-cut-height", lambda v: bool(v) and float(v) == h0)
            settle(nb)
            page.wait_for_timeout(250)
            m.move(x0, y0)
            m.down()
            m.move(x0, y0 + 3)
            m.move(x0, y0 + 6)
            m.up()
            t_up = page.evaluate("() => window.__bench.wall.filter(e => e.kind === 'up').pop().t")
            final = float(nb.root().get_attribute("data-cut-height") or "nan")
            rt = nb.kwait("_rt[-1]", lambda v, f=final: v["new"] == f, what=f"!= {final}")
            if rt["recv"] * 1e3 < t_up:
                sent_early += 1
            else:
                release.append(rt["done"] * 1e3 - t_up)

        # -- round trip of ArrowDown: the cut moves one merge down
        nb.kexec(f"w.cut_height = {h0!r}")
        nb.wait_attr("data-cut-height", lambda v: bool(v) and float(v) == h0)
        nb.root().focus()
        arrow: list[float] = []
        for _ in range(21):
            before = nb.kjson("len(_rt)")
            page.keyboard.press("ArrowDown")
            t_key = page.evaluate("() => window.__bench.wall.filter(e => e.kind === 'key').pop().t")
            rt = nb.kwait(f"_rt[-1] if len(_rt) > {before} else None", lambda v: v is not None)
            arrow.append(rt["done"] * 1e3 - t_key)
        clock = page.evaluate("() => window.__bench.clock()")
        # Where a frame's time goes: the view's draw only records canvas commands; Chromium
        # rasterises them later, in the frame's rendering step. Reading one pixel back forces
        # that raster inside the timed block (full view, cut at 90%).
        nb.kexec(f"w.cut_height = {h0!r}")
        nb.wait_attr("data-cut-height", lambda v: bool(v) and float(v) == h0)
        settle(nb)
        out["forced_raster_ms"] = page.evaluate(RASTER_PROBE, 9)
        out["round_trip"] = {
            "release_ms": stats(release),
            "release_sent_before_up": sent_early,
            "arrow_first_ms": arrow[0],  # includes sorting the merge heights once
            "arrow_ms": stats(arrow[1:]),
            "clock_skew_ms": clock["perfWall"] - clock["date"],
            "kernel_clusters_ms": stats([(r["done"] - r["recv"]) * 1e3 for r in nb.kjson("_rt")]),
        }
        log(
            f"  round trip: release {out['round_trip']['release_ms']['median']}, arrow "
            f"{out['round_trip']['arrow_ms']['median']:.1f} ms (medians)"
        )
        nb.shot(f"bench-{n}")
        if dialogs:
            out["dialogs"] = dialogs
    finally:
        context.close()
        lab.shutdown_kernels()
        for p in (lab.root / name, z_path):
            p.unlink(missing_ok=True)
    return out


# ---- anchors, each in a fresh process with a time limit ------------------------------------------


def anchor_matplotlib(n: int) -> dict[str, Any]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from scipy.cluster.hierarchy import dendrogram, linkage

    sys.setrecursionlimit(100_000)
    X = np.random.default_rng(0).normal(size=(n, 8))
    Z = linkage(X, "ward")
    labels = [f"row {i}" for i in range(n)]
    t0 = time.perf_counter()
    plt.figure(figsize=(12, 5))
    dendrogram(Z, labels=labels, leaf_rotation=90)
    t1 = time.perf_counter()
    buf = io.BytesIO()
    plt.savefig(buf, format="png")
    t2 = time.perf_counter()
    return {
        "seconds": t2 - t0,
        "dendrogram_s": t1 - t0,
        "savefig_s": t2 - t1,
        "png_bytes": buf.tell(),
    }


def anchor_plotly(n: int) -> dict[str, Any]:
    import plotly.figure_factory as ff

    X = np.random.default_rng(0).normal(size=(n, 8))
    t0 = time.perf_counter()
    fig = ff.create_dendrogram(X)
    t1 = time.perf_counter()
    js = fig.to_json()
    t2 = time.perf_counter()
    return {"seconds": t1 - t0, "to_json_s": t2 - t1, "json_bytes": len(js)}


ANCHORS = {"matplotlib": anchor_matplotlib, "plotly": anchor_plotly}


def run_anchor(kind: str, n: int, timeout: float = ANCHOR_TIMEOUT) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--anchor", kind, str(n)]
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"timeout_s": timeout}
    except subprocess.CalledProcessError as e:
        return {"error": (e.stderr or "")[-500:]}
    return json.loads(res.stdout.strip().splitlines()[-1])


# ---- report --------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}"


def fmt_ms(v: float | None) -> str:
    if v is None:
        return "-"
    return f"{v:,.0f} ms" if v >= 100 else f"{v:.1f} ms"


def fmt_bytes(b: int) -> str:
    for unit, k in (("MB", 1e6), ("kB", 1e3)):
        if b >= k:
            return f"{b / k:,.1f} {unit}"
    return f"{b} B"


def fmt_s(r: dict[str, Any], key: str = "seconds") -> str:
    if "timeout_s" in r:
        return f"> {r['timeout_s']:.0f} s"
    if "error" in r:
        return "failed"
    v = r[key]
    return f"{v * 1e3:,.0f} ms" if v < 10 else f"{v:,.1f} s"


def pair(s: dict[str, Any]) -> str:
    return f"{fmt_ms(s['median'])} / {fmt_ms(s['p95'])}"


def report(res: dict[str, Any]) -> str:
    lines = [
        f"Measured {res['date']} on {res['machine']}; {res['browser']} headless, "
        "`--disable-gpu` (software rendering), viewport 1280x1000 at device scale 1, "
        f"JupyterLab {res['jupyterlab']}. Random trees (`benchmarks/engine.py: random_tree`) "
        "shown with `Dendrogram.from_linkage`, default labels. Frame times are median / 95th "
        f"percentile over {EVENTS} input events each: *draw* is the view's own drawing "
        "(`frameTimes`: JavaScript recording the canvas commands), *input -> frame* runs from "
        "the page handling the input event to the end of the rendering step of the frame it "
        "caused: waiting for the animation frame (up to 16.7 ms), the draw, and Chromium "
        "rasterising the canvas in software. Release -> `w.clusters`: median over the short drags "
        "whose last value was sent by the mouse-up (the others had already gone out, throttled).",
        "",
        "| leaves | payload | first paint | first paint under Playwright | zoom: draw | "
        "zoom: input -> frame | pan: draw | pan: input -> frame | cut drag: draw | "
        "cut drag: input -> frame | release -> `w.clusters` | ArrowDown -> `w.clusters` |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in res["sizes"]:
        fp, rt = r["first_paint"], r["round_trip"]
        lines.append(
            f"| {r['n']:,} | {fmt_bytes(r['payload_bytes'])} | {fmt_ms(fp['to_painted_ms'])} | "
            f"{fmt_ms(r['first_paint_playwright']['to_painted_ms'])} | "
            f"{pair(r['zoom']['draw_ms'])} | {pair(r['zoom']['input_to_frame_ms'])} | "
            f"{pair(r['pan']['draw_ms'])} | {pair(r['pan']['input_to_frame_ms'])} | "
            f"{pair(r['cut_drag']['draw_ms'])} | {pair(r['cut_drag']['input_to_frame_ms'])} | "
            f"{fmt_ms(rt['release_ms']['median'])} ({rt['release_ms']['n']} of "
            f"{rt['release_ms']['n'] + rt['release_sent_before_up']}) | {pair(rt['arrow_ms'])} |"
        )
    lines += [
        "",
        "First paint runs from the start of the cell (`w = Dendrogram.from_linkage(Z); "
        "display(w)`) to the end of the first frame after the view is ready, in a fresh page "
        "driven over a bare DevTools connection (`_bare_cdp.py`), as a user's browser runs; "
        "under Playwright, Chromium also copies each websocket message to the driver (DevTools' "
        "Network domain), which the second column includes. Where it goes (bare page):",
        "",
        "| leaves | build widget (kernel) | display (kernel) | browser: receive, decode, layout, "
        "first draw | of which first draw (JS) | long main-thread tasks | full view: JS draw / "
        "draw + raster |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in res["sizes"]:
        fp = r["first_paint"]
        tasks = ", ".join(f"{x:,.0f}" for x in fp["long_tasks_ms"])
        tasks = f"{tasks} ms" if tasks else "none"
        lines.append(
            f"| {r['n']:,} | {fmt_ms(fp['kernel_build_ms'])} | {fmt_ms(fp['kernel_display_ms'])}"
            f" | {fmt_ms(fp['browser_after_display_ms'])} | {fmt_ms(fp['first_draw_ms'])} | "
            f"{tasks} | {fmt_ms(r['forced_raster_ms']['draw'])} / "
            f"{fmt_ms(r['forced_raster_ms']['draw_and_raster'])} |"
        )
    a = res["anchors"]
    if not a["matplotlib"] and not a["plotly"]:
        return "\n".join([*lines, "", f"Whole run: {res['total_s']:.0f} s."]) + "\n"
    mpl_sizes = sorted(int(k) for k in a["matplotlib"])
    pl_sizes = sorted(int(k) for k in a["plotly"])
    lines += [
        "",
        "Anchors, same run: the tutorial's static figure (`scipy.cluster.hierarchy.dendrogram(Z, "
        "labels=..., leaf_rotation=90)` + `plt.savefig` as PNG, Agg, Z precomputed) and plotly's "
        "`figure_factory.create_dendrogram(X)` (its own pdist + linkage included; X is n x 8). "
        f"Each in a fresh process, stopped after {ANCHOR_TIMEOUT:.0f} s.",
        "",
        "| anchor | " + " | ".join(f"n = {k:,}" for k in sorted(set(mpl_sizes + pl_sizes))) + " |",
        "|---|" + "---|" * len(set(mpl_sizes + pl_sizes)),
    ]
    cols = sorted(set(mpl_sizes + pl_sizes))

    def anchor_row(name: str, d: dict[str, Any], cell: Any) -> str:
        return (
            f"| {name} | "
            + " | ".join(cell(d[str(k)]) if str(k) in d else "-" for k in cols)
            + " |"
        )

    lines.append(anchor_row("matplotlib dendrogram + savefig", a["matplotlib"], fmt_s))
    lines.append(anchor_row("plotly create_dendrogram", a["plotly"], fmt_s))
    lines.append(
        anchor_row(
            "plotly figure JSON (`len(fig.to_json())`)",
            a["plotly"],
            lambda r: fmt_bytes(r["json_bytes"]) if "json_bytes" in r else fmt_s(r),
        )
    )
    lines += ["", f"Whole run: {res['total_s']:.0f} s."]
    return "\n".join(lines) + "\n"


def save(name: str, res: dict[str, Any], md: str) -> None:
    """benchmarks/results/<name>.json and .md; the table is printed too."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(res, indent=2) + "\n")
    (RESULTS / f"{name}.md").write_text(md)
    print(md)


@contextmanager
def lab_and_chromium() -> Iterator[tuple[Any, Any]]:
    """A Jupyter server in a temp dir and a headless Chromium, both stopped afterwards."""
    from _lab import LabServer
    from conftest import CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    exe = os.environ.get("DENDROWIDGET_CHROMIUM") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory(prefix="dendro-bench-") as tmp:
        lab = LabServer(Path(tmp))
        lab.start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
                try:
                    yield lab, browser
                finally:
                    browser.close()
        finally:
            lab.stop()


@contextmanager
def bare_chromium() -> Iterator[Any]:
    """A second headless Chromium, driven over a bare DevTools connection (`_bare_cdp.py`)."""
    from _bare_cdp import BareChromium
    from conftest import CHROMIUM_ARGS

    exe = os.environ.get("DENDROWIDGET_CHROMIUM") or "/usr/bin/chromium"
    chrome = BareChromium(exe, CHROMIUM_ARGS)
    try:
        yield chrome
    finally:
        chrome.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="10k and 100k leaves only")
    ap.add_argument(
        "--sizes",
        type=lambda s: [int(x) for x in s.split(",")],
        default=None,
        help="comma-separated leaf counts (overrides --quick)",
    )
    ap.add_argument("--no-anchors", action="store_true", help="skip matplotlib and plotly")
    ap.add_argument(
        "--first-paint",
        type=int,
        metavar="RUNS",
        default=0,
        help="first paint only, RUNS fresh pages per size (writes browser-first-paint.md/json)",
    )
    ap.add_argument(
        "--cpu-profile",
        type=Path,
        default=None,
        help="with --first-paint: a CDP CPU profile of the last run, saved here",
    )
    ap.add_argument("--anchor", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.anchor:
        kind, n = args.anchor
        print(json.dumps(ANCHORS[kind](int(n))))
        return

    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    t_start = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - t_start:6.1f} s] {msg}", file=sys.stderr, flush=True)

    import jupyterlab

    res: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": machine(),
        "jupyterlab": jupyterlab.__version__,
        "sizes": [],
    }
    with lab_and_chromium() as (lab, browser), bare_chromium() as bare:
        res["browser"] = f"Chromium {browser.version}"
        for n in sizes:
            log(f"n = {n:,}")
            if args.first_paint:
                res.setdefault("first_paint", []).append(
                    bench_first_paint(
                        browser, bare, lab, n, args.first_paint, log, args.cpu_profile
                    )
                )
            else:
                res["sizes"].append(bench_size(browser, bare, lab, n, log))

    if args.first_paint:
        res["total_s"] = time.perf_counter() - t_start
        save("browser-first-paint", res, report_first_paint(res))
        return
    anchors: dict[str, dict[str, Any]] = {"matplotlib": {}, "plotly": {}}
    if not args.no_anchors:
        mpl = [1_000, 5_000] if args.quick else [1_000, 5_000, 10_000]
        for n in mpl:
            anchors["matplotlib"][str(n)] = r = run_anchor("matplotlib", n)
            log(f"matplotlib n = {n:,}: {fmt_s(r)}")
        for n in [1_000, 5_000] if args.quick else [1_000, 5_000, 10_000]:
            anchors["plotly"][str(n)] = r = run_anchor("plotly", n)
            log(f"plotly n = {n:,}: {fmt_s(r)}")
            if "seconds" not in r:
                break
    res["anchors"] = anchors
    res["total_s"] = time.perf_counter() - t_start
    save("browser", res, report(res))


if __name__ == "__main__":
    main()
