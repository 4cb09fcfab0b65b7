// The view's state and its only owner. Synced values (cut, selection, view window, search) and
// local ones (hover, drag, brush, search matches, caches) change through the actions below;
// pointer, keys, search box, toolbar and model sync call them and never assign fields. Every
// change is announced through `onChange(what)`; writes to Python go through the one rule in
// writer.js.
import { clusterNode, coverNodes, coverRange } from "../core/cover.js";
import { alterAt, clustersAtCut, clustersOfNodes, nodesAtCut } from "../core/clusters.js";
import { cutSteps, stepCut as nextCut } from "../core/cut.js";
import { decodeTree, makeLabels } from "../core/decode.js";
import { visibleLeaves } from "../core/fit.js";
import { computeLayout } from "../core/layout.js";
import * as zoom from "../core/zoom.js";
import { readSuggestions } from "../core/strip.js";
import { createDataPart } from "./data.js";
import { MATCH_SPAN, makeSearch } from "./search.js";
import { SYNCED, readOptions } from "./synced.js";
import { windowPolicy } from "./window.js";
import { makeWriter } from "./writer.js";

/** @typedef {import("../core/zoom.js").Window} Window */
/** @typedef {import("./synced.js").SyncedName} SyncedName */
/** @typedef {{final?: boolean}} WriteOpts  final: exact write now (default); else a gesture step */
/** @typedef {SyncedName | "tree" | "labels" | "tooltips" | "options" | "suggestions" | "hover" | "cutHot" | "drag" | "brush" | "search" | "heatmap" | "compare"} Change */
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
  /** @type {import("../core/strip.js").Suggestions | null} */
  let suggestions = null;
  /** @type {Window} */
  let full = zoom.fullWindow(0, 0);

  // ---- synced with Python, by trait name (view form) ----------------------------------------
  /** @type {{cut_height: number | null, selection: number[], view_window: Window, search: string, _cluster_nodes: Int32Array | null, expanded_leaf: number | null}} */
  const synced = { cut_height: null, selection: [], view_window: full, search: "", _cluster_nodes: null, expanded_leaf: null };

  // ---- this view's own ------------------------------------------------------------------------
  let hover = -1;
  let cutHot = false;
  /** @type {"cut" | "pan" | "brush" | null} */
  let drag = null;
  /** @type {[number, number] | null} */
  let brush = null; // leaf-axis band being brushed, leaf units
  const found = makeSearch();
  const windows = windowPolicy({ layout: () => L, full: () => full, now: () => synced.view_window });
  /** @type {Float64Array | null} */
  let steps = null;
  /** @type {{t: number | null, nodes: Int32Array | null, c: import("../core/clusters.js").Clusters} | null} */
  let clustersCache = null;

  // The heatmap, the strips and the compare mode (state/data.js).
  const data = createDataPart(model, onChange);

  const ctx = () => ({ nNodes: L.count.length, full });
  const writer = makeWriter(model, (key) => SYNCED[key].write(synced[key], ctx()));

  /** Consequences of a synced value changing, whoever changed it. @param {SyncedName} key */
  function changedSynced(key) {
    if (key === "view_window") hover = -1; // what was under the pointer has moved
    if (key === "search") runSearch(false);
    onChange(key);
  }

  /**
   * The one way the view changes a synced value: keep it, announce it, write it by the rule.
   * @param {SyncedName} key
   * @param {any} value
   * @param {WriteOpts} [o]
   */
  function set(key, value, o = {}) {
    setAll([[key, value]], o);
  }

  /**
   * Several synced values as one logical change (one save_changes).
   * @param {[SyncedName, any][]} entries
   * @param {WriteOpts} [o]
   */
  function setAll(entries, o = {}) {
    for (const [key, value] of entries) {
      if (!SYNCED[key].same(value, synced[key])) {
        /** @type {Record<SyncedName, any>} */ (synced)[key] = value;
        changedSynced(key);
      }
    }
    writer.changed(entries.map(([key]) => key), o.final ?? true);
  }

  /** Read every synced value from the model, as it is now. */
  function readSynced() {
    for (const key of /** @type {SyncedName[]} */ (Object.keys(SYNCED))) {
      /** @type {Record<SyncedName, any>} */ (synced)[key] = SYNCED[key].read(model.get(key), ctx());
    }
  }

  /** Search the synced query again; `fresh`: the labels or the tree changed. @param {boolean} fresh */
  function runSearch(fresh) {
    found.run(synced.search, () => labels.lowerAll(), () => L.order, fresh);
  }


  const loaders = {
    tree() {
      L = computeLayout(decodeTree(model.get("_tree") ?? {}));
      full = zoom.fullWindow(L.n, L.top);
      steps = null;
      clustersCache = null;
      hover = -1;
      brush = null;
      windows.forget();
      readSynced(); // node ids and windows are read against the new tree
      loaders.labels();
      loaders.tooltips();
      loaders.suggestions();
      data.load(L.n);
    },
    suggestions() {
      suggestions = readSuggestions(model.get("_suggestions"));
    },
    labels() {
      labels = makeLabels(model.get("_labels"), L.n);
      runSearch(true);
    },
    tooltips() {
      tips = model.get("_tooltips") ?? {};
    },
    options() {
      opts = readOptions(model);
    },
    heatmap() {
      data.load(L.n, false);
    },
  };
  loaders.tree();

  /**
   * A cut line at t; it replaces a per-branch partition (one write of both).
   * @param {number | null} t
   * @param {WriteOpts} [o]
   */
  function setCut(t, o) {
    if (synced._cluster_nodes !== null && t !== null) setAll([["_cluster_nodes", null], ["cut_height", t]], o);
    else set("cut_height", t, o);
  }

  /** The clusters shown: cluster nodes when Python gave them, else the cut line's (cached). */
  function clusters() {
    const t = synced.cut_height, nodes = synced._cluster_nodes;
    if (!clustersCache || clustersCache.t !== t || clustersCache.nodes !== nodes) {
      const c = (nodes && clustersOfNodes(L, nodes)) || clustersAtCut(L, nodes ? null : t);
      clustersCache = { t, nodes, c };
    }
    return clustersCache.c;
  }

  /** Cluster id of every drawn position (-1: outlier). */
  const ids = () => clusters().ids;

  /** Show node's subtree (a leaf alone is no view: its pair). @param {number} node */
  function zoomTo(node) {
    const v = node < L.n && L.parent[node] >= 0 ? L.parent[node] : node;
    set("view_window", windows.subtree(v));
  }

  /** The label search: `q` as typed; a gesture step (typing) is written when it ends. @param {string} q @param {WriteOpts} [o] */
  function search(q, o) {
    set("search", q, o);
  }

  return {
    // ---- reading ------------------------------------------------------------------------------
    get L() { return L; },
    get labels() { return labels; },
    get tips() { return tips; },
    get suggestions() { return suggestions; },
    get opts() { return opts; },
    get full() { return full; },
    get cut() { return synced.cut_height; },
    get selection() { return synced.selection; },
    get win() { return synced.view_window; },
    get hover() { return hover; },
    get cutHot() { return cutHot; },
    get drag() { return drag; },
    get brush() { return brush; },
    get query() { return found.query; },
    /** the search as typed (the synced trait) */
    get searchText() { return synced.search; },
    get matches() { return found.matches; },
    /** drawn position of the match Enter went to, -1 for none */
    get currentMatch() { return found.index >= 0 && found.matches ? found.matches[found.index] : -1; },
    /** 1-based number of that match, 0 for none */
    get matchNumber() { return found.index + 1; },
    get data() { return data; },
    clusters,
    ids,
    nClusters: () => clusters().k,
    /** A partition is shown (the band of cluster colours is drawn): a cut or cluster nodes. */
    hasPartition: () => synced.cut_height !== null || clusters().nodes !== null,
    isFull: () => zoom.sameWindow(synced.view_window, full),

    // ---- the cut ------------------------------------------------------------------------------
    setCut,
    /** One merge step up (+1: fewer clusters) or down (-1). @param {1 | -1} dir */
    stepCut(dir) {
      if (!steps) steps = cutSteps(L.gapHeight);
      setCut(nextCut(steps, synced.cut_height, dir));
    },
    /**
     * Alt-click on node v: split the cluster it heads, merge the clusters under it, or make it
     * a cluster (see core/clusters.js alterAt). One write of the new cluster nodes.
     * @param {number} v
     */
    alterClusters(v) {
      const c = clusters();
      const next = alterAt(L, c.nodes ?? nodesAtCut(L, c.cut), v);
      if (next) setAll([["cut_height", null], ["_cluster_nodes", Int32Array.from(next)]]);
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
    /**
     * Zoom along one axis. Along the leaves the height axis is fitted to the visible leaves
     * (unless set by hand); zooming the height axis sets it by hand.
     * @param {"leaf" | "height"} axis @param {number} f  fixed point, 0..1 along the axis @param {number} factor  < 1 zooms in @param {WriteOpts} [o]
     */
    zoomAt: (axis, f, factor, o) => set("view_window", windows.zoomAt(axis, f, factor), o),
    /** Move the window; moving the heights (dy != 0) sets them by hand. @param {number} dx  leaf units @param {number} dy  height units @param {WriteOpts} [o] */
    panBy: (dx, dy, o) => set("view_window", windows.pan(synced.view_window, dx, dy), o),
    /** A drag's pan, relative to the window at its start. @param {Window} from @param {number} dx @param {number} dy @param {WriteOpts} [o] */
    panFrom: (from, dx, dy, o) => set("view_window", windows.pan(from, dx, dy), o),
    resetZoom: () => set("view_window", windows.whole()),
    zoomTo,
    /** Double-click: a micro-cluster leaf opens its rows (Python's explorer); any other node is zoomed to. @param {number} node */
    openNode(node) {
      // A synced trait, not a message: marimo re-runs cells that read it, and Python opens the
      // leaf in its explorer without building a widget in a message handler.
      if (node < L.n && opts.expandable) set("expanded_leaf", node);
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
    /** @param {"cut" | "pan" | "brush" | null} kind  the drag in progress */
    setDrag(kind) {
      if (kind !== drag) {
        drag = kind;
        onChange("drag");
      }
    },

    // ---- brushing and selecting groups of leaves ----------------------------------------------------
    /** @param {[number, number] | null} band  leaf units, while shift-dragging */
    setBrush(band) {
      brush = band;
      onChange("brush");
    },
    /** Select the leaves whose centre is in [u0, u1] (leaf units), as their covering subtrees. @param {number} u0 @param {number} u1 */
    selectBand(u0, u1) {
      const [lo, hi] = visibleLeaves(L.n, Math.min(u0, u1), Math.max(u0, u1));
      set("selection", coverRange(L, lo, hi));
    },
    /** Select the cluster at drawn position p (its subtree); outliers select nothing. @param {number} p */
    selectCluster(p) {
      const v = clusterNode(L, ids(), p);
      if (v >= 0) set("selection", [v]);
    },

    // ---- search --------------------------------------------------------------------------------
    search,
    clearSearch: () => search(""),
    /** Go to the next (+1) or previous (-1) match: it is centred, readable, and the count says which. @param {1 | -1} dir */
    stepMatch(dir) {
      const p = found.step(dir);
      if (p < 0) return;
      set("view_window", windows.around(p, MATCH_SPAN));
      onChange("search");
    },
    /** Make the matches the selection, as their covering subtrees. */
    selectMatches() {
      const m = found.matches;
      if (m && m.length) set("selection", coverNodes(L, m));
    },

    // ---- from Python ---------------------------------------------------------------------------
    /** Take a synced value from the model: no write back; a gesture's key keeps its own. @param {SyncedName} key */
    adopt(key) {
      if (writer.isLive(key)) return;
      const v = SYNCED[key].read(model.get(key), ctx());
      if (!SYNCED[key].same(v, synced[key])) {
        /** @type {Record<SyncedName, any>} */ (synced)[key] = v;
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
