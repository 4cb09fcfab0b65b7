// What the heatmap and the strips show for one view window: the window's rows split into cells
// along the leaf axis (one cell per leaf when leaves are at least a pixel wide, else one per
// pixel: the mean, or the most common value, of the rows under it), and each cell's colour.
// Pure: the drawing (draw/heatmap.js) turns the colours into pixels.
import { bucketMeans, bucketModes, bucketSpans } from "./buckets.js";
import { categoryRgb, lutFor, lutIndex, missingRgb, over } from "./colormap.js";
import { toScale } from "./heatmap-decode.js";
import { categoryCounts, numericSums } from "./span-stats.js";

/**
 * @typedef {import("./heatmap-decode.js").Heatmap} Heatmap
 * @typedef {import("./heatmap-decode.js").NumericColumn} NumericColumn
 * @typedef {import("./heatmap-decode.js").CategoricalColumn} CategoricalColumn
 * @typedef {import("./span-stats.js").NumericSums} NumericSums
 * @typedef {import("./span-stats.js").CategoryCounts} CategoryCounts
 * @typedef {import("./buckets.js").Buckets} Buckets
 * @typedef {import("./colormap.js").RGB} RGB
 */

/**
 * The payloads with their sums, prepared once per payload (O(rows x columns)).
 * @typedef {object} DataPrep
 * @property {number} n
 * @property {Heatmap | null} heatmap
 * @property {NumericSums[]} heat       one per heatmap column
 * @property {(NumericSums | CategoryCounts)[]} strips  one per strip, in order
 * @property {boolean} missing          some cell of the heatmap or a strip has no value
 * @property {boolean} later            the heatmap has block sums only so far (its codes follow)
 * @property {import("./explain.js").ExplainData} explain  the same sums, as explain reads them
 */

/**
 * @param {Heatmap | null} heatmap
 * @param {{n: number, columns: (NumericColumn | CategoricalColumn)[]}} annotations
 * @returns {DataPrep}
 */
export function prepareData(heatmap, annotations) {
  const heat = (heatmap?.columns ?? []).map((c) => numericSums(c, heatmap?.n));
  const strips = annotations.columns.map((c) => (c.kind === "categorical" ? categoryCounts(c) : numericSums(c)));
  const n = heatmap?.n ?? annotations.n;
  let missing = heat.some((s) => s.total.count < n);
  // Explain reads each column once: a numeric strip repeating a heatmap column is left out.
  const seen = new Set(heat.map((s) => s.col.name));
  /** @type {NumericSums[]} */
  const numeric = [...heat];
  /** @type {CategoryCounts[]} */
  const categorical = [];
  for (const s of strips) {
    if ("k" in s) {
      categorical.push(s);
      missing ||= s.total.reduce((a, b) => a + b, 0) < n;
    } else {
      missing ||= s.total.count < n;
      if (!seen.has(s.col.name)) { seen.add(s.col.name); numeric.push(s); }
    }
  }
  return { n, heatmap, heat, strips, missing, later: Boolean(heatmap?.later), explain: { n, numeric, categorical } };
}

/**
 * Where the cells of a window lie: whole leaves [p0, p1) one per cell when they are at least a
 * pixel wide, else `px` cells over the window's exact span [x0, x1).
 * @param {number} n
 * @param {number} x0  window start, leaf units
 * @param {number} x1
 * @param {number} px  pixels along the leaf axis
 * @returns {{p0: number, p1: number, nb: number, perLeaf: boolean}}
 */
export function cellWindow(n, x0, x1, px) {
  const a = Math.max(0, Math.floor(x0)), b = Math.min(n, Math.ceil(x1));
  if (b - a <= Math.max(1, Math.floor(px))) return { p0: a, p1: b, nb: Math.max(0, b - a), perLeaf: true };
  return { p0: x0, p1: x1, nb: Math.max(1, Math.round(px)), perLeaf: false };
}

/**
 * @typedef {object} Cells
 * @property {number} p0
 * @property {number} p1
 * @property {number} nb            cells along the leaf axis
 * @property {boolean} perLeaf
 * @property {Buckets} buckets      rows [lo[b], hi[b]) under cell b
 * @property {Float64Array[]} heat  per heatmap column: each cell's mean in original units (NaN: none)
 * @property {({mean: Float64Array} | {code: Int32Array, share: Float64Array})[]} strips
 */

/**
 * The cells of the window [x0, x1) in `px` pixels.
 * @param {DataPrep} d
 * @param {number} x0
 * @param {number} x1
 * @param {number} px
 * @returns {Cells}
 */
export function computeCells(d, x0, x1, px) {
  const { p0, p1, nb, perLeaf } = cellWindow(d.n, x0, x1, px);
  const buckets = bucketSpans(p0, p1, nb, d.n);
  const heat = d.heat.map((s) => bucketMeans(s, buckets).mean);
  const strips = d.strips.map((s) => ("k" in s ? bucketModes(s, buckets) : { mean: bucketMeans(s, buckets).mean }));
  return { p0, p1, nb, perLeaf, buckets, heat, strips };
}

/**
 * Position along the scale's colour map (0..1, NaN for no value) of a value in original units.
 * @param {Heatmap} h
 * @param {NumericColumn} col
 * @param {number} v
 */
export function scaleT(h, col, v) {
  const s = toScale(col, h.scale, v);
  const [lo, hi] = h.range;
  return hi > lo ? (s - lo) / (hi - lo) : s === s ? 0.5 : NaN;
}

/**
 * RGBA of every cell, one row of `nb` cells per heatmap column, then one per strip (row-major),
 * and which cells have no value (1 = missing). Categorical cells take their most common value's
 * colour at an opacity that grows with its share (a mixed cell looks faded).
 * @param {DataPrep} d
 * @param {Cells} cells
 * @param {RGB} bg  background the opacity is laid over
 * @returns {{rgba: Uint8ClampedArray, missing: Uint8Array, rows: number}}
 */
export function cellColors(d, cells, bg) {
  const nb = cells.nb, h = d.heatmap;
  const rows = cells.heat.length + cells.strips.length;
  const rgba = new Uint8ClampedArray(rows * nb * 4);
  const missing = new Uint8Array(rows * nb);
  const grey = missingRgb(bg);
  /** @param {number} at @param {number} r @param {number} g @param {number} b */
  const put = (at, r, g, b) => { rgba[at * 4] = r; rgba[at * 4 + 1] = g; rgba[at * 4 + 2] = b; rgba[at * 4 + 3] = 255; };
  /** @param {number} at */
  const none = (at) => { missing[at] = 1; put(at, grey[0], grey[1], grey[2]); };
  const heatLut = lutFor(h?.scale === "zscore" ? "diverging" : "sequential");
  cells.heat.forEach((mean, j) => {
    const col = /** @type {Heatmap} */ (h).columns[j];
    for (let b = 0; b < nb; b++) {
      const at = j * nb + b, i = lutIndex(scaleT(/** @type {Heatmap} */ (h), col, mean[b]));
      if (i < 0) none(at);
      else put(at, heatLut[i * 3], heatLut[i * 3 + 1], heatLut[i * 3 + 2]);
    }
  });
  const seq = lutFor("sequential");
  cells.strips.forEach((s, k) => {
    const row = cells.heat.length + k;
    if ("code" in s) {
      for (let b = 0; b < nb; b++) {
        const at = row * nb + b;
        if (s.code[b] < 0) { none(at); continue; }
        const [r, g, bl] = over(categoryRgb(s.code[b]), bg, 0.3 + 0.7 * s.share[b]);
        put(at, r, g, bl);
      }
      return;
    }
    const col = /** @type {NumericColumn} */ (d.strips[k].col);
    for (let b = 0; b < nb; b++) {
      const at = row * nb + b, v = s.mean[b];
      const i = lutIndex(col.max > col.min ? (v - col.min) / (col.max - col.min) : v === v ? 0.5 : NaN);
      if (i < 0) none(at);
      else put(at, seq[i * 3], seq[i * 3 + 1], seq[i * 3 + 2]);
    }
  });
  return { rgba, missing, rows };
}
