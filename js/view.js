// One view of a Dendrogram model: builds the DOM, creates the state, connects input (pointer,
// keys, search box, toolbar) and Python (model-sync.js) to the state's actions, draws one frame
// per animation frame from the state, and cleans up. It decides nothing: state/state.js does.
import { budgetFor, cull } from "./core/cull.js";
import { dataPlot } from "./core/data-layout.js";
import { siblingLines } from "./core/explain-text.js";
import { autoHeight, leafSide, makeFrame, plotRect, shiftSide } from "./core/frame.js";
import { nodeTooltip } from "./core/tooltip-text.js";
import { measureData } from "./draw/data-names.js";
import { followHostScheme } from "./host/scheme.js";
import { measureLabelBand } from "./draw/labels.js";
import { drawScene } from "./draw/paint.js";
import { listenModel } from "./model-sync.js";
import { pngOf, svgOf } from "./picture.js";
import { makeCellValues } from "./state/cell-values.js";
import { createState } from "./state/state.js";
import { syncAttrs } from "./ui/attrs.js";
import { makeCellTips } from "./ui/data-tips.js";
import { makeExplainPanel, updateExplainPanel, wireExplainPanel } from "./ui/explain-panel.js";
import { makeHint } from "./ui/hint.js";
import { wireKeys } from "./ui/keys.js";
import { wirePointer } from "./ui/pointer.js";
import { wireSearchBox } from "./ui/search-box.js";
import { readTheme, watchTheme } from "./ui/theme.js";
import { h, makeToolbar, wireToolbar } from "./ui/toolbar.js";
import { makeTooltip } from "./ui/tooltip.js";

/** @typedef {import("./state/synced.js").Model} Model */

/**
 * Render one view of `model` into `el`; returns the cleanup.
 * @param {Model} model
 * @param {HTMLElement} el
 * @returns {() => void}
 */
export function createView(model, el) {
  const tView = performance.now(); // start-up timing probe: benchmarks/browser.py
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
  const tb = makeToolbar();
  const panel = makeExplainPanel(tb);
  const stage = h("div", "dendrowidget-stage");
  const canvas = h("canvas", "dendrowidget-canvas");
  stage.append(canvas);
  const tooltip = makeTooltip(stage);
  const hint = makeHint(stage, signal);
  root.append(tb.toolbar, stage);
  el.append(root);
  const ctx = canvas.getContext("2d");

  // ---- drawing caches: how this view draws, not what it shows ------------------------------
  /** @type {import("./core/theme.js").Theme | null} */
  let theme = null;
  let labelBand = -1;
  let bandKey = ""; // orientation, height and width the band was measured for
  /** @type {Map<string, string>} */
  const fitCache = new Map();
  let raf = 0;
  let cssW = 0;
  let cssH = 0;
  let labelsDrawn = 0;
  /** @type {import("./draw/scene.js").Scene | null} */
  let lastScene = null;
  /** @type {import("./core/hit.js").Drawn} */
  let current = null;
  /** Frame times in ms, newest last (read by the benchmark harness). */
  const frameTimes = /** @type {number[]} */ ([]);
  /** The data beside the tree: its measured names and legend, and the last window's cells. */
  let dataSize = { prep: /** @type {unknown} */ (null), key: "", nameW: 0, legendW: 0 };
  /** @type {import("./draw/data-scene.js").DataCache} */
  let dataCache = {};
  /** @type {import("./ui/data-tips.js").DrawnData} */
  let drawnData = null;

  // Exact cell values asked of Python (the tooltip shows them when they arrive).
  const cellValues = makeCellValues(model, () => cellTips.refresh());

  // ---- the state: every change is drawn -----------------------------------------------------
  const tState = performance.now();
  const state = createState(model, (what) => {
    if (what === "view_window" || what === "tree") tooltip.hide(); // it described what moved
    if (what === "tree") {
      current = null; // hit testing waits for a frame of the new tree
      warmLayout();
    }
    if (what === "labels" || what === "tree") {
      labelBand = -1;
      fitCache.clear();
    }
    if (what === "search" || what === "labels" || what === "tree") searchBox.show();
    if (what === "heatmap" || what === "tree") {
      dataCache = {};
      drawnData = null;
      cellValues.reset();
    }
    requestDraw();
  });
  const stateMs = performance.now() - tState; // decode and lay out the tree

  /** The root's data attributes and aria-label (browser tests and assistive tech read them). */
  function attrs() {
    syncAttrs(root, tb.busy, {
      cut: state.cut,
      k: state.nClusters(),
      clusterNodes: state.clusters().nodes,
      outliers: state.clusters().outliers,
      n: state.L.n,
      selection: state.selection,
      viewWindow: state.isFull() ? "" : state.win.join(","),
      matches: state.matches,
      busy: state.opts.busy,
      labels: labelsDrawn,
    });
    const prep = state.data.prep;
    root.setAttribute("data-heatmap-columns", String(prep?.heatmap?.columns.length ?? 0));
    root.setAttribute("data-annotation-columns", String(prep?.strips.length ?? 0));
    root.toggleAttribute("data-heatmap-later", Boolean(prep?.later));
    root.toggleAttribute("data-compare", state.data.comparing);
    updateExplainPanel(panel, state);
  }

  // ---- drawing ----------------------------------------------------------------------------
  function requestDraw() {
    attrs();
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

  function drawNow() {
    const t0 = performance.now();
    const { L, opts } = state;
    const width = Math.max(200, Math.round(stage.clientWidth || root.clientWidth || el.clientWidth || 640));
    cssW = width;
    const o = opts.orientation;
    const dpr = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
    if (!theme) theme = readTheme(root);
    const height = opts.height ?? autoHeight(o, L.n, theme.fontSize, Boolean(opts.title));
    cssH = height;
    // Leaf label band: measured on the canvas once per labels, font, size and orientation.
    const key = `${o},${height},${width}`;
    if (labelBand < 0 || key !== bandKey) {
      labelBand = ctx ? measureLabelBand(ctx, theme, state.labels, L.n, o, height, width) : 40;
      bandKey = key;
    }
    const W = Math.round(width * dpr), H = Math.round(height * dpr);
    if (canvas.width !== W || canvas.height !== H) {
      canvas.width = W;
      canvas.height = H;
    }
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const win = state.win;
    const side0 = leafSide(state.hasPartition());
    const prep = state.data.prep;
    const sizeKey = `${theme.font},${theme.fontSize}`;
    if (prep && ctx && (dataSize.prep !== prep || dataSize.key !== sizeKey)) {
      dataSize = { prep, key: sizeKey, ...measureData(ctx, theme, prep) };
    }
    const margins = { title: Boolean(opts.title), labelBand, side: side0, leafTitle: Boolean(opts.leafLabel) };
    const laid = prep ? dataPlot(o, width, height, margins, {
      strips: prep.strips.length,
      columns: prep.heatmap?.columns.length ?? 0,
      colTree: Boolean(state.data.colTree),
      nameW: dataSize.prep === prep ? dataSize.nameW : 0,
      legendW: dataSize.prep === prep ? dataSize.legendW : 0,
    }) : null;
    // The heatmap and strips sit between the leaves and the cluster band and labels.
    const side = laid ? shiftSide(side0, laid.geo.band) : side0;
    const plot = laid ? laid.plot : plotRect(o, width, height, margins);
    const fr = makeFrame(o, plot, win);
    const list = cull(L, win, fr.leafLen, { budget: budgetFor(fr.leafLen, fr.heightLen) });
    /** @type {import("./draw/scene.js").Scene} */
    const scene = {
      L, labels: state.labels, fr, list, width, height, dpr,
      cut: state.cut,
      ids: state.ids(),
      k: state.nClusters(),
      clusters: state.clusters(),
      suggestions: state.suggestions,
      palette: opts.palette,
      selection: state.selection,
      matches: state.matches,
      hover: state.hover,
      cutHot: state.cutHot || state.drag === "cut",
      title: opts.title,
      axisLabel: opts.axisLabel,
      leafLabel: opts.leafLabel,
      labelBand,
      side,
      brush: state.brush,
      currentMatch: state.currentMatch,
      exporting: false,
      fullTop: state.full[3],
      theme,
      fitCache,
      dataBand: laid ? laid.geo.band : 0,
      data: prep && laid ? {
        prep, geo: laid.geo, cache: dataCache, split: state.data.split, colTree: state.data.colTree, raster: true,
        target: state.data.comparing ? state.data.target : [],
      } : null,
    };
    current = { fr, list, cut: scene.cut, fullTop: scene.fullTop, labelBand, side };
    lastScene = scene;
    if (ctx) labelsDrawn = drawScene(ctx, scene).labels;
    drawnData = laid && dataCache.cells ? { fr, geo: laid.geo, cells: dataCache.cells } : null;
    frameTimes.push(performance.now() - t0);
    if (frameTimes.length > 240) frameTimes.shift();
    attrs();
  }

  /**
   * The layout's arrays the first frame does not need (gaps, leaf order, parents) are computed
   * on first use; compute them in idle time after it, one per idle period, so the first cut or
   * click does not pay for them.
   */
  function warmLayout() {
    const idle = globalThis.requestIdleCallback ?? ((/** @type {() => void} */ f) => setTimeout(f, 1));
    const L = state.L;
    const warm = [() => L.gapHeight, () => L.order, () => L.parent];
    const next = () => {
      const f = warm.shift();
      if (!f || signal.aborted || state.L !== L) return;
      f();
      idle(next);
    };
    idle(next);
  }

  // ---- input -> actions -------------------------------------------------------------------
  const tip = {
    /** @param {number} v @param {number} x @param {number} y */
    show(v, x, y) {
      cellTips.forget();
      const { head, lines } = nodeTooltip(state.L, state.labels, state.tips, state.clusters, v);
      const prep = state.data.prep; // what sets the node apart from its sibling
      // (not from block sums: a small subtree's would be its blocks' means)
      if (prep && !prep.later) lines.push(...siblingLines(prep.explain, state.L, v));
      tooltip.show(head, lines, x, y, { w: stage.clientWidth || cssW, h: cssH });
    },
    /** A heatmap or strip cell at (x, y): its tooltip; false when there is none. @param {number} x @param {number} y */
    at: (x, y) => cellTips.at(x, y),
    hide: () => {
      cellTips.forget();
      tooltip.hide();
    },
  };
  const cellTips = makeCellTips({
    state, tooltip, values: cellValues, drawn: () => drawnData,
    bounds: () => ({ w: stage.clientWidth || cssW, h: cssH }),
  });
  wirePointer({ canvas, root, state, drawn: () => current, tip, hint }, signal);
  wireKeys({ root, state, tip }, signal);
  const searchBox = wireSearchBox({ input: tb.search, countEl: tb.matchCount, selectBtn: tb.select, root, state }, signal);
  /** The picture as it is now, not as of the last animation frame. */
  const sceneNow = () => {
    drawNow();
    return /** @type {import("./draw/scene.js").Scene} */ (lastScene);
  };
  const measurer = ctx ?? { font: "", measureText: (/** @type {string} */ t) => ({ width: t.length * 6 }) };
  // A standalone page's model says it has no kernel: nothing there answers a message.
  const send = /** @type {any} */ (model).kernel === false ? null : (/** @type {object} */ c) => model.send(c);
  panel.offline = !send;
  wireToolbar(tb, { state, png: () => pngOf(sceneNow()), svg: () => svgOf(sceneNow(), measurer), send }, signal);
  wireExplainPanel(panel, { state }, signal);
  const stopSync = listenModel(model, state);

  // ---- size and theme ---------------------------------------------------------------------
  /** @type {ResizeObserver | null} */
  let ro = null;
  if (typeof ResizeObserver === "function") {
    ro = new ResizeObserver(() => {
      const w = Math.round(stage.clientWidth);
      if (w && w !== cssW) {
        theme = null; // styles may have arrived with the attach
        requestDraw();
      }
    });
    ro.observe(stage);
  }
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let themeLate;
  watchTheme(() => {
    theme = null;
    labelBand = -1;
    fitCache.clear();
    requestDraw();
    // Some themes finish loading their stylesheet after the attribute flips.
    clearTimeout(themeLate);
    themeLate = setTimeout(() => {
      theme = null;
      requestDraw();
    }, 250);
  }, signal);
  followHostScheme(root, () => { theme = null; requestDraw(); }, signal); // light/dark outside JupyterLab

  // ---- first frame ------------------------------------------------------------------------
  const startup = { view: performance.timeOrigin + tView, stateMs };
  /** @type {any} */ (root).__dendrowidget = { frameTimes, drawNow, startup }; // timing probe: benchmarks/browser.py
  drawNow();
  root.setAttribute("data-ready", "1"); // last: browser tests wait for it
  warmLayout();
  // Once the first frame is on screen, tell Python: it then sends a large heatmap's codes
  // (_detail.py; they came as block sums) and computes the rest of the tree's layout, neither of
  // which may hold that frame up. Once per view; the timer: a hidden page has no frames.
  let told = false;
  const tellDrawn = () => {
    if (told || signal.aborted || !send) return;
    told = true;
    send({ type: "drawn" });
  };
  requestAnimationFrame(() => setTimeout(tellDrawn, 0));
  setTimeout(tellDrawn, 1000);

  return () => {
    ac.abort();
    stopSync();
    cellValues.dispose();
    state.dispose();
    ro?.disconnect();
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
    clearTimeout(themeLate);
    root.remove();
  };
}
