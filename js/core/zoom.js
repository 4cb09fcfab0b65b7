// View window math. A window is [x0, x1, y0, y1]: leaf axis in leaf units, height axis in
// height units. The full view is [0, n] by [0, top] where top leaves room above the root.

/** @typedef {[number, number, number, number]} Window */

/** Smallest leaf-axis span a zoom may reach (leaf units). */
export const MIN_LEAVES = 2;

// Room above the highest merge a window shows, as a factor of its height (the one place).
export const HEADROOM = 1.05;

/**
 * Top of a height axis showing merges up to `top`: 5% headroom (1 when all heights are 0).
 * @param {number} top  highest merge shown (maxh of the root for the full view)
 */
export function fullTop(top) {
  return top > 0 ? top * HEADROOM : 1;
}

/**
 * @param {number} n
 * @param {number} top  maxh of the root
 * @returns {Window}
 */
export function fullWindow(n, top) {
  return [0, n, 0, fullTop(top)];
}

/**
 * Keep a span [a, b] inside [lo, hi] by moving it (or shrinking it when it is wider).
 * @param {number} a
 * @param {number} b
 * @param {number} lo
 * @param {number} hi
 * @param {number} minSpan
 * @returns {[number, number]}
 */
function clampSpan(a, b, lo, hi, minSpan) {
  let span = Math.max(Math.min(b - a, hi - lo), Math.min(minSpan, hi - lo));
  // All but float noise of the full span is the full span (zooming out in as many steps as in
  // leaves a few 1e-9 of drift): snap, so the full view reads as the full view.
  if (!(span > 0) || span >= (hi - lo) * (1 - 1e-9)) span = hi - lo;
  let s = Math.max(lo, Math.min(a, hi - span));
  if (!Number.isFinite(s)) s = lo;
  return [s, s + span];
}

/**
 * Clamp a window to the full view.
 * @param {Window} w
 * @param {Window} full
 * @returns {Window}
 */
export function clampWindow(w, full) {
  const [x0, x1] = clampSpan(w[0], w[1], full[0], full[1], Math.min(MIN_LEAVES, full[1]));
  const [y0, y1] = clampSpan(w[2], w[3], full[2], full[3], (full[3] - full[2]) * 1e-9);
  return [x0, x1, y0, y1];
}

/**
 * Zoom by `factor` (< 1 zooms in) around a fixed point at fraction `f` (0..1) of one axis.
 * @param {Window} w
 * @param {Window} full
 * @param {"leaf" | "height"} axis
 * @param {number} f   where the pointer is along the axis, 0 at the low end
 * @param {number} factor
 * @returns {Window}
 */
export function zoomAt(w, full, axis, f, factor) {
  const i = axis === "leaf" ? 0 : 2;
  const a = w[i], b = w[i + 1];
  const at = a + (b - a) * f;
  const out = /** @type {Window} */ ([...w]);
  out[i] = at - (at - a) * factor;
  out[i + 1] = at + (b - at) * factor;
  if (axis === "height") {
    // Heights start at 0: zooming in keeps the baseline when it was in view, so the leaves stay.
    if (a <= full[2]) {
      out[2] = full[2];
      out[3] = full[2] + (b - a) * factor;
    }
  }
  return clampWindow(out, full);
}

/**
 * Move the window by (dx leaf units, dy height units).
 * @param {Window} w
 * @param {Window} full
 * @param {number} dx
 * @param {number} dy
 * @returns {Window}
 */
export function pan(w, full, dx, dy) {
  return clampWindow([w[0] + dx, w[1] + dx, w[2] + dy, w[3] + dy], full);
}

/**
 * The window showing node v's subtree (the same window as Python's `zoom_to`).
 * @param {import("./layout.js").Layout} L
 * @param {number} v
 * @returns {Window}
 */
export function subtreeWindow(L, v) {
  const s = L.start[v], c = L.count[v];
  return [s, s + c, 0, fullTop(v >= L.n ? L.maxh[v] : 0)];
}

/**
 * The window showing drawn positions lo..hi (inclusive), at least `minLeaves` wide, full height.
 * @param {Window} full
 * @param {number} lo
 * @param {number} hi
 * @param {number} minLeaves
 * @returns {Window}
 */
export function spanWindow(full, lo, hi, minLeaves) {
  let a = lo, b = hi + 1;
  if (b - a < minLeaves) {
    const mid = (a + b) / 2;
    a = mid - minLeaves / 2;
    b = mid + minLeaves / 2;
  }
  return clampWindow([a, b, full[2], full[3]], full);
}

/**
 * Same window, up to float noise.
 * @param {readonly number[] | null | undefined} a
 * @param {readonly number[] | null | undefined} b
 */
export function sameWindow(a, b) {
  if (!a || !b || a.length !== b.length) return a === b;
  for (let i = 0; i < a.length; i++) {
    const tol = 1e-9 * Math.max(1, Math.abs(a[i]), Math.abs(b[i]));
    if (!(Math.abs(a[i] - b[i]) <= tol)) return false;
  }
  return true;
}

/**
 * A window trait value -> a window ([] is the full view). Python validates the leaf axis; the
 * height axis is taken as given.
 * @param {unknown} value
 * @param {Window} full
 * @returns {Window}
 */
export function windowFromTrait(value, full) {
  if (!Array.isArray(value) || value.length !== 4) return full;
  const w = value.map(Number);
  if (!w.every(Number.isFinite) || !(w[1] > w[0]) || !(w[3] > w[2])) return full;
  return /** @type {Window} */ (w);
}
