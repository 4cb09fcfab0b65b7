// The traits the view shares with Python, as tables: synced keys (both ways) with their reader,
// writer and gesture policy, and inputs (Python -> view only) with what they reload. A new trait
// is one entry here plus the action that changes it (state.js).
import { int32 } from "../core/decode.js";
import { sameWindow, windowFromTrait } from "../core/zoom.js";

/** @typedef {import("../core/zoom.js").Window} Window */

/**
 * The anywidget model, as far as the view uses it.
 * @typedef {object} Model
 * @property {(key: string) => any} get
 * @property {(key: string, value: any) => void} set
 * @property {() => void} save_changes
 * @property {(event: string, cb: (...args: any[]) => void) => void} on
 * @property {(event?: string | null, cb?: ((...args: any[]) => void) | null) => void} off
 * @property {(content: any) => void} send  custom message to Python (expand a micro-cluster,
 *   ask for a cell's exact value)
 */

/**
 * What readers check trait values against.
 * @typedef {object} ReadCtx
 * @property {number} nNodes  valid node ids are 0..nNodes-1
 * @property {Window} full    the full view
 */

/**
 * One synced trait.
 * @typedef {object} SyncedKey
 * @property {(raw: unknown, ctx: ReadCtx) => any} read   trait -> view value; anything invalid
 *   reads as "none" (never throws: the value may come from any Python code)
 * @property {(value: any, ctx: ReadCtx) => unknown} write view value -> trait value
 * @property {(a: unknown, b: unknown) => boolean} same  equal values (trait or view form)
 * @property {"throttle" | "end"} live  while a gesture changes it: throttled writes, or one
 *   write at the gesture's end (a pan or zoom re-runs dependent cells once, not per frame)
 */

/** Writes of a value that is still changing (a cut drag): at most one per this many ms. */
export const THROTTLE_MS = 100;

/**
 * The cut: a finite number, or null for none.
 * @param {unknown} raw
 * @returns {number | null}
 */
export function readCut(raw) {
  return raw === null || raw === undefined || raw === "" || !Number.isFinite(Number(raw)) ? null : Number(raw);
}

/**
 * The selection: the valid node ids, in the given order.
 * @param {unknown} raw
 * @param {ReadCtx} ctx
 * @returns {number[]}
 */
export function readSelection(raw, ctx) {
  if (!Array.isArray(raw)) return [];
  return raw.map(Number).filter((x) => Number.isInteger(x) && x >= 0 && x < ctx.nNodes);
}

/**
 * Same list of ids, same order.
 * @param {unknown} a
 * @param {unknown} b
 */
export function sameIds(a, b) {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Cluster nodes of a per-branch partition: null (the cut line decides), or node ids from
 * `{nodes: int32 buffer}` (Python) or a plain list; invalid ids read as null.
 * @param {unknown} raw
 * @param {ReadCtx} ctx
 * @returns {Int32Array | null}
 */
export function readNodes(raw, ctx) {
  if (raw === null || typeof raw !== "object") return null;
  const src = /** @type {{nodes?: unknown}} */ (raw).nodes;
  if (src === null || typeof src !== "object") return null;
  const nodes = int32(/** @type {import("../core/decode.js").BufferLike} */ (src));
  for (const v of nodes) if (!(v >= 0 && v < ctx.nNodes)) return null;
  return nodes;
}

/**
 * Same node list (or both null).
 * @param {unknown} a
 * @param {unknown} b
 */
function sameNodes(a, b) {
  const la = nodeList(a), lb = nodeList(b);
  if (la === null || lb === null) return la === lb;
  return la.length === lb.length && la.every((x, i) => x === lb[i]);
}

/** @param {unknown} v @returns {number[] | null} */
function nodeList(v) {
  if (v === null || v === undefined) return null;
  if (ArrayBuffer.isView(v)) return Array.from(/** @type {Int32Array} */ (v));
  if (typeof v === "object" && "nodes" in v) {
    const src = /** @type {{nodes: unknown}} */ (v).nodes;
    if (src && typeof src === "object") return Array.from(int32(/** @type {any} */ (src)));
  }
  return null;
}

/** @type {Record<"cut_height" | "selection" | "view_window" | "_cluster_nodes" | "search" | "expanded_leaf", SyncedKey>} */
export const SYNCED = {
  cut_height: { read: readCut, write: (t) => t, same: (a, b) => a === b, live: "throttle" },
  selection: { read: readSelection, write: (s) => [...s], same: sameIds, live: "end" },
  view_window: {
    read: (raw, ctx) => windowFromTrait(raw, ctx.full),
    // [] is the full view: Python then shows no window at all.
    write: (w, ctx) => (sameWindow(w, ctx.full) ? [] : [...w]),
    same: (a, b) => (Array.isArray(a) && Array.isArray(b) ? sameWindow(a, b) : a === b),
    live: "end",
  },
  // int32 both ways: a per-branch cut can hold 100,000s of clusters.
  _cluster_nodes: {
    read: readNodes,
    write: (nodes) => (nodes === null ? null : { nodes: Int32Array.from(nodes) }),
    same: sameNodes,
    live: "end",
  },
  // The micro-cluster leaf whose rows the explorer shows (a double-click sets it).
  expanded_leaf: {
    read: (raw, ctx) => (Number.isInteger(raw) && /** @type {number} */ (raw) >= 0 && /** @type {number} */ (raw) < ctx.nNodes ? raw : null),
    write: (v) => v,
    same: (a, b) => a === b,
    live: "end",
  },
  // The search box's text as typed; written when typing pauses or on Enter (not per keystroke).
  search: { read: (raw) => (typeof raw === "string" ? raw : ""), write: (q) => q, same: (a, b) => a === b, live: "end" },
};

/** @typedef {keyof typeof SYNCED} SyncedName */

/**
 * Inputs from Python and what a change reloads: the tree (and with it everything read against
 * it), the labels, the tooltip columns, the drawing options, or the data beside the tree.
 * @type {Record<string, "tree" | "labels" | "tooltips" | "options" | "heatmap" | "suggestions">}
 */
export const INPUTS = {
  _suggestions: "suggestions",
  _tree: "tree",
  _labels: "labels",
  _tooltips: "tooltips",
  _expandable: "options",
  orientation: "options",
  height: "options",
  title: "options",
  axis_label: "options",
  leaf_label: "options",
  palette: "options",
  busy: "options",
  _heatmap: "heatmap",
  _annotations: "heatmap",
};

/** @typedef {"top" | "bottom" | "left" | "right"} Orientation */

/**
 * @typedef {object} Options
 * @property {Orientation} orientation
 * @property {number | null} height  canvas height, CSS px (null: fitted, see core/frame.js)
 * @property {string} title
 * @property {string} axisLabel
 * @property {string} leafLabel  leaf-axis title
 * @property {string[]} palette   cluster colours
 * @property {boolean} busy       Python is recomputing
 * @property {boolean} expandable leaves are micro-clusters Python can open (reduce=)
 */

const ORIENTATIONS = ["top", "bottom", "left", "right"];
/** Cluster colours when the model has none: the same list as Python's PALETTE (a test checks). */
export const PALETTE = [
  "#4B69A0", "#AA9100", "#AF4173", "#50730F", "#C378BE", "#6E9B73", "#A546FA", "#BE6E4B", "#00878C", "#826455",
];

/**
 * The drawing options, each invalid value read as its default.
 * @param {Model} model
 * @returns {Options}
 */
export function readOptions(model) {
  const o = model.get("orientation");
  const pal = model.get("palette");
  return {
    orientation: ORIENTATIONS.includes(o) ? o : "top",
    height: model.get("height") == null ? null : Math.max(120, Number(model.get("height")) || 420),
    title: String(model.get("title") ?? ""),
    axisLabel: String(model.get("axis_label") ?? ""),
    leafLabel: String(model.get("leaf_label") ?? ""),
    palette: Array.isArray(pal) && pal.length ? pal.map(String) : PALETTE,
    busy: Boolean(model.get("busy")),
    expandable: Boolean(model.get("_expandable")),
  };
}
