// The traits the view shares with Python, as tables: synced keys (both ways) with their reader,
// writer and gesture policy, and inputs (Python -> view only) with what they reload. A new trait
// is one entry here plus the action that changes it (state.js).
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

/** @type {Record<"cut_height" | "selection" | "view_window", SyncedKey>} */
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
};

/** @typedef {keyof typeof SYNCED} SyncedName */

/**
 * Inputs from Python and what a change reloads: the tree (and with it everything read against
 * it), the labels, the tooltip columns, the drawing options, or the data beside the tree.
 * @type {Record<string, "tree" | "labels" | "tooltips" | "options" | "heatmap">}
 */
export const INPUTS = {
  _tree: "tree",
  _labels: "labels",
  _tooltips: "tooltips",
  _expandable: "options",
  orientation: "options",
  height: "options",
  title: "options",
  axis_label: "options",
  palette: "options",
  busy: "options",
  _heatmap: "heatmap",
  _annotations: "heatmap",
};

/** @typedef {"top" | "bottom" | "left" | "right"} Orientation */

/**
 * @typedef {object} Options
 * @property {Orientation} orientation
 * @property {number} height      canvas height, CSS px
 * @property {string} title
 * @property {string} axisLabel
 * @property {string[]} palette   cluster colours
 * @property {boolean} busy       Python is recomputing
 * @property {boolean} expandable leaves are micro-clusters Python can open (reduce=)
 */

const ORIENTATIONS = ["top", "bottom", "left", "right"];
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"];

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
    height: Math.max(120, Number(model.get("height")) || 420),
    title: String(model.get("title") ?? ""),
    axisLabel: String(model.get("axis_label") ?? ""),
    palette: Array.isArray(pal) && pal.length ? pal.map(String) : PALETTE,
    busy: Boolean(model.get("busy")),
    expandable: Boolean(model.get("_expandable")),
  };
}
