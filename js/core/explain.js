// What sets a group of drawn spans apart, in the browser, from the data it already has: the same
// rules as Python's `explain` (src/dendrowidget/_explain.py), on the quantised values.
// Numeric: means inside/outside in original units, effect = (inside - outside) / std of the column
// over all rows (0 for a constant column). Categorical: the value whose share (among rows whose
// value is known) differs most, ties to the first category; effect = share inside - share outside.
// A side with no known value gives NaN (a categorical value is then the other side's most common).
// Cost: O(spans x columns x (BLOCK + categories)), whatever the number of rows.

import { addCategorySpan, addSpan, categoryCounts, meanOf, numericSums } from "./span-stats.js";

/**
 * @typedef {[number, number]} Span   drawn positions [start, end)
 * @typedef {import("./span-stats.js").NumericSums} NumericSums
 * @typedef {import("./span-stats.js").CategoryCounts} CategoryCounts
 * @typedef {{n: number, numeric: NumericSums[], categorical: CategoryCounts[]}} ExplainData
 * @typedef {{column: string, kind: "numeric" | "categorical", value: string | null,
 *   inside: number, outside: number, effect: number}} ExplainRow
 * @typedef {{n: number, start: ArrayLike<number>, count: ArrayLike<number>,
 *   parent: ArrayLike<number>, left: ArrayLike<number>, right: ArrayLike<number>}} TreeSpans
 */

/**
 * Sorted, merged, non-empty spans clamped to [0, n).
 * @param {Span[]} spans @param {number} n @returns {Span[]}
 */
export function normalizeSpans(spans, n) {
  const s = spans
    .map(([a, b]) => /** @type {Span} */ ([Math.max(0, a), Math.min(n, b)]))
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  /** @type {Span[]} */
  const out = [];
  for (const [a, b] of s) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * a minus b, both normalized.
 * @param {Span[]} a @param {Span[]} b @returns {Span[]}
 */
export function subtractSpans(a, b) {
  /** @type {Span[]} */
  const out = [];
  let j = 0;
  for (const [s, e] of a) {
    let at = s;
    while (j < b.length && b[j][1] <= at) j++;
    for (let i = j; i < b.length && b[i][0] < e; i++) {
      if (b[i][0] > at) out.push([at, b[i][0]]);
      at = Math.max(at, b[i][1]);
    }
    if (at < e) out.push([at, e]);
  }
  return out;
}

/**
 * Sums and counts of the heatmap's columns and the strips' (a numeric strip repeating a heatmap
 * column is counted once). Build once per payload: O(n x columns).
 * @param {import("./heatmap-decode.js").Heatmap | null} heatmap
 * @param {{n: number, columns: (import("./heatmap-decode.js").NumericColumn | import("./heatmap-decode.js").CategoricalColumn)[]}} annotations
 * @param {{maxPrefix?: number}} [opts]
 * @returns {ExplainData}
 */
export function prepareExplain(heatmap, annotations, opts = {}) {
  const numeric = (heatmap?.columns ?? []).map((c) => numericSums(c, heatmap?.n));
  const seen = new Set(numeric.map((s) => s.col.name));
  /** @type {CategoryCounts[]} */
  const categorical = [];
  for (const col of annotations.columns) {
    if (col.kind === "categorical") categorical.push(categoryCounts(col, opts));
    else if (!seen.has(col.name)) { seen.add(col.name); numeric.push(numericSums(col)); }
  }
  return { n: heatmap?.n ?? annotations.n, numeric, categorical };
}

/** @param {Float64Array} acc */
const sumOf = (acc) => acc.reduce((s, v) => s + v, 0);

/**
 * @param {CategoryCounts} cc @param {Float64Array} cin @param {Float64Array} cout
 * @returns {ExplainRow}
 */
function categoricalRow(cc, cin, cout) {
  const kin = sumOf(cin), kout = sumOf(cout), k = cc.k;
  /** @param {number} j @param {number} effect @returns {ExplainRow} */
  const row = (j, effect) => ({
    column: cc.col.name, kind: "categorical", value: j < 0 ? null : cc.col.categories[j],
    inside: j < 0 || kin === 0 ? NaN : cin[j] / kin, outside: j < 0 || kout === 0 ? NaN : cout[j] / kout, effect,
  });
  if (kin === 0 || kout === 0) {
    const side = kin > 0 ? cin : kout > 0 ? cout : null;
    let j = -1;
    for (let c = 0; side && c < k; c++) if (j < 0 || side[c] > side[j]) j = c;
    return row(j, NaN);
  }
  let j = 0, best = -1, effect = NaN;
  for (let c = 0; c < k; c++) {
    const d = cin[c] / kin - cout[c] / kout;
    if (Math.abs(d) > best) { best = Math.abs(d); j = c; effect = d; }
  }
  return row(j, effect);
}

/**
 * Explain the rows in `inside` against `outside`: "rest" (every other row) or other spans (rows
 * also inside are left out). Sorted by |effect| descending, NaN last, ties in column order
 * (numeric columns, then categorical ones).
 * @param {ExplainData} data @param {Span[]} inside @param {"rest" | Span[]} [outside]
 * @returns {ExplainRow[]}
 */
export function explainSpans(data, inside, outside = "rest") {
  const ins = normalizeSpans(inside, data.n);
  const outs = outside === "rest" ? null : subtractSpans(normalizeSpans(outside, data.n), ins);
  /** @type {ExplainRow[]} */
  const rows = [];
  for (const ns of data.numeric) {
    const a = { sum: 0, count: 0 }, b = { sum: 0, count: 0 };
    for (const [s, e] of ins) addSpan(ns, s, e, a);
    if (outs) for (const [s, e] of outs) addSpan(ns, s, e, b);
    else { b.sum = ns.total.sum - a.sum; b.count = ns.total.count - a.count; }
    const mi = meanOf(ns.col, a), mo = meanOf(ns.col, b), std = ns.col.std;
    const effect = mi !== mi || mo !== mo ? NaN : std > 0 ? (mi - mo) / std : 0;
    rows.push({ column: ns.col.name, kind: "numeric", value: null, inside: mi, outside: mo, effect });
  }
  for (const cc of data.categorical) {
    const cin = new Float64Array(cc.k);
    for (const [s, e] of ins) addCategorySpan(cc, s, e, cin);
    const cout = outs ? new Float64Array(cc.k) : cc.total.map((t, c) => t - cin[c]);
    if (outs) for (const [s, e] of outs) addCategorySpan(cc, s, e, cout);
    rows.push(categoricalRow(cc, cin, cout));
  }
  const key = (/** @type {ExplainRow} */ r) => (r.effect === r.effect ? Math.abs(r.effect) : -1);
  return rows.sort((x, y) => key(y) - key(x));
}

/**
 * The drawn span of node v (scipy ids: leaves 0..n-1, merges n..2n-2).
 * @param {TreeSpans} L @param {number} v @returns {Span}
 */
export function nodeSpan(L, v) {
  return [L.start[v], L.start[v] + L.count[v]];
}

/**
 * Node v against its sibling (the other child of its parent); the root has none: [] rows.
 * @param {ExplainData} data @param {TreeSpans} L @param {number} v @returns {ExplainRow[]}
 */
export function explainNode(data, L, v) {
  const p = L.parent[v];
  if (p < 0 || p === v) return [];
  const sib = L.left[p - L.n] === v ? L.right[p - L.n] : L.left[p - L.n];
  return explainSpans(data, [nodeSpan(L, v)], [nodeSpan(L, sib)]);
}

/**
 * The first k rows with a known effect.
 * @param {ExplainRow[]} rows @param {number} [k]
 */
export function topEffects(rows, k = 3) {
  return rows.filter((r) => r.effect === r.effect).slice(0, k);
}

/**
 * One line per row: "color_intensity -1.9 sd", "genus Citrus 80% vs 35%". Plain text: category
 * names are data and must be drawn as text.
 * @param {ExplainRow} r
 */
export function effectText(r) {
  if (r.kind === "numeric") return `${r.column} ${r.effect >= 0 ? "+" : ""}${r.effect.toFixed(1)} sd`;
  const pct = (/** @type {number} */ v) => (v === v ? `${Math.round(100 * v)}%` : "n/a");
  return `${r.column} ${r.value} ${pct(r.inside)} vs ${pct(r.outside)}`;
}
