// Numbers for people: ticks, readouts, sizes.

/**
 * A height with about `digits` significant digits, without trailing zeros or exponent noise.
 * @param {number} v
 * @param {number} [digits]
 */
export function formatNumber(v, digits = 3) {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return v.toExponential(digits - 1).replace(/\.?0+e/, "e").replace("e+", "e");
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
  return trimZeros(v.toFixed(Math.min(decimals, 12)));
}

/** @param {string} s */
function trimZeros(s) {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/**
 * An integer with thin grouping: 1000000 -> "1,000,000".
 * @param {number} k
 */
export function formatCount(k) {
  return Math.round(k).toLocaleString("en-US");
}

/**
 * Nice tick values (1, 2, 5 x 10^k steps) covering [lo, hi] with about `target` ticks.
 * @param {number} lo
 * @param {number} hi
 * @param {number} target
 * @returns {{values: number[], step: number}}
 */
export function niceTicks(lo, hi, target) {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return { values: [], step: 0 };
  const raw = (hi - lo) / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const r = raw / mag;
  // Round to the nearest of 1, 2, 5, 10 on a log scale (thresholds at their geometric means).
  const step = (r >= Math.SQRT2 * 5 ? 10 : r >= Math.sqrt(10) ? 5 : r >= Math.SQRT2 ? 2 : 1) * mag;
  /** @type {number[]} */
  const values = [];
  const first = Math.ceil(lo / step - 1e-9);
  for (let i = first; i * step <= hi + step * 1e-9 && values.length < 1000; i++) {
    values.push(Number((i * step).toPrecision(12)) || 0); // no 0.30000000000000004, no -0
  }
  return { values, step };
}

/**
 * A tick label with as many decimals as the step needs.
 * @param {number} v
 * @param {number} step
 */
export function formatTick(v, step) {
  if (Math.abs(v) < step * 1e-9) return "0";
  if (Math.abs(v) >= 1e5 || (step < 1e-4 && step > 0)) return formatNumber(v, 3); // "2e5" fits the gutter
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return v.toFixed(Math.min(decimals, 12));
}

/**
 * The cut readout: "cut 3.21 · 7 clusters".
 * @param {number | null} t
 * @param {number} k
 */
export function cutReadout(t, k) {
  if (t === null) return "drag to cut";
  return `cut ${formatNumber(t)} · ${formatCount(k)} ${k === 1 ? "cluster" : "clusters"}`;
}

/**
 * The readout of a per-branch partition: "4 clusters · 12 outliers".
 * @param {number} k
 * @param {number} outliers
 */
export function partitionReadout(k, outliers) {
  const c = `${formatCount(k)} ${k === 1 ? "cluster" : "clusters"}`;
  return outliers ? `${c} · ${formatCount(outliers)} ${outliers === 1 ? "outlier" : "outliers"}` : c;
}

/**
 * The accessible description of a view.
 * @param {number} n
 * @param {number | null} t
 * @param {number} k
 */
export function describe(n, t, k) {
  const leaves = `Dendrogram of ${formatCount(n)} ${n === 1 ? "leaf" : "leaves"}`;
  if (t === null) return `${leaves}, no cut`;
  return `${leaves}, cut at ${formatNumber(t)}, ${formatCount(k)} ${k === 1 ? "cluster" : "clusters"}`;
}
