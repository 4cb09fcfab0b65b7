// One view of a Dendrogram model: DOM, listeners, one draw per animation frame, cleanup.
// Synced state (cut, selection, view window) lives in the model; hover and drags are this view's.
import { cull, budgetFor } from "./cull.js";
import { cutSteps, drawnIds, stepCut } from "./cut.js";
import { decodeTree, makeLabels, tooltipLines } from "./decode.js";
import { cutPosition, drawScene, handleBox } from "./draw.js";
import { describe, formatCount, formatNumber } from "./format.js";
import { makeFrame, plotRect } from "./frame.js";
import { hitNode } from "./hit.js";
import { computeLayout, nodeHeight } from "./layout.js";
import { findMatches, narrows } from "./search.js";
import { readTheme, watchTheme } from "./theme.js";
import { throttle } from "./throttle.js";
import { makeTooltip } from "./tooltip.js";
import {
  fullWindow, pan, sameWindow, spanWindow, subtreeWindow, windowFromTrait, zoomAt,
} from "./zoom.js";

/** @typedef {import("./zoom.js").Window} Window */
/** @typedef {import("./frame.js").Orientation} Orientation */

/**
 * @typedef {object} Model
 * @property {(key: string) => any} get
 * @property {(key: string, value: any) => void} set
 * @property {() => void} save_changes
 * @property {(event: string, cb: (...args: any[]) => void) => void} on
 * @property {(event?: string | null, cb?: ((...args: any[]) => void) | null) => void} off
 * @property {(content: any) => void} send  custom message to Python (expand a micro-cluster)
 */

const ORIENTATIONS = ["top", "bottom", "left", "right"];
const THROTTLE_MS = 100; // writes to Python while dragging
const GRAB_PX = 6; // how close to the cut line a press grabs it
const DRAG_PX = 4; // movement that turns a press into a pan

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} className
 * @param {Record<string, string>} [attrs]
 * @returns {HTMLElementTagNameMap[K]}
 */
function h(tag, className, attrs = {}) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/**
 * Render one view of `model` into `el`; returns the cleanup.
 * @param {Model} model
 * @param {HTMLElement} el
 * @returns {() => void}
 */
export function createView(model, el) {
  const ac = new AbortController();
  const { signal } = ac;

  // ---- DOM ------------------------------------------------------------------------------
  const root = h("div", "dendrowidget", {
    tabindex: "0",
    role: "group",
    "aria-roledescription": "dendrogram",
    // Keys typed here are ours: JupyterLab's command-mode shortcuts must not fire.
    "data-lm-suppress-shortcuts": "true",
  });
  const toolbar = h("div", "dendrowidget-toolbar");
  const reset = h("button", "dendrowidget-button", { type: "button", title: "Show the whole tree (0)" });
  reset.textContent = "Reset zoom";
  const search = h("input", "dendrowidget-search", {
    type: "search",
    placeholder: "Search labels",
    "aria-label": "Search leaf labels (Enter zooms to the matches)",
    spellcheck: "false",
    autocomplete: "off",
  });
  const matchCount = h("span", "dendrowidget-matches", { "aria-live": "polite" });
  const spacer = h("span", "dendrowidget-spacer");
  const busy = h("span", "dendrowidget-busy", { role: "status" });
  busy.textContent = "computing…";
  const exportBtn = h("button", "dendrowidget-button", { type: "button", title: "Save the picture as PNG" });
  exportBtn.textContent = "PNG";
  toolbar.append(reset, search, matchCount, spacer, busy, exportBtn);
  const stage = h("div", "dendrowidget-stage");
  const canvas = h("canvas", "dendrowidget-canvas");
  stage.append(canvas);
  const tooltip = makeTooltip(stage);
  root.append(toolbar, stage);
  el.append(root);
  const ctx = canvas.getContext("2d");

  // ---- state ----------------------------------------------------------------------------
  /** @type {import("./layout.js").Layout} */
  let L;
  /** @type {import("./decode.js").Labels} */
  let labels;
  /** @type {{columns?: string[], values?: string[][]}} */
  let tips = {};
  /** @type {Float64Array | null} */
  let steps = null;
  /** @type {Window} */
  let full;
  /** @type {Window} */
  let win;
  /** @type {number | null} */
  let cut = null;
  /** @type {{t: number | null, ids: Int32Array} | null} */
  let idsCache = null;
  /** @type {number[]} */
  let selection = [];
  let hover = -1;
  let cutHot = false;
  /** @type {null | {kind: "cut"} | {kind: "press" | "pan", x: number, y: number, win: Window, fr: import("./frame.js").Frame, node: number, shift: boolean}} */
  let drag = null;
  let query = "";
  /** @type {Int32Array | null} */
  let matches = null;
  /** @type {import("./theme.js").Theme | null} */
  let theme = null;
  let labelBand = -1;
  /** @type {Map<string, string>} */
  const fitCache = new Map();
  let raf = 0;
  let cssW = 0;
  /** @type {{fr: import("./frame.js").Frame, list: import("./cull.js").DrawList, scene: import("./draw.js").Scene} | null} */
  let current = null;
  /** Frame times in ms, newest last (read by the benchmark harness). */
  const frameTimes = /** @type {number[]} */ ([]);

  const orientation = () => /** @type {Orientation} */ (ORIENTATIONS.includes(model.get("orientation")) ? model.get("orientation") : "top");
  const cssH = () => Math.max(120, Number(model.get("height")) || 420);

  function loadTree() {
    const tree = decodeTree(model.get("_tree") ?? {});
    L = computeLayout(tree);
    loadLabels();
    tips = model.get("_tooltips") ?? {};
    steps = null;
    idsCache = null;
    full = fullWindow(L.n, L.top);
    win = windowFromTrait(model.get("view_window"), full);
    selection = readSelection();
    hover = -1;
  }

  function loadLabels() {
    labels = makeLabels(model.get("_labels"), L.n);
    labelBand = -1;
    fitCache.clear();
    if (query) runSearch(query, true);
  }

  function readCut() {
    const v = model.get("cut_height");
    return v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v);
  }

  function readSelection() {
    const v = model.get("selection");
    const m = L.count.length;
    return Array.isArray(v) ? v.map(Number).filter((x) => Number.isInteger(x) && x >= 0 && x < m) : [];
  }

  /** Cluster ids for the current cut, computed once per cut value. */
  function ids() {
    if (!idsCache || idsCache.t !== cut) idsCache = { t: cut, ids: drawnIds(L.gapHeight, cut) };
    return idsCache.ids;
  }
  const nClusters = () => (L.n > 0 ? ids()[L.n - 1] : 0);

  // ---- writes to the model: one save_changes per logical change ---------------------------
  /** @param {Record<string, unknown>} changes */
  function commit(changes) {
    for (const [k, v] of Object.entries(changes)) model.set(k, v);
    model.save_changes();
  }
  const isFull = () => sameWindow(win, full);
  const windowTrait = () => (isFull() ? [] : [...win]);
  const writeCut = () => {
    if (model.get("cut_height") !== cut) commit({ cut_height: cut });
  };
  const writeWindow = () => {
    if (!sameWindow(model.get("view_window") ?? [], windowTrait())) commit({ view_window: windowTrait() });
  };
  const cutWriter = throttle(writeCut, THROTTLE_MS);
  const windowWriter = throttle(writeWindow, 150);

  // ---- attributes that tests and assistive tech read --------------------------------------
  /** @param {string} name @param {string} value */
  function attr(name, value) {
    if (root.getAttribute(name) !== value) root.setAttribute(name, value);
  }
  function syncAttrs() {
    const k = nClusters();
    attr("data-cut-height", cut === null ? "" : String(cut));
    attr("data-n-clusters", String(k));
    attr("data-n-leaves", String(L.n));
    attr("data-selection", selection.join(","));
    attr("data-view-window", isFull() ? "" : win.join(","));
    attr("data-matches", matches ? String(matches.length) : "");
    attr("aria-label", describe(L.n, cut, k));
    root.classList.toggle("is-busy", Boolean(model.get("busy")));
    busy.hidden = !model.get("busy");
  }

  // ---- drawing ----------------------------------------------------------------------------
  function requestDraw() {
    syncAttrs();
    if (!raf) raf = requestAnimationFrame(frame);
  }
  function frame() {
    raf = 0;
    try {
      drawNow();
    } catch (err) {
      // A frame that fails must say so: a silently stale picture is worse.
      console.error("dendrowidget: drawing failed", err);
    }
  }

  /** Leaf label band: the widest of a sample of labels, within limits. */
  function measureBand() {
    if (!ctx || !theme) return 40;
    ctx.font = `${theme.fontSize}px ${theme.font}`;
    let w = 0;
    const n = L.n, k = Math.min(n, 1000);
    for (let i = 0; i < k; i++) {
      const row = k === n ? i : Math.floor((i * n) / k);
      w = Math.max(w, ctx.measureText(labels.get(row)).width);
    }
    const o = orientation();
    const cap = o === "top" || o === "bottom" ? Math.min(150, cssH() * 0.3) : Math.min(220, (cssW || 640) * 0.3);
    return Math.round(Math.max(24, Math.min(cap, w + 12)));
  }

  function drawNow() {
    const t0 = performance.now();
    const width = Math.max(200, Math.round(stage.clientWidth || root.clientWidth || el.clientWidth || 640));
    cssW = width;
    const height = cssH();
    const dpr = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
    if (!theme) theme = readTheme(root);
    if (labelBand < 0) labelBand = measureBand();
    const W = Math.round(width * dpr), H = Math.round(height * dpr);
    if (canvas.width !== W || canvas.height !== H) {
      canvas.width = W;
      canvas.height = H;
    }
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const o = orientation();
    const title = String(model.get("title") ?? "");
    const plot = plotRect(o, width, height, { title: Boolean(title), labelBand });
    const fr = makeFrame(o, plot, win);
    const list = cull(L, win, fr.leafLen, { budget: budgetFor(fr.leafLen, fr.heightLen) });
    const pal = model.get("palette");
    /** @type {import("./draw.js").Scene} */
    const scene = {
      L, labels, fr, list, width, height, dpr, cut,
      ids: ids(),
      k: nClusters(),
      palette: Array.isArray(pal) && pal.length ? pal.map(String) : ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"],
      selection,
      matches,
      hover,
      cutHot: cutHot || drag?.kind === "cut",
      title,
      axisLabel: String(model.get("axis_label") ?? ""),
      labelBand,
      fullTop: full[3],
      theme,
      fitCache,
    };
    current = { fr, list, scene };
    if (ctx) drawScene(ctx, scene);
    frameTimes.push(performance.now() - t0);
    if (frameTimes.length > 240) frameTimes.shift();
    syncAttrs();
  }

  // ---- pointer geometry -------------------------------------------------------------------
  /** @param {MouseEvent} e @returns {[number, number]} */
  function local(e) {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  /** Is (x, y) on the cut line or its handle? @param {number} x @param {number} y */
  function onCut(x, y) {
    if (!current) return false;
    const { fr, scene } = current;
    const { b } = cutPosition(scene);
    const hb = handleBox(fr, b);
    if (x >= hb.x - 2 && x <= hb.x + hb.w + 2 && y >= hb.y - 2 && y <= hb.y + hb.h + 2) return true;
    const [a, bb] = fr.ab(x, y);
    const p = fr.plot;
    const lo = fr.vertical ? p.x : p.y, hi = lo + fr.leafLen;
    return Math.abs(bb - b) <= GRAB_PX && a >= lo - 2 && a <= hi + 2;
  }

  /** Node under (x, y): the tree, or a leaf label. @param {number} x @param {number} y */
  function nodeAt(x, y) {
    if (!current || L.n === 0) return -1;
    const { fr, list } = current;
    const v = hitNode(L, list, fr, x, y);
    if (v >= 0) return v;
    // Over the leaf labels: the leaf of that column (row).
    const [a, b] = fr.ab(x, y);
    const base = fr.heightPos(0);
    const o = fr.orientation;
    const beyond = o === "top" || o === "left" ? b > base && b < base + labelBand : b < base && b > base - labelBand;
    const u = fr.leafAt(a);
    if (beyond && u >= fr.win[0] && u < fr.win[1] && u >= 0 && u < L.n) {
      const pxPerLeaf = fr.leafLen / (fr.win[1] - fr.win[0]);
      if (pxPerLeaf >= 4) return L.order[Math.floor(u)];
    }
    return -1;
  }

  // ---- tooltip ----------------------------------------------------------------------------
  /** @param {number} v @param {number} x @param {number} y */
  function showTooltip(v, x, y) {
    /** @type {[string, string][]} */
    const lines = [];
    let head;
    if (v < L.n) {
      head = labels.get(v);
      lines.push(["row", String(v)]);
      for (const line of tooltipLines(tips, v)) lines.push(line);
    } else {
      head = `${formatCount(L.count[v])} leaves`;
      lines.push(["height", formatNumber(nodeHeight(L, v), 4)]);
      if (L.maxh[v] !== nodeHeight(L, v)) lines.push(["max height below", formatNumber(L.maxh[v], 4)]);
      lines.push(["node", String(v)]);
    }
    if (cut !== null && L.maxh[v] <= cut) lines.push(["cluster", String(ids()[L.start[v]])]);
    tooltip.show(head, lines, x, y, { w: stage.clientWidth || cssW, h: cssH() });
  }
  const hideTooltip = () => tooltip.hide();

  /** @param {number} v */
  function setHover(v) {
    if (v !== hover) {
      hover = v;
      requestDraw();
    }
  }

  // ---- interactions -----------------------------------------------------------------------
  /** @param {Window} w @param {"now" | "throttle"} how */
  function setWindow(w, how) {
    if (sameWindow(w, win)) return;
    win = w;
    hideTooltip(); // it described what was under the pointer before the view moved
    hover = -1;
    requestDraw();
    if (how === "now") {
      windowWriter.cancel();
      writeWindow();
    } else windowWriter.call();
  }

  /** @param {number[]} sel */
  function setSelection(sel) {
    selection = sel;
    requestDraw();
    commit({ selection: [...sel] });
  }

  /** @param {number | null} t */
  function setCutNow(t) {
    cut = t;
    requestDraw();
    cutWriter.cancel();
    writeCut();
  }

  /** Zoom by `factor` around the centre of the leaf axis. @param {number} factor */
  function zoomCentre(factor) {
    setWindow(zoomAt(win, full, "leaf", 0.5, factor), "now");
  }

  canvas.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    root.focus({ preventScroll: true });
    const [x, y] = local(e);
    if (!current) return;
    if (onCut(x, y)) {
      drag = { kind: "cut" };
      hideTooltip();
    } else {
      drag = { kind: "press", x, y, win, fr: current.fr, node: nodeAt(x, y), shift: e.shiftKey || e.metaKey || e.ctrlKey };
    }
    canvas.setPointerCapture?.(e.pointerId);
    e.preventDefault();
  }, { signal });

  canvas.addEventListener("pointermove", (e) => {
    const [x, y] = local(e);
    if (!current) return;
    if (drag?.kind === "cut") {
      const { fr } = current;
      const [, b] = fr.ab(x, y);
      // Within the visible heights (a cut out of view could not be grabbed back), never < 0.
      const t = Math.max(0, Math.max(fr.win[2], Math.min(fr.win[3], fr.heightAt(b))));
      if (t !== cut) {
        cut = t;
        requestDraw();
        cutWriter.call();
      }
      return;
    }
    if (drag && (drag.kind === "press" || drag.kind === "pan")) {
      if (drag.kind === "press" && Math.hypot(x - drag.x, y - drag.y) < DRAG_PX) return;
      drag.kind = "pan";
      root.classList.add("is-panning");
      hideTooltip();
      const fr = drag.fr;
      const [a0, b0] = fr.ab(drag.x, drag.y);
      const [a1, b1] = fr.ab(x, y);
      const dx = fr.leafAt(a0) - fr.leafAt(a1);
      const dy = fr.heightAt(b0) - fr.heightAt(b1);
      setWindow(pan(drag.win, full, dx, dy), "throttle");
      return;
    }
    // Hover.
    const hot = onCut(x, y);
    if (hot !== cutHot) {
      cutHot = hot;
      requestDraw();
    }
    const v = hot ? -1 : nodeAt(x, y);
    setHover(v);
    root.classList.toggle("is-cut-hot", hot);
    root.classList.toggle("is-cut-hot-h", hot && !current.fr.vertical);
    root.classList.toggle("is-node-hot", v >= 0);
    if (v >= 0) showTooltip(v, x, y);
    else hideTooltip();
  }, { signal });

  /** @param {PointerEvent} e */
  const endDrag = (e) => {
    const d = drag;
    drag = null;
    root.classList.remove("is-panning");
    if (!d) return;
    canvas.releasePointerCapture?.(e.pointerId);
    if (d.kind === "cut") {
      cutWriter.cancel();
      writeCut(); // exact on release
      requestDraw();
    } else if (d.kind === "pan") {
      windowWriter.flush();
    } else if (e.type === "pointerup") {
      // A click: select the node's subtree (shift toggles it), or clear on empty space.
      const v = d.node;
      if (v >= 0) {
        if (d.shift) setSelection(selection.includes(v) ? selection.filter((u) => u !== v) : [...selection, v]);
        else if (selection.length !== 1 || selection[0] !== v) setSelection([v]);
      } else if (!d.shift && selection.length) {
        setSelection([]);
      }
    }
  };
  canvas.addEventListener("pointerup", endDrag, { signal });
  canvas.addEventListener("pointercancel", endDrag, { signal });

  canvas.addEventListener("pointerleave", () => {
    if (drag) return;
    hideTooltip();
    cutHot = false;
    root.classList.remove("is-cut-hot", "is-cut-hot-h", "is-node-hot");
    setHover(-1);
    requestDraw();
  }, { signal });

  canvas.addEventListener("dblclick", (e) => {
    const [x, y] = local(e);
    let v = nodeAt(x, y);
    if (v < 0) return;
    // A micro-cluster leaf (reduce=) opens its own tree of rows, built in Python on demand.
    if (v < L.n && model.get("_expandable")) {
      model.send({ type: "expand", leaf: v });
      e.preventDefault();
      return;
    }
    if (v < L.n && L.parent[v] >= 0) v = L.parent[v]; // a leaf alone is no view: show its pair
    setWindow(subtreeWindow(L, v), "now");
    e.preventDefault();
  }, { signal });

  canvas.addEventListener("wheel", (e) => {
    if (!current) return;
    e.preventDefault();
    const { fr } = current;
    const [x, y] = local(e);
    const [a, b] = fr.ab(x, y);
    const unit = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1;
    const heightAxis = e.shiftKey || e.ctrlKey || e.metaKey;
    // A sideways swipe (trackpads) pans the leaf axis.
    if (!heightAxis && Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      const dx = (e.deltaX * unit) / fr.leafLen * (win[1] - win[0]);
      setWindow(pan(win, full, dx, 0), "throttle");
      return;
    }
    const delta = (e.deltaY || e.deltaX) * unit;
    const factor = Math.exp(Math.max(-1, Math.min(1, delta * 0.0015)));
    if (heightAxis) {
      const f = (fr.heightAt(b) - win[2]) / (win[3] - win[2]);
      setWindow(zoomAt(win, full, "height", Math.max(0, Math.min(1, f)), factor), "throttle");
    } else {
      const f = (fr.leafAt(a) - win[0]) / (win[1] - win[0]);
      setWindow(zoomAt(win, full, "leaf", Math.max(0, Math.min(1, f)), factor), "throttle");
    }
  }, { signal, passive: false });

  root.addEventListener("keydown", (e) => {
    if (e.target !== root) return; // the search box handles its own keys
    let handled = true;
    switch (e.key) {
      case "ArrowUp":
      case "ArrowDown":
        if (!steps) steps = cutSteps(L.gapHeight);
        setCutNow(stepCut(steps, cut, e.key === "ArrowUp" ? 1 : -1));
        break;
      case "ArrowLeft":
      case "ArrowRight": {
        const d = (win[1] - win[0]) * 0.2 * (e.key === "ArrowLeft" ? -1 : 1);
        setWindow(pan(win, full, d, 0), "now");
        break;
      }
      case "+":
      case "=":
        zoomCentre(0.7);
        break;
      case "-":
      case "_":
        zoomCentre(1 / 0.7);
        break;
      case "0":
        setWindow(full, "now");
        break;
      case "Escape":
        if (selection.length) setSelection([]);
        else if (query) clearSearch();
        hideTooltip();
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, { signal });

  reset.addEventListener("click", () => setWindow(full, "now"), { signal });

  exportBtn.addEventListener("click", () => {
    drawNow();
    canvas.toBlob((blob) => {
      if (!blob) return;
      const url = URL.createObjectURL(blob);
      const a = h("a", "", { href: url, download: `${String(model.get("title") || "dendrogram").replace(/[^\w.-]+/g, "_")}.png` });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }, "image/png");
  }, { signal });

  // ---- search -----------------------------------------------------------------------------
  /**
   * Drawn positions whose label contains `q` (case-insensitive). Labels are decoded and
   * lower-cased once; a query that contains the last one only re-checks the last matches.
   * @param {string} q
   * @param {boolean} [fresh]
   */
  function runSearch(q, fresh = false) {
    const needle = q.trim().toLowerCase();
    if (!needle) {
      matches = null;
    } else {
      const within = !fresh && matches && narrows(query, needle) ? matches : null;
      matches = findMatches(labels.lowerAll(), L.order, needle, within);
    }
    query = needle;
    matchCount.textContent = matches === null ? "" : matches.length === 0 ? "no match" : `${formatCount(matches.length)} ${matches.length === 1 ? "match" : "matches"}`;
    requestDraw();
  }
  function clearSearch() {
    search.value = "";
    runSearch("");
  }
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let searchTimer;
  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => runSearch(search.value), L.n > 100000 ? 200 : 60);
  }, { signal });
  search.addEventListener("keydown", (e) => {
    e.stopPropagation(); // typing here is text, not notebook shortcuts
    if (e.key === "Enter") {
      clearTimeout(searchTimer);
      runSearch(search.value);
      if (matches && matches.length) {
        setWindow(spanWindow(full, matches[0], matches[matches.length - 1], Math.min(L.n, 30)), "now");
      }
      e.preventDefault();
    } else if (e.key === "Escape") {
      clearSearch();
      root.focus({ preventScroll: true });
      e.preventDefault();
    }
  }, { signal });

  // ---- the model --------------------------------------------------------------------------
  /** @type {[string, () => void][]} */
  const handlers = [
    ["change:cut_height", () => {
      if (drag?.kind === "cut") return; // the drag owns the cut until release
      const t = readCut();
      if (t !== cut) {
        cut = t;
        requestDraw();
      }
    }],
    ["change:selection", () => {
      const s = readSelection();
      if (s.join(",") !== selection.join(",")) {
        selection = s;
        requestDraw();
      }
    }],
    ["change:view_window", () => {
      if (drag?.kind === "pan") return;
      const w = windowFromTrait(model.get("view_window"), full);
      if (!sameWindow(w, win)) {
        windowWriter.cancel();
        win = w;
        hideTooltip();
        hover = -1;
        requestDraw();
      }
    }],
    ["change:_tree", () => {
      loadTree();
      requestDraw();
    }],
    ["change:_labels", () => {
      loadLabels();
      requestDraw();
    }],
    ["change:_tooltips", () => {
      tips = model.get("_tooltips") ?? {};
    }],
    ["change:orientation", () => {
      labelBand = -1;
      requestDraw();
    }],
    ["change:height", () => {
      labelBand = -1;
      requestDraw();
    }],
    ["change:title", requestDraw],
    ["change:axis_label", requestDraw],
    ["change:palette", requestDraw],
    ["change:busy", requestDraw],
  ];
  for (const [event, cb] of handlers) model.on(event, cb);

  // ---- size and theme ---------------------------------------------------------------------
  /** @type {ResizeObserver | null} */
  let ro = null;
  if (typeof ResizeObserver === "function") {
    ro = new ResizeObserver(() => {
      const w = Math.round(stage.clientWidth);
      if (w && w !== cssW) {
        labelBand = -1;
        theme = null; // styles may have arrived with the attach
        requestDraw();
      }
    });
    ro.observe(stage);
  }
  watchTheme(() => {
    theme = null;
    labelBand = -1;
    fitCache.clear();
    requestDraw();
    // Some themes finish loading their stylesheet after the attribute flips.
    setTimeout(() => {
      theme = null;
      requestDraw();
    }, 250);
  }, signal);

  // ---- first frame ------------------------------------------------------------------------
  loadTree();
  cut = readCut();
  /** @type {any} */ (root).__dendrowidget = { frameTimes, drawNow };
  drawNow();
  root.setAttribute("data-ready", "1"); // last: browser tests wait for it

  return () => {
    ac.abort();
    for (const [event, cb] of handlers) model.off(event, cb);
    ro?.disconnect();
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
    cutWriter.cancel();
    windowWriter.cancel();
    clearTimeout(searchTimer);
    root.remove();
  };
}
