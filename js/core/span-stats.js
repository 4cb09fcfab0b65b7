// Sums and category counts over any span [p0, p1) of drawn positions, without touching every row.
// Prefix sums are kept every BLOCK rows only (full prefix sums of 1,000,000 x 20 cells would be
// 240 MB): a span's sum is two block prefixes corrected by at most BLOCK / 2 codes at each end,
// read from whichever block boundary is nearer (measured: those reads are most of a frame's cost,
// hence 16 rather than 32 for numeric columns). Sums are of integer codes, so they are
// exact in float64 (65534 x 1e6 << 2^53) and a mean is rawOffset + rawStep * sum / count.
// Categorical columns with more than `maxPrefix` categories keep no prefix counts (their memory
// would be k times larger): their spans are counted by scanning the codes, O(span length).
// A column that has only block sums so far (a large heatmap's first message, _detail.py) takes its
// prefixes from them, spreading each block's sum and count evenly over its rows: a span's mean is
// then exact when its ends fall on block boundaries, and a blend of the end blocks' means otherwise.

export const BLOCK = 16; // numeric columns: 12 bytes per 16 rows, at most 8 codes read per end
export const CAT_BLOCK = 32; // categorical columns: 4 k bytes per 32 rows

/**
 * @typedef {import("./heatmap-decode.js").NumericColumn} NumericColumn
 * @typedef {import("./heatmap-decode.js").CategoricalColumn} CategoricalColumn
 * @typedef {{sum: number, count: number}} SumCount
 */

/**
 * @typedef {object} NumericSums
 * @property {NumericColumn} col
 * @property {number} n             rows
 * @property {number} block         BLOCK, or the payload's block when the codes have not come
 * @property {Float64Array} sums    sums[b]: sum of the known codes before position min(b*block, n)
 * @property {Float64Array | Int32Array} counts  counts[b]: known codes before that position
 * @property {SumCount} total       over all n rows
 */

/**
 * @param {NumericColumn} col
 * @param {number} [rows]  rows of a column with block sums only (its codes have not come)
 * @returns {NumericSums}
 */
export function numericSums(col, rows) {
  const { codes, missing } = col;
  if (!codes) return blockPrefix(col, /** @type {number} */ (rows));
  const n = codes.length, nb = Math.ceil(n / BLOCK);
  const sums = new Float64Array(nb + 1), counts = new Int32Array(nb + 1);
  let s = 0, c = 0;
  for (let b = 0; b < nb; b++) {
    sums[b] = s; counts[b] = c;
    // Small integer sums inside a block (16 x 65535 fits int32), one float add per block.
    let bs = 0, bc = 0;
    for (let p = b * BLOCK, end = Math.min(n, p + BLOCK); p < end; p++) {
      const v = codes[p];
      if (v !== missing) { bs = (bs + v) | 0; bc++; }
    }
    s += bs; c += bc;
  }
  sums[nb] = s; counts[nb] = c;
  return { col, n, block: BLOCK, sums, counts, total: { sum: s, count: c } };
}

/**
 * Prefixes from a payload's block sums. @param {NumericColumn} col @param {number} n
 * @returns {NumericSums}
 */
function blockPrefix(col, n) {
  const { block, sums: bs, counts: bc } = /** @type {import("./heatmap-decode.js").Blocks} */ (col.blocks);
  const nb = bs.length;
  const sums = new Float64Array(nb + 1), counts = new Float64Array(nb + 1);
  for (let b = 0; b < nb; b++) {
    sums[b + 1] = sums[b] + bs[b];
    counts[b + 1] = counts[b] + bc[b];
  }
  return { col, n, block, sums, counts, total: { sum: sums[nb], count: counts[nb] } };
}

/**
 * Adds sign * the prefix before p, from block sums spread evenly over each block's rows.
 * @param {NumericSums} ns @param {number} p @param {number} sign @param {SumCount} acc
 */
function addSpreadPrefix(ns, p, sign, acc) {
  const b = Math.min(Math.floor(p / ns.block), ns.sums.length - 1);
  const end = Math.min(ns.n, (b + 1) * ns.block), rows = end - b * ns.block;
  const f = b + 1 < ns.sums.length && rows > 0 ? (p - b * ns.block) / rows : 0;
  acc.sum += sign * (ns.sums[b] + f * (ns.sums[b + 1] - ns.sums[b]));
  acc.count += sign * (ns.counts[b] + f * (ns.counts[b + 1] - ns.counts[b]));
}

/**
 * Adds sign * (sum, count) of the known codes in [a, b) to acc.
 * @param {NumericColumn} col @param {number} a @param {number} b @param {number} sign @param {SumCount} acc
 */
function scanNumeric(col, a, b, sign, acc) {
  const { missing } = col, codes = /** @type {import("./heatmap-decode.js").Codes} */ (col.codes);
  let s = 0, c = 0;
  for (let p = a; p < b; p++) {
    const v = codes[p];
    if (v !== missing) { s += v; c++; }
  }
  acc.sum += sign * s;
  acc.count += sign * c;
}

/**
 * Adds sign * prefix(p) (sum and count of known codes before p) to acc.
 * @param {NumericSums} ns @param {number} p @param {number} sign @param {SumCount} acc
 */
function addPrefix(ns, p, sign, acc) {
  if (!ns.col.codes) { addSpreadPrefix(ns, p, sign, acc); return; }
  const n = ns.n, b = Math.floor(p / BLOCK), at = b * BLOCK;
  if (p - at <= BLOCK / 2 || at + BLOCK > n) {
    acc.sum += sign * ns.sums[b]; acc.count += sign * ns.counts[b];
    scanNumeric(ns.col, at, p, sign, acc);
  } else {
    acc.sum += sign * ns.sums[b + 1]; acc.count += sign * ns.counts[b + 1];
    scanNumeric(ns.col, p, at + BLOCK, -sign, acc);
  }
}

/**
 * Sets acc to the sum and count of the known codes before p (0 <= p <= n).
 * @param {NumericSums} ns @param {number} p @param {SumCount} acc
 */
export function prefixAt(ns, p, acc) {
  acc.sum = 0; acc.count = 0;
  addPrefix(ns, p, 1, acc);
}

/**
 * Adds the sum and count of the known codes in [p0, p1) to acc (clamped to 0..n).
 * @param {NumericSums} ns @param {number} p0 @param {number} p1 @param {SumCount} acc
 */
export function addSpan(ns, p0, p1, acc) {
  const n = ns.n;
  p0 = Math.max(0, p0); p1 = Math.min(n, p1);
  if (p1 <= p0) return;
  if (p1 - p0 <= BLOCK && ns.col.codes) { scanNumeric(ns.col, p0, p1, 1, acc); return; }
  addPrefix(ns, p1, 1, acc);
  addPrefix(ns, p0, -1, acc);
}

/**
 * Mean in original units of code sums (NaN when nothing is known).
 * @param {NumericColumn} col @param {SumCount} sc
 */
export function meanOf(col, sc) {
  return sc.count > 0 ? col.rawOffset + (col.rawStep * sc.sum) / sc.count : NaN;
}

/**
 * @typedef {object} CategoryCounts
 * @property {CategoricalColumn} col
 * @property {number} k
 * @property {Int32Array | null} prefix  prefix[b*k + c]: rows of code c before min(b*CAT_BLOCK, n); null: scan
 * @property {Float64Array} total        rows of each code over all n rows
 */

/**
 * @param {CategoricalColumn} col
 * @param {{maxPrefix?: number}} [opts]
 * @returns {CategoryCounts}
 */
export function categoryCounts(col, opts = {}) {
  const k = col.categories.length, { codes, missing } = col, n = codes.length;
  const withPrefix = k <= (opts.maxPrefix ?? 64);
  const nb = Math.ceil(n / CAT_BLOCK);
  const prefix = withPrefix ? new Int32Array((nb + 1) * k) : null;
  const run = new Int32Array(k);
  for (let b = 0; b < nb; b++) {
    if (prefix) prefix.set(run, b * k);
    for (let p = b * CAT_BLOCK, end = Math.min(n, p + CAT_BLOCK); p < end; p++) {
      const v = codes[p];
      if (v !== missing) run[v]++;
    }
  }
  if (prefix) prefix.set(run, nb * k);
  return { col, k, prefix, total: Float64Array.from(run) };
}

/**
 * Adds sign * (rows of each code in [a, b)) to acc.
 * @param {CategoricalColumn} col @param {number} a @param {number} b @param {number} sign @param {Float64Array} acc
 */
function scanCategories(col, a, b, sign, acc) {
  const { codes, missing } = col;
  for (let p = a; p < b; p++) {
    const v = codes[p];
    if (v !== missing) acc[v] += sign;
  }
}

/**
 * @param {CategoryCounts} cc @param {number} p @param {number} sign @param {Float64Array} acc
 */
function addCategoryPrefix(cc, p, sign, acc) {
  const prefix = /** @type {Int32Array} */ (cc.prefix), k = cc.k, n = cc.col.codes.length;
  const b = Math.floor(p / CAT_BLOCK), at = b * CAT_BLOCK;
  const near = p - at <= CAT_BLOCK / 2 || at + CAT_BLOCK > n;
  const row = (near ? b : b + 1) * k;
  for (let c = 0; c < k; c++) acc[c] += sign * prefix[row + c];
  if (near) scanCategories(cc.col, at, p, sign, acc);
  else scanCategories(cc.col, p, at + CAT_BLOCK, -sign, acc);
}

/**
 * Sets out (length k) to the rows of each code before p (0 <= p <= n); needs prefix counts.
 * @param {CategoryCounts} cc @param {number} p @param {Float64Array} out
 */
export function categoryPrefixAt(cc, p, out) {
  out.fill(0);
  addCategoryPrefix(cc, p, 1, out);
}

/**
 * Adds the rows of each code in [p0, p1) to acc (length k; clamped to 0..n).
 * @param {CategoryCounts} cc @param {number} p0 @param {number} p1 @param {Float64Array} acc
 */
export function addCategorySpan(cc, p0, p1, acc) {
  const n = cc.col.codes.length;
  p0 = Math.max(0, p0); p1 = Math.min(n, p1);
  if (p1 <= p0) return;
  if (!cc.prefix || p1 - p0 <= 2 * CAT_BLOCK) { scanCategories(cc.col, p0, p1, 1, acc); return; }
  addCategoryPrefix(cc, p1, 1, acc);
  addCategoryPrefix(cc, p0, -1, acc);
}
