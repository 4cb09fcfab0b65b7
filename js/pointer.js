// Pointer, wheel and double-click on the canvas: grab and drag the cut, pan, click to select,
// hover with tooltip, wheel zoom, double-click zoom to a node. The view owns the state; this
// module reads and changes it only through the host it is given.
import { onCutLine, pickNode } from "./hit.js";
import { pan, subtreeWindow, zoomAt } from "./zoom.js";

/** @typedef {import("./zoom.js").Window} Window */
/** @typedef {import("./frame.js").Frame} Frame */
/** @typedef {null | {kind: "cut"} | {kind: "press" | "pan", x: number, y: number, win: Window, fr: Frame, node: number, shift: boolean}} Drag */

/**
 * What the pointer handlers need from the view: its elements, state accessors and actions.
 * @typedef {object} PointerHost
 * @property {HTMLCanvasElement} canvas
 * @property {HTMLElement} root
 * @property {import("./view.js").Model} model
 * @property {import("./layout.js").Layout} L
 * @property {Window} win
 * @property {Window} full
 * @property {number | null} cut
 * @property {number[]} selection
 * @property {number} labelBand
 * @property {Drag} drag
 * @property {boolean} cutHot
 * @property {import("./hit.js").Drawn} current  the last frame drawn
 * @property {() => void} requestDraw
 * @property {(v: number) => void} setHover
 * @property {(w: Window, how: "now" | "throttle") => void} setWindow
 * @property {(sel: number[]) => void} setSelection
 * @property {() => void} writeCut
 * @property {{call: () => void, cancel: () => void}} cutWriter
 * @property {{flush: () => void}} windowWriter
 * @property {(v: number, x: number, y: number) => void} showTooltip
 * @property {() => void} hideTooltip
 */

const DRAG_PX = 4; // movement that turns a press into a pan

/**
 * Attach the canvas pointer listeners; they go away when `signal` aborts.
 * @param {PointerHost} v
 * @param {AbortSignal} signal
 */
export function wirePointer(v, signal) {
  const { canvas, root } = v;

  /** @param {MouseEvent} e @returns {[number, number]} */
  function local(e) {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  /** @param {number} x @param {number} y */
  const onCut = (x, y) => onCutLine(v.current, x, y);
  /** @param {number} x @param {number} y */
  const nodeAt = (x, y) => pickNode(v.L, v.current, v.labelBand, x, y);

  canvas.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    root.focus({ preventScroll: true });
    const [x, y] = local(e);
    if (!v.current) return;
    if (onCut(x, y)) {
      v.drag = { kind: "cut" };
      v.hideTooltip();
    } else {
      v.drag = { kind: "press", x, y, win: v.win, fr: v.current.fr, node: nodeAt(x, y), shift: e.shiftKey || e.metaKey || e.ctrlKey };
    }
    canvas.setPointerCapture?.(e.pointerId);
    e.preventDefault();
  }, { signal });

  canvas.addEventListener("pointermove", (e) => {
    const [x, y] = local(e);
    if (!v.current) return;
    const drag = v.drag;
    if (drag?.kind === "cut") {
      const { fr } = v.current;
      const [, b] = fr.ab(x, y);
      // Within the visible heights (a cut out of view could not be grabbed back), never < 0.
      const t = Math.max(0, Math.max(fr.win[2], Math.min(fr.win[3], fr.heightAt(b))));
      if (t !== v.cut) {
        v.cut = t;
        v.requestDraw();
        v.cutWriter.call();
      }
      return;
    }
    if (drag && (drag.kind === "press" || drag.kind === "pan")) {
      if (drag.kind === "press" && Math.hypot(x - drag.x, y - drag.y) < DRAG_PX) return;
      drag.kind = "pan";
      root.classList.add("is-panning");
      v.hideTooltip();
      const fr = drag.fr;
      const [a0, b0] = fr.ab(drag.x, drag.y);
      const [a1, b1] = fr.ab(x, y);
      const dx = fr.leafAt(a0) - fr.leafAt(a1);
      const dy = fr.heightAt(b0) - fr.heightAt(b1);
      v.setWindow(pan(drag.win, v.full, dx, dy), "throttle");
      return;
    }
    // Hover.
    const hot = onCut(x, y);
    if (hot !== v.cutHot) {
      v.cutHot = hot;
      v.requestDraw();
    }
    const node = hot ? -1 : nodeAt(x, y);
    v.setHover(node);
    root.classList.toggle("is-cut-hot", hot);
    root.classList.toggle("is-cut-hot-h", hot && !v.current.fr.vertical);
    root.classList.toggle("is-node-hot", node >= 0);
    if (node >= 0) v.showTooltip(node, x, y);
    else v.hideTooltip();
  }, { signal });

  /** @param {PointerEvent} e */
  const endDrag = (e) => {
    const d = v.drag;
    v.drag = null;
    root.classList.remove("is-panning");
    if (!d) return;
    canvas.releasePointerCapture?.(e.pointerId);
    if (d.kind === "cut") {
      v.cutWriter.cancel();
      v.writeCut(); // exact on release
      v.requestDraw();
    } else if (d.kind === "pan") {
      v.windowWriter.flush();
    } else if (e.type === "pointerup") {
      // A click: select the node's subtree (shift toggles it), or clear on empty space.
      const node = d.node;
      const selection = v.selection;
      if (node >= 0) {
        if (d.shift) v.setSelection(selection.includes(node) ? selection.filter((u) => u !== node) : [...selection, node]);
        else if (selection.length !== 1 || selection[0] !== node) v.setSelection([node]);
      } else if (!d.shift && selection.length) {
        v.setSelection([]);
      }
    }
  };
  canvas.addEventListener("pointerup", endDrag, { signal });
  canvas.addEventListener("pointercancel", endDrag, { signal });

  canvas.addEventListener("pointerleave", () => {
    if (v.drag) return;
    v.hideTooltip();
    v.cutHot = false;
    root.classList.remove("is-cut-hot", "is-cut-hot-h", "is-node-hot");
    v.setHover(-1);
    v.requestDraw();
  }, { signal });

  canvas.addEventListener("dblclick", (e) => {
    const [x, y] = local(e);
    let node = nodeAt(x, y);
    if (node < 0) return;
    const L = v.L;
    // A micro-cluster leaf (reduce=) opens its own tree of rows, built in Python on demand.
    if (node < L.n && v.model.get("_expandable")) {
      v.model.set("expanded_leaf", node); v.model.save_changes(); // a synced trait: every host
      e.preventDefault();
      return;
    }
    if (node < L.n && L.parent[node] >= 0) node = L.parent[node]; // a leaf alone is no view: show its pair
    v.setWindow(subtreeWindow(L, node), "now");
    e.preventDefault();
  }, { signal });

  canvas.addEventListener("wheel", (e) => {
    if (!v.current) return;
    e.preventDefault();
    const { fr } = v.current;
    const win = v.win, full = v.full;
    const [x, y] = local(e);
    const [a, b] = fr.ab(x, y);
    const unit = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1;
    const heightAxis = e.shiftKey || e.ctrlKey || e.metaKey;
    // A sideways swipe (trackpads) pans the leaf axis.
    if (!heightAxis && Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      const dx = (e.deltaX * unit) / fr.leafLen * (win[1] - win[0]);
      v.setWindow(pan(win, full, dx, 0), "throttle");
      return;
    }
    const delta = (e.deltaY || e.deltaX) * unit;
    const factor = Math.exp(Math.max(-1, Math.min(1, delta * 0.0015)));
    if (heightAxis) {
      const f = (fr.heightAt(b) - win[2]) / (win[3] - win[2]);
      v.setWindow(zoomAt(win, full, "height", Math.max(0, Math.min(1, f)), factor), "throttle");
    } else {
      const f = (fr.leafAt(a) - win[0]) / (win[1] - win[0]);
      v.setWindow(zoomAt(win, full, "leaf", Math.max(0, Math.min(1, f)), factor), "throttle");
    }
  }, { signal, passive: false });
}
