// Fitting the height axis to the leaves in view: after a zoom along the leaves, the height window
// shows the highest merge among the visible leaves (with the usual headroom), so a zoomed subtree
// fills the plot instead of lying flat at its bottom.
import { clampWindow, fullTop } from "./zoom.js";

/**
 * The drawn positions whose centre (p + 0.5) lies in [x0, x1], as [lo, hi] inclusive (empty
 * when hi < lo).
 * @param {number} n
 * @param {number} x0
 * @param {number} x1
 * @returns {[number, number]}
 */
export function visibleLeaves(n, x0, x1) {
  return [Math.max(0, Math.ceil(x0 - 0.5)), Math.min(n - 1, Math.floor(x1 - 0.5))];
}

/**
 * The highest merge whose leaves are all visible (a subtree inside [lo, hi], zero-height merges
 * included); with no such merge, the lowest one joining the visible leaves (their common
 * ancestor, or a lone leaf's parent); 0 for a tree of one leaf. Walks down from the root along the range's two ends only,
 * iteratively: O(depth of those ends), not O(visible leaves).
 * @param {import("./layout.js").Layout} L
 * @param {number} lo
 * @param {number} hi
 */
export function highestInside(L, lo, hi) {
  const { n, start, count, maxh } = L;
  if (n < 2 || hi < lo) return 0;
  let best = -1;
  let lca = L.root; // deepest node seen so far whose span holds [lo, hi]
  const stack = [L.root];
  while (stack.length) {
    const v = /** @type {number} */ (stack.pop());
    const s = start[v], e = s + count[v] - 1;
    if (s >= lo && e <= hi) {
      if (v >= n && maxh[v] > best) best = maxh[v];
    } else if (e >= lo && s <= hi && v >= n) {
      if (s <= lo && e >= hi && count[v] < count[lca]) lca = v;
      stack.push(L.left[v - n], L.right[v - n]);
    }
  }
  if (best >= 0) return best;
  if (lo === hi) {
    const leaf = L.order[lo];
    return L.parent[leaf] >= 0 ? maxh[L.parent[leaf]] : 0;
  }
  return maxh[lca];
}

/**
 * The window `w` with its height axis fitted to the leaves it shows: [0, top + headroom].
 * @param {import("./layout.js").Layout} L
 * @param {import("./zoom.js").Window} w
 * @param {import("./zoom.js").Window} full
 * @returns {import("./zoom.js").Window}
 */
export function fitHeights(L, w, full) {
  const [lo, hi] = visibleLeaves(L.n, w[0], w[1]);
  if (hi < lo) return w;
  return clampWindow([w[0], w[1], full[2], Math.min(full[3], fullTop(highestInside(L, lo, hi)))], full);
}
