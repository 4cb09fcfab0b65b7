// One view of a Dendrogram model: DOM, state, model sync, one draw per animation frame, cleanup.
// Synced state (cut, selection, view window) lives in the model; hover and drags are this view's.
// The view keeps the state; pointer.js, keys.js and search-box.js change it through `host`.
import { syncAttrs as writeAttrs } from "./attrs.js";
import { cull, budgetFor } from "./cull.js";
import { drawnIds } from "./cut.js";
import { decodeTree, makeLabels } from "./decode.js";
import { drawScene } from "./draw.js";
import { measureLabelBand } from "./draw-labels.js";
import { makeFrame, plotRect } from "./frame.js";
import { listenModel, readCut, readSelection } from "./model-sync.js";
import { wireKeys } from "./keys.js";
import { computeLayout } from "./layout.js";
import { wirePointer } from "./pointer.js";
import { makeSearchBox } from "./search-box.js";
import { readTheme, watchTheme } from "./theme.js";
import { followHostScheme } from "./host/scheme.js";
import { throttle } from "./throttle.js";
import { h, makeToolbar, savePng } from "./toolbar.js";
import { makeTooltip, nodeTooltip } from "./tooltip.js";
import { fullWindow, sameWindow, windowFromTrait } from "./zoom.js";

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

/**
 * Render one view of `model` into `el`; returns the cleanup.
 * @param {Model} model
 * @param {HTMLElement} el
 * @returns {() => void}
 */
export function createView(model, el) {
  // One signal for every DOM listener: aborting it is the whole of their cleanup.
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
  const { toolbar, reset, search, matchCount, busy, exportBtn } = makeToolbar();
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
  /** @type {import("./pointer.js").Drag} */
  let drag = null;
  /** @type {import("./theme.js").Theme | null} */
  let theme = null;
  let labelBand = -1;
  /** @type {Map<string, string>} */
  const fitCache = new Map();
  let raf = 0;
  let cssW = 0;
  /** @type {import("./hit.js").Drawn} */
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
    selection = readSelection(model, L.count.length);
    hover = -1;
  }

  function loadLabels() {
    labels = makeLabels(model.get("_labels"), L.n);
    labelBand = -1;
    fitCache.clear();
    if (searchBox.query) searchBox.run(searchBox.query, true);
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
  function syncAttrs() {
    writeAttrs(root, busy, {
      cut,
      k: nClusters(),
      n: L.n,
      selection,
      viewWindow: isFull() ? "" : win.join(","),
      matches: searchBox.matches,
      busy: Boolean(model.get("busy")),
    });
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

  /** Leaf label band: measured on the canvas once per labels, font, size and orientation. */
  function measureBand() {
    if (!ctx || !theme) return 40;
    return measureLabelBand(ctx, theme, labels, L.n, orientation(), cssH(), cssW);
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
      matches: searchBox.matches,
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

  // ---- tooltip ----------------------------------------------------------------------------
  /** @param {number} v @param {number} x @param {number} y */
  function showTooltip(v, x, y) {
    const { head, lines } = nodeTooltip(L, labels, tips, cut, ids, v);
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

  // ---- interactions: the host is how the interaction modules read and change this view -------
  /** @type {import("./pointer.js").PointerHost & import("./keys.js").KeysHost & import("./search-box.js").SearchHost} */
  const host = {
    root, canvas, model,
    get L() { return L; },
    get labels() { return labels; },
    get full() { return full; },
    get win() { return win; },
    get cut() { return cut; },
    set cut(t) { cut = t; },
    get selection() { return selection; },
    get steps() { return steps; },
    set steps(s) { steps = s; },
    get drag() { return drag; },
    set drag(d) { drag = d; },
    get cutHot() { return cutHot; },
    set cutHot(b) { cutHot = b; },
    get labelBand() { return labelBand; },
    get current() { return current; },
    get searchBox() { return searchBox; },
    requestDraw, setHover, setWindow, setSelection, setCutNow, writeCut, cutWriter, windowWriter,
    showTooltip, hideTooltip,
  };
  const searchBox = makeSearchBox(search, matchCount, host, signal);
  wirePointer(host, signal);
  wireKeys(host, signal);

  reset.addEventListener("click", () => setWindow(full, "now"), { signal });
  exportBtn.addEventListener("click", () => {
    drawNow(); // the picture as it is now, not as of the last animation frame
    savePng(canvas, String(model.get("title") || ""));
  }, { signal });

  // ---- the model --------------------------------------------------------------------------
  const stopSync = listenModel(model, {
    get drag() { return drag; },
    get cut() { return cut; },
    set cut(t) { cut = t; },
    get selection() { return selection; },
    set selection(sel) { selection = sel; },
    get nNodes() { return L.count.length; },
    get win() { return win; },
    get full() { return full; },
    adoptWindow(w) {
      windowWriter.cancel();
      win = w;
      hideTooltip();
      hover = -1;
      requestDraw();
    },
    loadTree,
    loadLabels,
    reloadTooltips() { tips = model.get("_tooltips") ?? {}; },
    remeasure() { labelBand = -1; },
    requestDraw,
  });

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
  followHostScheme(root, () => { theme = null; requestDraw(); }, signal); // light/dark outside JupyterLab

  // ---- first frame ------------------------------------------------------------------------
  loadTree();
  cut = readCut(model);
  /** @type {any} */ (root).__dendrowidget = { frameTimes, drawNow }; // timing probe: benchmarks/browser.py
  drawNow();
  root.setAttribute("data-ready", "1"); // last: browser tests wait for it

  return () => {
    ac.abort();
    stopSync();
    ro?.disconnect();
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
    cutWriter.cancel();
    windowWriter.cancel();
    searchBox.cancel();
    root.remove();
  };
}
