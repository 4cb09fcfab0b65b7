"""Where a widget's first paint goes between the kernel and the page: for every websocket message
of the cell that builds and shows the widget, the kernel's send time (header.date) and the time
the page's message event fires, on one wall clock from the cell's start.

    python benchmarks/messages.py [N] [--no-heatmap] [--runs R]

N leaves (default 1,000,000), a random tree with a frame of 20 normal columns as the heatmap (as in
``heatmap_browser.py``). Prints a table per run; nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "tests" / "browser"), str(HERE)]

from browser import lab_and_chromium, open_page, run_until_painted  # noqa: E402
from heatmap_browser import COLUMNS, SETUP_CELL, WIDGET_CELL  # noqa: E402

# Every message: arrival (wall clock), msg_type, the kernel's header.date and the size. Binary
# messages are JupyterLab's v1 websocket frames: offsets, then channel, then the header JSON.
WS_LOG = r"""(() => {
  const Native = window.WebSocket;
  const log = window.__ws = [];
  const header = (data) => {
    if (typeof data === 'string') return [JSON.parse(data).header, data.length];
    const dv = new DataView(data), n = Number(dv.getBigUint64(0, true)), off = [];
    for (let i = 0; i < n; i++) off.push(Number(dv.getBigUint64(8 * (i + 1), true)));
    const text = new TextDecoder().decode(new Uint8Array(data, off[1], off[2] - off[1]));
    return [JSON.parse(text), data.byteLength];
  };
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    ws.addEventListener('message', (e) => {
      const t = performance.timeOrigin + performance.now();
      try {
        const [h, size] = header(e.data);
        log.push({t, type: h.msg_type, date: h.date, size});
      } catch (err) {
        log.push({t, type: 'unparsed', date: null, size: 0});
      }
    });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) window.WebSocket[k] = Native[k];
})()"""


def kernel_ms(date: str | None) -> float:
    if not date:
        return float("nan")
    return datetime.fromisoformat(date.replace("Z", "+00:00")).timestamp() * 1e3


def main() -> None:
    from _notebooks import write_notebook
    from engine import random_tree

    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=1_000_000)
    ap.add_argument("--no-heatmap", action="store_true")
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    with lab_and_chromium() as (lab, browser):
        z = lab.root / "Z.npy"
        np.save(z, random_tree(args.n, seed=0))
        cells = [
            SETUP_CELL.format(z=z.name, m=COLUMNS),
            WIDGET_CELL.format(heatmap=not args.no_heatmap),
        ]
        name = write_notebook(lab.root, "messages", cells)
        for run in range(args.runs):
            ctx, page, nb, _ = open_page(browser)
            ctx.add_init_script(WS_LOG)
            try:
                nb.open(lab.lab_url(name))
                load = run_until_painted(nb)
                log = page.evaluate("() => window.__ws")
                t_cell, t_built = (v * 1e3 for v in nb.kjson("[_t_cell, _t_built]"))
                state_ms = nb.root().evaluate("(r) => r.__dendrowidget.startup.stateMs")
                print(
                    f"run {run + 1}: built +{t_built - t_cell:.0f} ms, painted "
                    f"+{load['painted'] - t_cell:.0f} ms, view state {state_ms:.0f} ms"
                )
                print("| sent (kernel) | arrived (page) | message | bytes |\n|---|---|---|---|")
                for m in log:
                    if m["t"] >= t_cell - 50:
                        sent, got = kernel_ms(m["date"]) - t_cell, m["t"] - t_cell
                        print(f"| +{sent:.0f} | +{got:.0f} | {m['type']} | {m['size']:,} |")
                ready = load["readyPerf"]
                tasks = [
                    (round(x["start"] - ready), round(x["dur"]))
                    for x in load["tasks"] or []
                    if x["start"] > ready - 3000
                ]
                print(f"long tasks (start relative to ready, duration), ms: {tasks}\n")
            finally:
                ctx.close()
                lab.shutdown_kernels()


if __name__ == "__main__":
    main()
