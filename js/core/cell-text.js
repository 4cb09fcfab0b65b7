// What the tooltip says about a heatmap or strip cell: one leaf's label, the column and its value
// (exact, from Python, once it has arrived; the quantised value marked "≈" until then; exact at
// once for whole-number columns), its z-score; or, for a cell holding many leaves, their mean or
// most common value. Text only: ui/tooltip.js puts it in as textContent.
import { valueOf } from "./heatmap-decode.js";
import { formatCount, formatNumber } from "./format.js";

/**
 * @typedef {import("./heatmap-cells.js").DataPrep} DataPrep
 * @typedef {import("./heatmap-cells.js").Cells} Cells
 * @typedef {import("./heatmap-decode.js").NumericColumn} NumericColumn
 * @typedef {{kind: "heatmap" | "strip", column: number}} Band
 * @typedef {{value: number, text: string}} Exact
 * @typedef {(kind: "heatmap" | "strip", column: number, leaf: number) => Exact | undefined} ExactLookup
 */

/** @param {number} z */
const signed = (z) => `${z >= 0 ? "+" : ""}${z.toFixed(2)}`;

/**
 * Is a column's decoded value exact (whole numbers travel as themselves; a constant column
 * has one value)?
 * @param {NumericColumn} col
 */
export function exactCodes(col) {
  return col.rawStep === 1 || col.rawStep === 0;
}

/**
 * @param {DataPrep} prep @param {Band} band
 * @returns {import("./span-stats.js").NumericSums | import("./span-stats.js").CategoryCounts}
 */
function statsOf(prep, band) {
  return band.kind === "heatmap" ? prep.heat[band.column] : prep.strips[band.column];
}

/**
 * Lines for one leaf's cell; `exact` is asked for a numeric value the codes only approximate.
 * @param {DataPrep} prep @param {Band} band @param {number} p  drawn position @param {number} leaf
 * @param {ExactLookup} exact
 * @returns {[string, string][]}
 */
function leafLines(prep, band, p, leaf, exact) {
  const st = statsOf(prep, band);
  const col = st.col;
  if (!col.codes) return laterLines(/** @type {NumericColumn} */ (col), exact(band.kind, band.column, leaf));
  const code = col.codes[p];
  if (col.kind === "categorical") return [[col.name, code === col.missing ? "missing" : col.categories[code]]];
  if (code === col.missing) return [[col.name, "missing"]];
  let v = valueOf(col, code), text;
  if (exactCodes(col)) text = formatNumber(v, 6);
  else {
    const got = exact(band.kind, band.column, leaf);
    if (got && got.value === got.value) {
      v = got.value;
      text = got.text || formatNumber(v, 6);
    } else text = `≈ ${formatNumber(v, 4)}`;
  }
  /** @type {[string, string][]} */
  const lines = [[col.name, text]];
  if (col.std > 0) lines.push(["z-score", signed((v - col.mean) / col.std)]);
  return lines;
}

/**
 * Lines for a cell whose codes have not come yet: Python's exact value once it has arrived.
 * @param {NumericColumn} col @param {Exact | undefined} got
 * @returns {[string, string][]}
 */
function laterLines(col, got) {
  if (!got) return [[col.name, "…"]];
  if (got.value !== got.value) return [[col.name, got.text || "missing"]];
  /** @type {[string, string][]} */
  const lines = [[col.name, got.text || formatNumber(got.value, 6)]];
  if (col.std > 0) lines.push(["z-score", signed((got.value - col.mean) / col.std)]);
  return lines;
}

/**
 * The tooltip of cell b of `band` (a leaf, or the leaves under one pixel).
 * @param {DataPrep} prep @param {Cells} cells @param {number} b @param {Band} band
 * @param {{order: ArrayLike<number>}} L
 * @param {{get: (row: number) => string}} labels
 * @param {ExactLookup} exact
 * @returns {{head: string, lines: [string, string][], leaf: number}}  leaf: -1 for a group
 */
export function cellTooltip(prep, cells, b, band, L, labels, exact) {
  const lo = cells.buckets.lo[b], hi = cells.buckets.hi[b];
  if (hi - lo === 1) {
    const leaf = L.order[lo];
    return { head: labels.get(leaf), lines: [...leafLines(prep, band, lo, leaf, exact), ["row", String(leaf)]], leaf };
  }
  const head = `${formatCount(hi - lo)} leaves`;
  const st = statsOf(prep, band);
  if (band.kind === "strip" && "code" in cells.strips[band.column]) {
    const m = /** @type {{code: Int32Array, share: Float64Array}} */ (cells.strips[band.column]);
    const cats = /** @type {import("./heatmap-decode.js").CategoricalColumn} */ (st.col).categories;
    const what = m.code[b] < 0 ? "missing" : `${cats[m.code[b]]} (${Math.round(100 * m.share[b])}%)`;
    return { head, lines: [[st.col.name, what]], leaf: -1 };
  }
  const col = /** @type {NumericColumn} */ (st.col);
  const mean = band.kind === "heatmap"
    ? cells.heat[band.column][b]
    : /** @type {{mean: Float64Array}} */ (cells.strips[band.column]).mean[b];
  if (mean !== mean) return { head, lines: [[col.name, "missing"]], leaf: -1 };
  /** @type {[string, string][]} */
  // From block sums (the codes still to come) a group's mean blends its end blocks': "≈".
  const lines = [[col.name, `${col.codes ? "mean" : "≈ mean"} ${formatNumber(mean, 4)}`]];
  if (col.std > 0) lines.push(["z-score of mean", signed((mean - col.mean) / col.std)]);
  return { head, lines, leaf: -1 };
}
