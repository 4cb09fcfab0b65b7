// Which node is under a point: the nearest drawn bar or leg within a few pixels, or the block
// containing the point. Only the current draw list is searched, so a lookup is O(pixels).
import { nodeHeight } from "./layout.js";

/**
 * Distance from (a, b) to the axis-aligned segment from (a0, b0) to (a1, b1).
 * @param {number} a
 * @param {number} b
 * @param {number} a0
 * @param {number} b0
 * @param {number} a1
 * @param {number} b1
 */
function segDist(a, b, a0, b0, a1, b1) {
  const ca = Math.max(Math.min(a0, a1), Math.min(a, Math.max(a0, a1)));
  const cb = Math.max(Math.min(b0, b1), Math.min(b, Math.max(b0, b1)));
  return Math.hypot(a - ca, b - cb);
}

/**
 * The node under the point (x, y) in CSS px, or -1. A bar picks its node, a leg picks the
 * child it leads to (so a leaf is picked by its leg), a block picks its subtree.
 * @param {import("./layout.js").Layout} L
 * @param {import("./cull.js").DrawList} list
 * @param {import("./frame.js").Frame} fr
 * @param {number} x
 * @param {number} y
 * @param {number} [tol]  px
 * @returns {number}
 */
export function hitNode(L, list, fr, x, y, tol = 5) {
  const [a, b] = fr.ab(x, y);
  let best = -1, bestD = tol;
  for (let i = 0; i < list.nLinks; i++) {
    const v = list.links[i];
    const k = v - L.n;
    const l = L.left[k], r = L.right[k];
    const bv = fr.heightPos(L.height[k]);
    const al = fr.leafPos(L.x[l]), ar = fr.leafPos(L.x[r]);
    let d = segDist(a, b, al, bv, ar, bv);
    if (d < bestD) { bestD = d; best = v; }
    d = segDist(a, b, al, bv, al, fr.heightPos(nodeHeight(L, l)));
    if (d < bestD) { bestD = d; best = l; }
    d = segDist(a, b, ar, bv, ar, fr.heightPos(nodeHeight(L, r)));
    if (d < bestD) { bestD = d; best = r; }
  }
  for (let i = 0; i < list.nBlocks; i++) {
    const v = list.blocks[i];
    const s = fr.leafPos(L.start[v]), e = fr.leafPos(L.start[v] + L.count[v]);
    const mid = (s + e) / 2, half = Math.max((e - s) / 2, 1);
    const d = segDist(a, b, mid - half, fr.heightPos(0), mid + half, fr.heightPos(L.maxh[v]));
    // Inside the block counts as nearer than any line it touches.
    const inside = Math.abs(a - mid) <= half;
    const score = inside && d === 0 ? 0 : d + 0.5;
    if (score < bestD) { bestD = score; best = v; }
  }
  return best;
}
