// The tooltip of the heatmap and the strips: which cell is under the pointer (from the last
// frame's geometry and cells) and what it says (core/cell-text.js); an exact value asked of
// Python shows when it arrives, if the pointer is still on that cell.
import { cellTooltip } from "../core/cell-text.js";
import { bandAt } from "../core/data-layout.js";

/**
 * What the last frame drew of the data (null: nothing).
 * @typedef {{
 *   fr: import("../core/frame.js").Frame,
 *   geo: import("../core/data-layout.js").DataGeo,
 *   cells: import("../core/heatmap-cells.js").Cells,
 * } | null} DrawnData
 */

/**
 * @param {{
 *   state: import("../state/state.js").State,
 *   tooltip: ReturnType<typeof import("./tooltip.js").makeTooltip>,
 *   bounds: () => {w: number, h: number},
 *   drawn: () => DrawnData,
 *   values: import("../state/cell-values.js").CellValues,
 * }} deps
 */
export function makeCellTips({ state, tooltip, bounds, drawn, values }) {
  /** @type {{x: number, y: number} | null} */
  let last = null;

  /**
   * Show the tooltip of the cell at (x, y) CSS px; false when no cell is there.
   * @param {number} x @param {number} y
   */
  function at(x, y) {
    last = null;
    const d = drawn();
    const prep = state.data.prep;
    if (!d || !prep || d.cells.nb === 0) return false;
    const [a, b] = d.fr.ab(x, y);
    const band = bandAt(d.geo, b);
    if (!band) return false;
    const a0 = d.fr.leafPos(d.cells.p0), a1 = d.fr.leafPos(d.cells.p1);
    const p = d.fr.plot, lo = d.fr.vertical ? p.x : p.y;
    if (a < Math.max(a0, lo) || a >= Math.min(a1, lo + d.fr.leafLen)) return false;
    const cell = Math.min(d.cells.nb - 1, Math.floor(((a - a0) / (a1 - a0)) * d.cells.nb));
    const { head, lines } = cellTooltip(prep, d.cells, cell, band, state.L, state.labels, values.get);
    tooltip.show(head, lines, x, y, bounds());
    last = { x, y };
    return true;
  }

  return {
    at,
    /** An exact value arrived: say it, if the pointer is still on a cell. */
    refresh() {
      if (last && !tooltip.el.hidden) at(last.x, last.y);
    },
    forget() {
      last = null;
    },
  };
}
