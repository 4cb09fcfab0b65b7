// The data beside the tree, as part of the view's state: the heatmap and strip payloads decoded
// with their sums (once per payload), the drawing options that came with them (split, the column
// tree), and the compare mode: the selection compared with another subtree the user points at.
// state.js owns it; input calls its actions through the state.
import { prepareData } from "../core/heatmap-cells.js";
import { decodeAnnotations, decodeHeatmap } from "../core/heatmap-decode.js";
import { computeLayout } from "../core/layout.js";

/** @typedef {import("../core/heatmap-cells.js").DataPrep} DataPrep */
/** @typedef {import("../core/layout.js").Layout} Layout */

/**
 * The column tree of the payload, checked: n leaves, n - 1 merges of earlier nodes.
 * @param {any} raw @param {number} n
 * @returns {Layout | null}
 */
export function columnTree(raw, n) {
  if (!raw || Number(raw.n) !== n || n < 2) return null;
  const left = Int32Array.from(raw.left ?? []), right = Int32Array.from(raw.right ?? []);
  const height = Float64Array.from(raw.height ?? []);
  if (left.length !== n - 1 || right.length !== n - 1 || height.length !== n - 1) return null;
  for (let i = 0; i < n - 1; i++) {
    if (!(left[i] >= 0 && left[i] < n + i && right[i] >= 0 && right[i] < n + i && left[i] !== right[i])) return null;
    if (!Number.isFinite(height[i])) return null;
  }
  return computeLayout({ n, left, right, height });
}

/**
 * @param {import("./synced.js").Model} model
 * @param {(what: "heatmap" | "compare") => void} onChange
 */
export function createDataPart(model, onChange) {
  /** @type {DataPrep | null} */
  let prep = null;
  let split = false;
  /** @type {Layout | null} */
  let colTree = null;
  let comparing = false;
  /** @type {number[]} */
  let target = [];

  /**
   * Read both payloads for a tree of n leaves; a payload that does not fit is left out. A new
   * tree ends compare mode; the codes following a large heatmap's block sums keep it.
   * @param {number} n @param {boolean} [newTree]
   */
  function load(n, newTree = true) {
    const heatRaw = model.get("_heatmap") ?? {}, annRaw = model.get("_annotations") ?? {};
    prep = null;
    colTree = null;
    try {
      const heat = decodeHeatmap(heatRaw);
      const ann = decodeAnnotations(annRaw);
      const rows = heat ? heat.n : ann.n;
      if ((heat || ann.columns.length > 0) && rows === n && (!heat || ann.columns.length === 0 || ann.n === n)) {
        prep = prepareData(heat, ann);
        colTree = heat ? columnTree(heatRaw.column_tree, heat.columns.length) : null;
      }
    } catch (err) {
      // A payload the view cannot read must not take the tree down with it.
      console.error("dendrowidget: the heatmap payload could not be read", err);
    }
    split = Boolean(heatRaw.split || annRaw.split);
    if (newTree) {
      comparing = false;
      target = [];
    }
  }

  return {
    get prep() { return prep; },
    get split() { return split; },
    get colTree() { return colTree; },
    /** Compare mode: the selection against what the user points at (or `target`). */
    get comparing() { return comparing; },
    get target() { return target; },
    load,
    /** @param {boolean} on */
    setCompare(on) {
      if (on === comparing && (on || target.length === 0)) return;
      comparing = on;
      if (!on) target = [];
      onChange("compare");
    },
    /** Compare with these nodes (shift-click adds or removes one). @param {number} node @param {boolean} add */
    compareWith(node, add) {
      if (add) target = target.includes(node) ? target.filter((u) => u !== node) : [...target, node];
      else target = [node];
      comparing = true;
      onChange("compare");
    },
  };
}

/** @typedef {ReturnType<typeof createDataPart>} DataPart */
