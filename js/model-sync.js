// Changes coming from Python: each synced trait's change listener, and the readers that turn
// trait values into the view's state (invalid values read as "none", never throw).
import { sameWindow, windowFromTrait } from "./core/zoom.js";

/** @typedef {import("./core/zoom.js").Window} Window */
/** @typedef {import("./view.js").Model} Model */

/**
 * The cut from the model; null for none or anything that is not a finite number.
 * @param {Model} model
 * @returns {number | null}
 */
export function readCut(model) {
  const v = model.get("cut_height");
  return v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v);
}

/**
 * The selection from the model, keeping only valid node ids.
 * @param {Model} model
 * @param {number} m  number of nodes
 * @returns {number[]}
 */
export function readSelection(model, m) {
  const v = model.get("selection");
  return Array.isArray(v) ? v.map(Number).filter((x) => Number.isInteger(x) && x >= 0 && x < m) : [];
}

/**
 * What the trait listeners need from the view.
 * @typedef {object} SyncHost
 * @property {import("./ui/pointer.js").Drag} drag  a drag in progress owns its trait until release
 * @property {number | null} cut
 * @property {number[]} selection
 * @property {number} nNodes
 * @property {Window} win
 * @property {Window} full
 * @property {(w: Window) => void} adoptWindow  take a window from Python (no write back)
 * @property {() => void} loadTree
 * @property {() => void} loadLabels
 * @property {() => void} reloadTooltips
 * @property {() => void} remeasure  the label band depends on size and orientation
 * @property {() => void} requestDraw
 */

/**
 * Listen to the model's trait changes; returns the function that stops listening.
 * @param {Model} model
 * @param {SyncHost} v
 * @returns {() => void}
 */
export function listenModel(model, v) {
  /** @type {[string, () => void][]} */
  const handlers = [
    ["change:cut_height", () => {
      if (v.drag?.kind === "cut") return; // the drag owns the cut until release
      const t = readCut(model);
      if (t !== v.cut) {
        v.cut = t;
        v.requestDraw();
      }
    }],
    ["change:selection", () => {
      const s = readSelection(model, v.nNodes);
      if (s.join(",") !== v.selection.join(",")) {
        v.selection = s;
        v.requestDraw();
      }
    }],
    ["change:view_window", () => {
      if (v.drag?.kind === "pan") return;
      const w = windowFromTrait(model.get("view_window"), v.full);
      if (!sameWindow(w, v.win)) v.adoptWindow(w);
    }],
    ["change:_tree", () => {
      v.loadTree();
      v.requestDraw();
    }],
    ["change:_labels", () => {
      v.loadLabels();
      v.requestDraw();
    }],
    ["change:_tooltips", () => v.reloadTooltips()],
    ["change:orientation", () => {
      v.remeasure();
      v.requestDraw();
    }],
    ["change:height", () => {
      v.remeasure();
      v.requestDraw();
    }],
    ["change:title", v.requestDraw],
    ["change:axis_label", v.requestDraw],
    ["change:palette", v.requestDraw],
    ["change:busy", v.requestDraw],
  ];
  for (const [event, cb] of handlers) model.on(event, cb);
  return () => {
    for (const [event, cb] of handlers) model.off(event, cb);
  };
}
