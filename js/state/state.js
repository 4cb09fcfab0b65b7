// The view's state and its only owner. Synced values (cut, selection, view window) and local ones
// (hover, drag, search, caches) change through the actions below; pointer, keys, search box,
// toolbar and model sync call them and never assign fields. Every change is announced through
// `onChange(what)`; writes to Python go through the one rule in writer.js.
import { cutSteps, drawnIds, stepCut as nextCut } from "../core/cut.js";
import { decodeTree, makeLabels } from "../core/decode.js";
import { computeLayout } from "../core/layout.js";
import { findMatches, narrows } from "../core/search.js";
import * as zoom from "../core/zoom.js";
import { createDataPart } from "./data.js";
import { SYNCED, readOptions } from "./synced.js";
import { makeWriter } from "./writer.js";

/** @typedef {import("../core/zoom.js").Window} Window */
/** @typedef {import("./synced.js").SyncedName} SyncedName */
/** @typedef {{final?: boolean}} WriteOpts  final: exact write now (default); else a gesture step */
/** @typedef {SyncedName | "tree" | "labels" | "tooltips" | "options" | "hover" | "cutHot" | "drag" | "search" | "heatmap" | "compare"} Change */
/** @typedef {ReturnType<typeof createState>} State */

/**
 * @param {import("./synced.js").Model} model
 * @param {(what: Change) => void} onChange
 */
export function createState(model, onChange) {
  // ---- inputs from Python -------------------------------------------------------------------
  /** @type {import("../core/layout.js").Layout} */
  let L;
  /** @type {import("../core/decode.js").Labels} */
  let labels;
  /** @type {{columns?: string[], values?: string[][]}} */
  let tips = {};
  let opts = readOptions(model);
  /** @type {Window} */
  let full = zoom.fullWindow(0, 0);

  // ---- synced with Python, by trait name (view form) ----------------------------------------
  /** @type {{cut_height: number | null, selection: number[], view_window: Window}} */
  const synced = { cut_height: null, selection: [], view_window: full };

  // ---- this view's own ------------------------------------------------------------------------
  let hover = -1;
  let cutHot = false;
  /** @type {"cut" | "pan" | null} */
  let drag = null;
  let query = "";
  /** @type {Int32Array | null} */
  let matches = null;
  /** @type {Float64Array | null} */
  let steps = null;
  /** @type {{t: number | null, ids: Int32Array} | null} */
  let idsCache = null;

  // The heatmap, the strips and the compare mode (state/data.js).
  const data = createDataPart(model, onChange);

  const ctx = () => ({ nNodes: L.count.length, full });
  const writer = makeWriter(model, (key) => SYNCED[key].write(synced[key], ctx()));

  /** Consequences of a synced value changing, whoever changed it. @param {SyncedName} key */
  function changedSynced(key) {
    if (key === "view_window") hover = -1; // what was under the pointer has moved
    onChange(key);
  }

  /**
   * The one way the view changes a synced value: keep it, announce it, write it by the rule.
   * @param {SyncedName} key
   * @param {any} value
   * @param {WriteOpts} [o]
   */
  function set(key, value, o = {}) {
    if (!SYNCED[key].same(value, synced[key])) {
      synced[key] = value;
      changedSynced(key);
    }
    writer.changed([key], o.final ?? true);
  }

  /** Read every synced value from the model, as it is now. */
  function readSynced() {
    for (const key of /** @type {SyncedName[]} */ (Object.keys(SYNCED))) {
      synced[key] = SYNCED[key].read(model.get(key), ctx());
    }
  }

  /** Run the search for `needle` again; `fresh`: the labels changed. @param {string} needle @param {boolean} fresh */
  function runSearch(needle, fresh) {
    const within = !fresh && matches && narrows(query, needle) ? matches : null;
    matches = needle ? findMatches(labels.lowerAll(), L.order, needle, within) : null;
    query = needle;
  }

  const loaders = {
    tree() {
      L = computeLayout(decodeTree(model.get("_tree") ?? {}));
      full = zoom.fullWindow(L.n, L.top);
      steps = null;
      idsCache = null;
      hover = -1;
      readSynced(); // node ids and windows are read against the new tree
      loaders.labels();
      loaders.tooltips();
      loaders.heatmap();
    },
    labels() {
      labels = makeLabels(model.get("_labels"), L.n);
      if (query) runSearch(query, true);
    },
    tooltips() {
      tips = model.get("_tooltips") ?? {};
    },
    options() {
      opts = readOptions(model);
    },
    heatmap() {
      data.load(L.n);
    },
  };
  loaders.tree();

  /** Cluster id of every drawn position at the cut (computed once per cut). */
  function ids() {
    const t = synced.cut_height;
    if (!idsCache || idsCache.t !== t) idsCache = { t, ids: drawnIds(L.gapHeight, t) };
    return idsCache.ids;
  }

  /** Show node's subtree (a leaf alone is no view: its pair). @param {number} node */
  function zoomTo(node) {
    const v = node < L.n && L.parent[node] >= 0 ? L.parent[node] : node;
    set("view_window", zoom.subtreeWindow(L, v));
  }

  /** Match labels containing `q` (case-insensitive). @param {string} q */
  function search(q) {
    runSearch(q.trim().toLowerCase(), false);
    onChange("search");
  }

  return {
    // ---- reading ------------------------------------------------------------------------------
    get L() { return L; },
    get labels() { return labels; },
    get tips() { return tips; },
    get opts() { return opts; },
    get full() { return full; },
    get cut() { return synced.cut_height; },
    get selection() { return synced.selection; },
    get win() { return synced.view_window; },
    get hover() { return hover; },
    get cutHot() { return cutHot; },
    get drag() { return drag; },
    get query() { return query; },
    get matches() { return matches; },
    get data() { return data; },
    ids,
    nClusters: () => (L.n > 0 ? ids()[L.n - 1] : 0),
    isFull: () => zoom.sameWindow(synced.view_window, full),

    // ---- the cut ------------------------------------------------------------------------------
    /** @param {number | null} t @param {WriteOpts} [o] */
    setCut: (t, o) => set("cut_height", t, o),
    /** One merge step up (+1: fewer clusters) or down (-1). @param {1 | -1} dir */
    stepCut(dir) {
      if (!steps) steps = cutSteps(L.gapHeight);
      set("cut_height", nextCut(steps, synced.cut_height, dir));
    },

    // ---- the selection -------------------------------------------------------------------------
    /** @param {number[]} nodes @param {WriteOpts} [o] */
    select: (nodes, o) => set("selection", [...nodes], o),
    /** Add node to the selection, or take it out. @param {number} node */
    toggle(node) {
      const sel = synced.selection;
      set("selection", sel.includes(node) ? sel.filter((u) => u !== node) : [...sel, node]);
    },
    clearSelection: () => set("selection", []),

    // ---- the view window -----------------------------------------------------------------------
    /** @param {Window} w @param {WriteOpts} [o] */
    setWindow: (w, o) => set("view_window", w, o),
    /** @param {"leaf" | "height"} axis @param {number} f  fixed point, 0..1 along the axis @param {number} factor  < 1 zooms in @param {WriteOpts} [o] */
    zoomAt: (axis, f, factor, o) => set("view_window", zoom.zoomAt(synced.view_window, full, axis, f, factor), o),
    /** @param {number} dx  leaf units @param {number} dy  height units @param {WriteOpts} [o] */
    panBy: (dx, dy, o) => set("view_window", zoom.pan(synced.view_window, full, dx, dy), o),
    resetZoom: () => set("view_window", full),
    zoomTo,
    /** Show every search match. */
    zoomToMatches() {
      const m = matches;
      if (m && m.length) set("view_window", zoom.spanWindow(full, m[0], m[m.length - 1], Math.min(L.n, 30)));
    },
    /** Double-click: a micro-cluster leaf asks Python for its rows; any other node is zoomed to. @param {number} node */
    openNode(node) {
      if (node < L.n && opts.expandable) model.send({ type: "expand", leaf: node });
      else zoomTo(node);
    },

    // ---- pointer feedback ----------------------------------------------------------------------
    /** @param {number} v  node under the pointer, -1 for none */
    setHover(v) {
      if (v !== hover) {
        hover = v;
        onChange("hover");
      }
    },
    /** @param {boolean} hot  the pointer is over the cut line */
    setCutHot(hot) {
      if (hot !== cutHot) {
        cutHot = hot;
        onChange("cutHot");
      }
    },
    /** @param {"cut" | "pan" | null} kind  the drag in progress */
    setDrag(kind) {
      if (kind !== drag) {
        drag = kind;
        onChange("drag");
      }
    },

    // ---- search --------------------------------------------------------------------------------
    search,
    clearSearch: () => search(""),

    // ---- from Python ---------------------------------------------------------------------------
    /** Take a synced value from the model: no write back; a gesture's key keeps its own. @param {SyncedName} key */
    adopt(key) {
      if (writer.isLive(key)) return;
      const v = SYNCED[key].read(model.get(key), ctx());
      if (!SYNCED[key].same(v, synced[key])) {
        synced[key] = v;
        changedSynced(key);
      }
    },
    /** An input changed in the model. @param {keyof typeof loaders} what */
    reload(what) {
      loaders[what]();
      onChange(what);
    },
    dispose: () => writer.dispose(),
  };
}
