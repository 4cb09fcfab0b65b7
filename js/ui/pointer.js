// Pointer, wheel and double-click on the canvas: grab and drag the cut, pan, shift-drag to brush
// a selection, click to select (a subtree, or a cluster on the band), hover with tooltip, wheel
// zoom, double-click to open a node. This module turns events into gestures; the state's actions
// decide what changes and what is written to Python.
import { onCutLine, pickBand, pickNode } from "../core/hit.js";
import { markerAt } from "../core/strip.js";
import { debounce } from "../core/throttle.js";

/** @typedef {import("../core/zoom.js").Window} Window */
/** @typedef {import("../core/frame.js").Frame} Frame */
/**
 * A press not yet released: on the cut line, or elsewhere (a click until it moves, then a pan
 * relative to the window and frame at the press, or with shift a brush along the leaves).
 * @typedef {{kind: "cut"} | {kind: "press" | "pan" | "brush", x: number, y: number, win: Window, fr: Frame, node: number, band: number, shift: boolean, brush: boolean, alt: boolean}} Press
 */

/**
 * @typedef {object} PointerDeps
 * @property {HTMLCanvasElement} canvas
 * @property {HTMLElement} root
 * @property {import("../state/state.js").State} state
 * @property {() => import("../core/hit.js").Drawn} drawn  what the last frame drew
 * @property {{show: (node: number, x: number, y: number) => void, hide: () => void,
 *   at?: (x: number, y: number) => boolean}} tip  `at`: a tooltip for a heatmap cell there
 * @property {(text: string) => void} hint  a brief message over the canvas
 */

const DRAG_PX = 4; // movement that turns a press into a pan
const WHEEL_END_MS = 200; // a pause this long ends a wheel gesture: its window is written then
const DBL_MS = 500; // two clicks this close are a double-click's
const WHEEL_HINT = "Click the dendrogram, or hold Ctrl (⌘), to zoom with the wheel";

/**
 * Attach the canvas pointer listeners; they go away when `signal` aborts.
 * @param {PointerDeps} deps
 * @param {AbortSignal} signal
 */
export function wirePointer({ canvas, root, state, drawn, tip, hint }, signal) {
  /** @type {Press | null} */
  let press = null;
  // A double-click is two clicks first: the selection before the pair is put back, so a
  // double-click zooms and keeps a multi-selection.
  let lastClick = -Infinity;
  /** @type {number[]} */
  let beforePair = [];
  let hinted = false;
  const wheelEnd = debounce(() => state.setWindow(state.win, { final: true }), WHEEL_END_MS);
  signal.addEventListener("abort", () => wheelEnd.cancel());

  /** @param {MouseEvent} e @returns {[number, number]} */
  function local(e) {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  canvas.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    root.focus({ preventScroll: true });
    const [x, y] = local(e);
    const cur = drawn();
    if (!cur) return;
    const advised = markerAt(cur.fr, state.suggestions, x, y);
    if (advised !== null) {
      state.setCut(advised); // a marker of the cut-advice strip: that cut, at once
      e.preventDefault();
      return;
    }
    if (onCutLine(cur, x, y)) {
      press = { kind: "cut" };
      state.setDrag("cut");
      tip.hide();
    } else {
      const shift = e.shiftKey || e.metaKey || e.ctrlKey;
      const band = pickBand(state.L.n, cur, x, y);
      const node = band >= 0 ? -1 : pickNode(state.L, cur, x, y);
      press = { kind: "press", x, y, win: state.win, fr: cur.fr, node, band, shift, brush: e.shiftKey, alt: e.altKey };
    }
    canvas.setPointerCapture?.(e.pointerId);
    e.preventDefault();
  }, { signal });

  canvas.addEventListener("pointermove", (e) => {
    const [x, y] = local(e);
    const cur = drawn();
    if (!cur) return;
    if (press?.kind === "cut") {
      const { fr } = cur;
      const [, b] = fr.ab(x, y);
      // Within the visible heights (a cut out of view could not be grabbed back), never < 0.
      state.setCut(Math.max(0, Math.max(fr.win[2], Math.min(fr.win[3], fr.heightAt(b)))), { final: false });
      return;
    }
    if (press) {
      if (press.kind === "press" && Math.hypot(x - press.x, y - press.y) < DRAG_PX) return;
      if (press.kind === "press") {
        press.kind = press.brush ? "brush" : "pan";
        state.setDrag(press.kind);
        if (press.kind === "pan") root.classList.add("is-panning");
        tip.hide();
      }
      const fr = press.fr;
      const [a0, b0] = fr.ab(press.x, press.y);
      const [a1, b1] = fr.ab(x, y);
      if (press.kind === "brush") {
        state.setBrush([fr.leafAt(a0), fr.leafAt(a1)]);
        return;
      }
      const dx = fr.leafAt(a0) - fr.leafAt(a1);
      // The heights move only when the drag does along them: a sideways pan with a little
      // jitter must not take the height axis away from its fit.
      const dy = Math.abs(b1 - b0) < DRAG_PX ? 0 : fr.heightAt(b0) - fr.heightAt(b1);
      state.panFrom(press.win, dx, dy, { final: false });
      return;
    }
    // Hover.
    const hot = onCutLine(cur, x, y);
    state.setCutHot(hot);
    const band = hot ? -1 : pickBand(state.L.n, cur, x, y); // a cluster on the band: clickable
    // A heatmap or strip cell speaks for itself (the leaf's label band reaches over the data).
    const onCell = !hot && band < 0 && (tip.at?.(x, y) ?? false);
    const node = hot || band >= 0 || onCell ? -1 : pickNode(state.L, cur, x, y);
    state.setHover(node);
    root.classList.toggle("is-cut-hot", hot);
    root.classList.toggle("is-cut-hot-h", hot && !cur.fr.vertical);
    root.classList.toggle("is-node-hot", node >= 0 || band >= 0);
    if (node >= 0) tip.show(node, x, y);
    else if (!onCell) tip.hide();
  }, { signal });

  /** @param {PointerEvent} e */
  const endPress = (e) => {
    const p = press;
    press = null;
    root.classList.remove("is-panning");
    state.setDrag(null);
    if (!p) return;
    canvas.releasePointerCapture?.(e.pointerId);
    if (p.kind === "cut") {
      state.setCut(state.cut, { final: true }); // the gesture's end: the exact value, once
    } else if (p.kind === "pan") {
      state.setWindow(state.win, { final: true });
    } else if (p.kind === "brush") {
      const band = state.brush;
      state.setBrush(null);
      if (band) state.selectBand(band[0], band[1]);
    } else if (e.type === "pointerup") {
      const now = performance.now();
      if (now - lastClick > DBL_MS) beforePair = state.selection;
      lastClick = now;
      // A click: a cluster on the band, the node's subtree (shift toggles it), or clear on empty
      // space; Alt-click splits or merges clusters at the node. In compare mode it picks what
      // the selection is compared with instead.
      const compare = state.data.comparing && state.selection.length > 0;
      if (p.alt) {
        if (p.node >= 0) state.alterClusters(p.node);
      } else if (compare && p.node >= 0) state.data.compareWith(p.node, p.shift);
      else if (compare && !p.shift) state.data.setCompare(false);
      else if (p.band >= 0) {
        state.selectCluster(p.band);
      } else if (p.node >= 0) {
        if (p.shift) state.toggle(p.node);
        else state.select([p.node]);
      } else if (!p.shift) {
        state.clearSelection();
      }
    }
  };
  canvas.addEventListener("pointerup", endPress, { signal });
  canvas.addEventListener("pointercancel", endPress, { signal });

  canvas.addEventListener("pointerleave", () => {
    if (press) return;
    tip.hide();
    root.classList.remove("is-cut-hot", "is-cut-hot-h", "is-node-hot");
    state.setCutHot(false);
    state.setHover(-1);
  }, { signal });

  canvas.addEventListener("dblclick", (e) => {
    const [x, y] = local(e);
    const node = pickNode(state.L, drawn(), x, y);
    if (node < 0) return;
    if (performance.now() - lastClick < DBL_MS) state.select(beforePair); // the pair's clicks undone
    state.openNode(node);
    e.preventDefault();
  }, { signal });

  canvas.addEventListener("wheel", (e) => {
    const cur = drawn();
    if (!cur) return;
    // The wheel scrolls the page until the view is in use: it zooms once the view has the focus
    // (a click inside) or with Ctrl/Cmd held (a trackpad pinch is a wheel with ctrlKey).
    const ctrl = e.ctrlKey || e.metaKey;
    // Inside a shadow root (marimo) document.activeElement is the host: ask the root's own tree.
    const tree = /** @type {Document | ShadowRoot} */ (root.getRootNode());
    if (!ctrl && !root.contains(tree.activeElement ?? null)) {
      if (!hinted) hint(WHEEL_HINT);
      hinted = true;
      return;
    }
    e.preventDefault();
    const { fr } = cur;
    const win = state.win;
    const [x, y] = local(e);
    const [a, b] = fr.ab(x, y);
    const unit = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1;
    const heightAxis = e.shiftKey;
    if (!heightAxis && Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      // A sideways swipe (trackpads) pans the leaf axis.
      state.panBy((e.deltaX * unit) / fr.leafLen * (win[1] - win[0]), 0, { final: false });
    } else {
      const delta = (e.deltaY || e.deltaX) * unit;
      const factor = Math.exp(Math.max(-1, Math.min(1, delta * 0.0015)));
      const f = heightAxis ? (fr.heightAt(b) - win[2]) / (win[3] - win[2]) : (fr.leafAt(a) - win[0]) / (win[1] - win[0]);
      state.zoomAt(heightAxis ? "height" : "leaf", Math.max(0, Math.min(1, f)), factor, { final: false });
    }
    wheelEnd.call();
  }, { signal, passive: false });
}
