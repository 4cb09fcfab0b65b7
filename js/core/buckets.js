// What each pixel of the heatmap and the strips shows: a window of drawn positions [p0, p1)
// (fractional, as the zoom window is) split into B equal buckets. A bucket holds the rows whose
// centre (p + 0.5) falls inside it; a bucket narrower than a row (zoomed in) holds the one row
// under its middle, so zoomed in each row is one cell; past either end of the rows a bucket is
// empty (mean NaN, code -1).
// Numeric: the mean of the known values in original units. Categorical: the most common value
// (ties: the lowest code, the first in category order) and its share among the known values.

import { addCategorySpan, addSpan, categoryPrefixAt, meanOf, prefixAt } from "./span-stats.js";

/**
 * @typedef {import("./span-stats.js").NumericSums} NumericSums
 * @typedef {import("./span-stats.js").CategoryCounts} CategoryCounts
 * @typedef {{lo: Int32Array, hi: Int32Array}} Buckets  rows [lo[b], hi[b]) of bucket b
 */

/**
 * @param {number} p0  window start in leaf units
 * @param {number} p1  window end
 * @param {number} nBuckets
 * @param {number} n   rows
 * @returns {Buckets}
 */
export function bucketSpans(p0, p1, nBuckets, n) {
  const lo = new Int32Array(nBuckets), hi = new Int32Array(nBuckets);
  const w = p1 - p0;
  /** @param {number} b */
  const edge = (b) => Math.min(n, Math.max(0, Math.ceil(p0 + (b * w) / nBuckets - 0.5)));
  let e0 = edge(0);
  for (let b = 0; b < nBuckets; b++) {
    const e1 = edge(b + 1);
    if (e1 > e0) {
      lo[b] = e0; hi[b] = e1;
    } else {
      // Past either end of the rows (panned out) the bucket stays empty.
      const mid = Math.floor(p0 + ((b + 0.5) * w) / nBuckets);
      const inside = mid >= 0 && mid < n;
      lo[b] = inside ? mid : e0; hi[b] = inside ? mid + 1 : e0;
    }
    e0 = e1;
  }
  return { lo, hi };
}

// Neighbouring buckets share an edge, so each edge's prefix is looked up once; a bucket of a
// few rows (zoomed in) is cheaper to scan.
const SHORT = 16;

/**
 * Mean of each bucket in original units (NaN where no value is known) and the known count.
 * @param {NumericSums} ns
 * @param {Buckets} buckets
 * @returns {{mean: Float64Array, count: Float64Array}}
 */
export function bucketMeans(ns, { lo, hi }) {
  const mean = new Float64Array(lo.length), count = new Float64Array(lo.length);
  let prev = { sum: 0, count: 0 }, cur = { sum: 0, count: 0 }, at = -1;
  const acc = { sum: 0, count: 0 };
  for (let b = 0; b < lo.length; b++) {
    if (hi[b] - lo[b] <= SHORT) {
      acc.sum = 0; acc.count = 0;
      addSpan(ns, lo[b], hi[b], acc);
    } else {
      if (lo[b] !== at) prefixAt(ns, lo[b], prev);
      prefixAt(ns, hi[b], cur);
      acc.sum = cur.sum - prev.sum; acc.count = cur.count - prev.count;
      [prev, cur, at] = [cur, prev, hi[b]];
    }
    mean[b] = meanOf(ns.col, acc);
    count[b] = acc.count;
  }
  return { mean, count };
}

/**
 * Most common code of each bucket (-1 when none is known), its share among the known values
 * (NaN when none), and the known count.
 * @param {CategoryCounts} cc
 * @param {Buckets} buckets
 * @returns {{code: Int32Array, share: Float64Array, count: Float64Array}}
 */
export function bucketModes(cc, buckets) {
  if (!cc.prefix) return scanModes(cc, buckets);
  const { lo, hi } = buckets, k = cc.k;
  const code = new Int32Array(lo.length), share = new Float64Array(lo.length), count = new Float64Array(lo.length);
  let prev = new Float64Array(k), cur = new Float64Array(k), at = -1;
  const acc = new Float64Array(k);
  for (let b = 0; b < lo.length; b++) {
    if (hi[b] - lo[b] <= SHORT) {
      acc.fill(0);
      addCategorySpan(cc, lo[b], hi[b], acc);
    } else {
      if (lo[b] !== at) categoryPrefixAt(cc, lo[b], prev);
      categoryPrefixAt(cc, hi[b], cur);
      for (let c = 0; c < k; c++) acc[c] = cur[c] - prev[c];
      [prev, cur, at] = [cur, prev, hi[b]];
    }
    let best = -1, top = 0, known = 0;
    for (let c = 0; c < k; c++) {
      known += acc[c];
      if (acc[c] > top) { top = acc[c]; best = c; }
    }
    code[b] = best; share[b] = known > 0 ? top / known : NaN; count[b] = known;
  }
  return { code, share, count };
}

/**
 * Many categories, no prefix counts: one pass over each bucket's rows, resetting only the
 * counts it touched. Buckets do not overlap except zoomed in (one row each), so a frame costs
 * O(rows in the window + buckets).
 * @param {CategoryCounts} cc @param {Buckets} buckets
 */
function scanModes(cc, { lo, hi }) {
  const { codes, missing } = cc.col;
  const code = new Int32Array(lo.length), share = new Float64Array(lo.length), count = new Float64Array(lo.length);
  const acc = new Int32Array(cc.k);
  for (let b = 0; b < lo.length; b++) {
    let best = -1, top = 0, known = 0;
    for (let p = lo[b]; p < hi[b]; p++) {
      const v = codes[p];
      if (v === missing) continue;
      known++;
      const c = ++acc[v];
      if (c > top || (c === top && v < best)) { top = c; best = v; }
    }
    for (let p = lo[b]; p < hi[b]; p++) if (codes[p] !== missing) acc[codes[p]] = 0;
    code[b] = best; share[b] = known > 0 ? top / known : NaN; count[b] = known;
  }
  return { code, share, count };
}
