"""The heatmap beside the tree at 1,000,000 leaves x 20 columns, in real JupyterLab (headless
Chromium), with seaborn's clustermap measured in the same run at the sizes it manages.

    python benchmarks/heatmap_browser.py [--quick]     # --quick: 100,000 leaves, small anchors
    python benchmarks/heatmap_browser.py --first-paint 3 [--quick]
        # first paint with the heatmap only, 3 fresh pages and kernels per driver (a bare
        # DevTools connection, as a user's browser runs, and Playwright); prints the phases

Per run (a random tree, ``engine.random_tree``, and a frame of 20 normal columns with 1% NaN,
shown with ``Dendrogram.from_linkage(Z, frame=df, heatmap=True)``; the same tree without a
heatmap as the baseline):

- payload: bytes of the ``_heatmap`` trait per cell, and of the whole synced state;
- first paint: from the start of the cell that builds and displays the widget (kernel clock) to
  the end of the first frame after the view is ready (browser clock; same machine), split into
  the kernel's build, its display, and the browser's part; the long main-thread tasks (> 50 ms)
  of the load; at this size the heatmap's first message holds block sums (`_detail.py`): the
  first frame drawn with its codes, and the long tasks until then;
- zoom (60 wheel events, 30 in and 30 out) and pan (60 drag moves): the view's draw per frame
  (``frameTimes``), input -> end of that frame, and every long task (> 50 ms) while they run;
- ``w.cluster_summary`` (50 clusters) and ``w.explain()`` (a subtree of about 10% of the rows
  against the rest), timed in the kernel (best of 3) after the gestures;
- seaborn's ``clustermap`` (its own clustering of rows and columns, average linkage, as it comes)
  drawn and saved as PNG, each size in a fresh process, stopped after 120 s.

Writes benchmarks/results/heatmap_browser.md and .json.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
sys.path[:0] = [str(REPO / "tests" / "browser"), str(HERE)]

from browser import (  # noqa: E402  (run as a script: benchmarks/ is on the path)
    DRIVERS,
    EVENTS,
    INPUT_PROBE,
    arm_probe,
    bare_chromium,
    first_paint,
    fmt_bytes,
    fmt_ms,
    fmt_s,
    fresh_page,
    gesture_stats,
    lab_and_chromium,
    machine,
    measure_input,
    pair,
    run_until_painted,
    save,
)

COLUMNS = 20
ANCHOR_TIMEOUT = 120.0

SETUP_CELL = """\
import time as _time

import numpy as np
import pandas as pd
from dendrowidget import Dendrogram
from dendrowidget import _detail
from dendrowidget._payload import payload_bytes

Z = np.load({z!r})
_rng = np.random.default_rng(1)
df = pd.DataFrame(_rng.normal(size=(len(Z) + 1, {m})), columns=[f"col_{{j}}" for j in range({m})])
df = df.mask(_rng.random(df.shape) < 0.01)  # 1% missing"""

WIDGET_CELL = """\
_t_cell = _time.time()
w = Dendrogram.from_linkage(Z, frame=df, heatmap={heatmap})
_t_built = _time.time()
display(w)
_t_shown = _time.time()"""

ANSWERS = """\
def _best(f, k=3):
    out = []
    for _ in range(k):
        t = _time.perf_counter(); f(); out.append(_time.perf_counter() - t)
    return min(out) * 1e3


w.n_clusters = 50
_node = int(np.argmin(np.abs(w.linkage[:, 3] - 0.1 * w.n_leaves)))  # a subtree of ~10% of the rows
w.selection = [w.n_leaves + _node]
_ans = {"summary_ms": _best(lambda: w.cluster_summary),
        "explain_ms": _best(lambda: w.explain()),
        "selected": len(w.selected_indices), "clusters": int(w.n_clusters)}"""

# A large heatmap's first frame is drawn from block sums; its codes follow (_detail.py). Installed
# before the cells run: when the root loses data-heatmap-later (the codes are in), the wall clock
# and page clock (ms) at the end of the next frame. (Polling for it after the first paint came too
# late: the harness's own kernel requests queue behind the codes' send.)
CODES_PROBE = """() => {
  const C = window.__codes = {removed: false, wall: null, perf: null};
  const mo = new MutationObserver((recs) => {
    for (const r of recs) {
      if (r.oldValue === null || r.target.hasAttribute("data-heatmap-later")) continue;
      C.removed = true;
      mo.disconnect();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          C.perf = performance.now();
          C.wall = performance.timeOrigin + C.perf;
        };
        ch.port2.postMessage(0);
      });
      return;
    }
  });
  mo.observe(document.body, {subtree: true, attributes: true, attributeOldValue: true,
                             attributeFilter: ["data-heatmap-later"]});
}"""

# The probe's record; for a view that never had block sums, the next frame.
CODES_IN = """(root) => new Promise((done) => {
  const C = window.__codes;
  const check = () => {
    if (C && C.wall !== null) return done([C.wall, C.perf]);
    const waiting = (C && C.removed) || root.hasAttribute("data-heatmap-later");
    if (waiting) return requestAnimationFrame(check);
    requestAnimationFrame(() => done([Date.now(), performance.now()]));
  };
  check();
})"""

# Long tasks (> 50 ms) between two moments of the page's clock.
TASKS_BETWEEN = """([a, b]) => (window.__load.tasks || [])
  .filter(t => t.start + t.dur >= a && t.start <= b).map(t => Math.round(t.dur))"""


def bench(browser: Any, lab: Any, n: int, heatmap: bool, log: Any) -> dict[str, Any]:
    from _geometry import settle
    from _notebooks import write_notebook
    from _page import NotebookPage
    from engine import random_tree

    z_path = lab.root / f"Z_{n}.npy"
    if not z_path.exists():
        np.save(z_path, random_tree(n, seed=0))
    name = write_notebook(
        lab.root,
        f"heat_{n}_{int(heatmap)}",
        [
            SETUP_CELL.format(z=z_path.name, m=COLUMNS),
            WIDGET_CELL.format(heatmap=heatmap),
        ],
    )
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(180_000)
    out: dict[str, Any] = {"n": n, "heatmap": heatmap}
    try:
        nb = NotebookPage(page, [])
        nb.open(lab.lab_url(name))
        page.evaluate(CODES_PROBE)
        load = run_until_painted(nb)
        t_cell, t_built, t_shown = (v * 1e3 for v in nb.kjson("[_t_cell, _t_built, _t_shown]"))
        first = load["painted"] - t_cell
        t0_perf = load["readyPerf"] - (load["ready"] - t_cell)
        codes_wall, codes_perf = nb.root().evaluate(CODES_IN)  # (no heatmap: the next frame)
        codes_ms = codes_wall - t_cell
        out["first_paint"] = {
            "to_painted_ms": first,
            "codes_drawn_ms": codes_ms,
            "kernel_build_ms": t_built - t_cell,
            "kernel_display_ms": t_shown - t_built,
            "browser_ms": load["painted"] - t_shown,
            "first_draw_ms": nb.root().evaluate("(r) => r.__dendrowidget.frameTimes[0]"),
            "long_tasks_ms": page.evaluate(TASKS_BETWEEN, [t0_perf, load["readyPerf"] + 50]),
            # after the first paint, until the codes are drawn (receiving and reading them)
            "codes_long_tasks_ms": page.evaluate(
                TASKS_BETWEEN, [load["readyPerf"] + 50, codes_perf]
            ),
        }
        state = "w.get_state()"
        out["payload_bytes"] = nb.kjson(f"payload_bytes({state})")
        out["heatmap_bytes"] = nb.kjson(f"payload_bytes({state}['_heatmap'])")
        out["heatmap_bytes_per_cell"] = out["heatmap_bytes"] / (n * COLUMNS)
        first_msg = f"_detail.split({state}['_heatmap'])[0]"  # what travels before the codes
        out["first_heatmap_bytes"] = nb.kjson(f"payload_bytes({first_msg})")
        out["columns_drawn"] = int(nb.attrs()["data-heatmap-columns"])
        log(
            f"  heatmap={heatmap}: first paint {first:.0f} ms, codes drawn {codes_ms:.0f} ms, "
            # (codes drawn: without a heatmap, only the next frame)
            f"payload {out['payload_bytes']:,} B (heatmap's first message "
            f"{out['first_heatmap_bytes']:,} B)"
        )

        nb.root().evaluate(INPUT_PROBE)
        box = nb.canvas_box()
        cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.35
        m = page.mouse

        def gesture(steps: list[Any]) -> dict[str, Any]:
            a = arm_probe(page, True)
            recs = [measure_input(page, s) for s in steps]
            b = arm_probe(page, False)
            return gesture_stats(recs) | {"long_tasks_ms": page.evaluate(TASKS_BETWEEN, [a, b])}

        nb.root().focus()  # an unfocused view leaves the wheel to the page (it would never zoom)
        m.move(cx, cy)
        settle(nb)
        half = EVENTS // 2
        out["zoom"] = gesture(
            [lambda: m.wheel(0, -100)] * half + [lambda: m.wheel(0, 100)] * (EVENTS - half)
        )
        page.keyboard.press("0")  # the whole tree again
        nb.wait_attr("data-view-window", lambda v: not v)
        for _ in range(8):
            m.wheel(0, -100)
        page.wait_for_timeout(400)
        m.move(cx, cy)
        m.down()
        out["pan"] = gesture(
            [lambda k=k: m.move(cx - 5 * (k + 1), cy) for k in range(EVENTS)]  # type: ignore[misc]
        )
        m.up()
        log(
            f"  zoom draw {pair(out['zoom']['draw_ms'])}, input->frame "
            f"{pair(out['zoom']['input_to_frame_ms'])}, long tasks {out['zoom']['long_tasks_ms']}; "
            f"pan draw {pair(out['pan']['draw_ms'])}, long tasks {out['pan']['long_tasks_ms']}"
        )
        if heatmap:
            # Run here, not as a cell after the widget's: it would share the 2 cores with the
            # page's first paint.
            nb.kexec(ANSWERS)
            out["answers"] = nb.kjson("_ans")
            log(f"  kernel answers: {out['answers']}")
            nb.shot(f"bench-heatmap-{n}")
    finally:
        context.close()
        lab.shutdown_kernels()
        (lab.root / name).unlink(missing_ok=True)
    return out


def bench_first_paint(browser: Any, bare: Any, lab: Any, n: int, reps: int) -> None:
    """First paint with the heatmap only, `reps` fresh pages and kernels per driver, a page
    driven over a bare DevTools connection (as a user's browser runs) and a Playwright page
    alternating; the phases on one wall clock from the start of the cell (browser.first_paint)."""
    from _notebooks import write_notebook
    from engine import random_tree

    z_path = lab.root / f"Z_{n}.npy"
    np.save(z_path, random_tree(n, seed=0))
    cells = [SETUP_CELL.format(z=z_path.name, m=COLUMNS), WIDGET_CELL.format(heatmap=True)]
    name = write_notebook(lab.root, f"heat_paint_{n}", cells)
    print(f"load before {os.getloadavg()}", flush=True)
    for i in range(reps):
        for driver in DRIVERS:
            with fresh_page(driver, browser, bare, lab) as (nb, _, _page):
                nb.open(lab.lab_url(name))
                nb.page.evaluate(CODES_PROBE)
                fp = first_paint(nb)
                codes = nb.root().evaluate(CODES_IN)[0] - nb.kjson("_t_cell") * 1e3
                # long tasks after the first paint: taking in the codes
                tasks = nb.page.evaluate(
                    "() => (window.__load.tasks || [])"
                    ".filter(t => t.start > window.__load.readyPerf && t.dur > 50)"
                    ".map(t => Math.round(t.dur))"
                )
                print(
                    f"run {i + 1} ({driver}): first paint {fp['to_painted_ms']:.0f} ms, codes "
                    f"drawn at {codes:.0f} ms (built {fp['kernel_build_ms']:.0f}, shown "
                    f"+{fp['kernel_display_ms']:.0f}, message {fp['ws_message_ms']:.0f}, view "
                    f"{fp['view_created_ms']:.0f}, state {fp['state_ms']:.0f}, first draw "
                    f"{fp['first_draw_ms']:.0f}; long tasks after it {tasks} ms)",
                    flush=True,
                )
    print(f"load after {os.getloadavg()}", flush=True)


# ---- seaborn's clustermap, each size in a fresh process ----------------------------------------
def anchor_clustermap(n: int) -> dict[str, Any]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd
    import seaborn as sns

    rng = np.random.default_rng(1)
    df = pd.DataFrame(rng.normal(size=(n, COLUMNS)), columns=[f"col_{j}" for j in range(COLUMNS)])
    t0 = time.perf_counter()
    g = sns.clustermap(df, z_score=1, cmap="RdBu_r", vmin=-3, vmax=3)
    t1 = time.perf_counter()
    buf = io.BytesIO()
    g.savefig(buf, format="png")
    t2 = time.perf_counter()
    plt.close("all")
    return {"seconds": t2 - t0, "clustermap_s": t1 - t0, "savefig_s": t2 - t1}


def run_anchor(n: int) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--anchor", str(n)]
    try:
        res = subprocess.run(
            cmd, capture_output=True, text=True, timeout=ANCHOR_TIMEOUT, check=True
        )
    except subprocess.TimeoutExpired:
        return {"timeout_s": ANCHOR_TIMEOUT}
    except subprocess.CalledProcessError as e:
        return {"error": (e.stderr or "")[-500:]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def report(res: dict[str, Any]) -> str:
    lines = [
        f"Measured {res['date']} on {res['machine']}; {res['browser']} headless "
        "(`--disable-gpu`), viewport 1280x1000, JupyterLab. A random tree of "
        f"{res['n']:,} leaves with a frame of {COLUMNS} normal columns (1% missing), "
        "`Dendrogram.from_linkage(Z, frame=df, heatmap=True)`; the same tree without a heatmap "
        f"as the baseline. Frame times: median / 95th percentile over {EVENTS} input events. "
        "Load average (1, 5, 15 min) before the run "
        f"{', '.join(f'{x:.1f}' for x in res['load_before'])}, after "
        f"{', '.join(f'{x:.1f}' for x in res['load_after'])}: other work shares the 2 cores.",
        "",
        "| | heatmap payload | whole payload | first paint | of which kernel build + "
        "display | browser | zoom: draw | zoom: input -> frame | pan: draw | "
        "pan: input -> frame | long tasks (> 50 ms) in zoom and pan |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in res["runs"]:
        fp = r["first_paint"]
        what = f"{COLUMNS} heatmap columns" if r["heatmap"] else "no heatmap"
        heat = f"{r['heatmap_bytes_per_cell']:.4f} B/cell" if r["heatmap"] else "-"
        tasks = r["zoom"]["long_tasks_ms"] + r["pan"]["long_tasks_ms"]
        lines.append(
            f"| {what} | {heat} | {fmt_bytes(r['payload_bytes'])} | {fmt_ms(fp['to_painted_ms'])} "
            f"| {fmt_ms(fp['kernel_build_ms'] + fp['kernel_display_ms'])} | "
            f"{fmt_ms(fp['browser_ms'])} | {pair(r['zoom']['draw_ms'])} | "
            f"{pair(r['zoom']['input_to_frame_ms'])} | {pair(r['pan']['draw_ms'])} | "
            f"{pair(r['pan']['input_to_frame_ms'])} | {', '.join(map(str, tasks)) or 'none'} |"
        )
    for r in res["runs"]:
        if r["heatmap"] and r["first_heatmap_bytes"] < r["heatmap_bytes"]:
            codes_tasks = r["first_paint"]["codes_long_tasks_ms"]
            lines += [
                "",
                f"The heatmap's first message (block sums, `_detail.py`): "
                f"{fmt_bytes(r['first_heatmap_bytes'])} of its {fmt_bytes(r['heatmap_bytes'])}; "
                "the first frame drawn with its codes (sent when the cell ends, or when a view "
                f"has drawn): {fmt_ms(r['first_paint']['codes_drawn_ms'])} from the cell's start; "
                "long tasks meanwhile: "
                f"{', '.join(f'{t} ms' for t in codes_tasks) or 'none'}.",
            ]
    lines += [
        "",
        "Long tasks while loading (the first paint): "
        + "; ".join(
            f"{'heatmap' if r['heatmap'] else 'no heatmap'}: "
            f"{', '.join(f'{t} ms' for t in r['first_paint']['long_tasks_ms']) or 'none'}"
            for r in res["runs"]
        )
        + ".",
    ]
    ans = next((r["answers"] for r in res["runs"] if r.get("answers")), None)
    if ans:
        lines += [
            "",
            f"In the kernel at {res['n']:,} rows x {COLUMNS} columns: `w.cluster_summary` "
            f"({ans['clusters']} clusters) {ans['summary_ms']:.0f} ms, `w.explain()` "
            f"({ans['selected']:,} selected rows against the rest) {ans['explain_ms']:.0f} ms.",
        ]
    lines += [
        "",
        f"seaborn `clustermap(df, z_score=1)` ({COLUMNS} columns; its own row and column "
        "clustering, drawn and saved as PNG), same run, fresh process each, stopped after "
        f"{ANCHOR_TIMEOUT:.0f} s:",
        "",
        "| rows | " + " | ".join(f"{int(k):,}" for k in res["anchors"]) + " |",
        "|---|" + "---|" * len(res["anchors"]),
        "| clustermap + savefig | " + " | ".join(fmt_s(v) for v in res["anchors"].values()) + " |",
        "",
        f"Whole run: {res['total_s']:.0f} s.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="100,000 leaves, anchors up to 5,000")
    ap.add_argument("--no-anchors", action="store_true")
    ap.add_argument("--first-paint", type=int, metavar="RUNS", help="first paint only, printed")
    ap.add_argument("--anchor", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.anchor:
        print(json.dumps(anchor_clustermap(args.anchor)))
        return

    n = 100_000 if args.quick else 1_000_000
    if args.first_paint:
        with lab_and_chromium() as (lab, browser), bare_chromium() as bare:
            bench_first_paint(browser, bare, lab, n, args.first_paint)
        return
    t_start = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - t_start:6.1f} s] {msg}", file=sys.stderr, flush=True)

    res: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "machine": machine(), "n": n}
    res["load_before"] = os.getloadavg()  # other work on the machine slows every figure here
    with lab_and_chromium() as (lab, browser):
        res["browser"] = f"Chromium {browser.version}"
        res["runs"] = [bench(browser, lab, n, h, log) for h in (True, False)]
    res["anchors"] = {}
    if not args.no_anchors:
        for k in [1_000, 5_000] if args.quick else [1_000, 5_000, 10_000, 20_000]:
            res["anchors"][str(k)] = r = run_anchor(k)
            log(f"clustermap n = {k:,}: {fmt_s(r)}")
            if "seconds" not in r:
                break
    res["total_s"] = time.perf_counter() - t_start
    res["load_after"] = os.getloadavg()
    save("heatmap_browser", res, report(res))


if __name__ == "__main__":
    main()
