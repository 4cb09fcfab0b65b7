// Which node is under a point: the nearest drawn bar or leg within a few pixels, or the block
// containing the point, or a leaf label; and whether a point grabs the cut line. Only the current
// draw list is searched, so a lookup is O(pixels).
import { cutPosition, handleBox } from "./cut-line.js";
import { nodeHeight } from "./layout.js";

/**
 * What the last frame drew, as far as hit testing needs it (null before the first frame).
 * @typedef {{
 *   fr: import("./frame.js").Frame,
 *   list: import("./cull.js").DrawList,
 *   cut: number | null,
 *   fullTop: number,
 *   labelBand: number,
 *   dataBand?: number,
 * } | null} Drawn
 */

const GRAB_PX = 6; // how close to the cut line a press grabs it

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

/**
 * Is (x, y) on the cut line or its handle (as last drawn)?
 * @param {Drawn} current
 * @param {number} x
 * @param {number} y
 */
export function onCutLine(current, x, y) {
  if (!current) return false;
  const { fr } = current;
  const { b } = cutPosition(fr, current.cut, current.fullTop);
  const hb = handleBox(fr, b);
  if (x >= hb.x - 2 && x <= hb.x + hb.w + 2 && y >= hb.y - 2 && y <= hb.y + hb.h + 2) return true;
  const [a, bb] = fr.ab(x, y);
  const p = fr.plot;
  const lo = fr.vertical ? p.x : p.y, hi = lo + fr.leafLen;
  return Math.abs(bb - b) <= GRAB_PX && a >= lo - 2 && a <= hi + 2;
}

/**
 * Node under (x, y): the tree, or a leaf label (when labels are far enough apart to aim at).
 * @param {import("./layout.js").Layout} L
 * @param {Drawn} current
 * @param {number} x
 * @param {number} y
 */
export function pickNode(L, current, x, y) {
  if (!current || L.n === 0) return -1;
  const { fr, list, labelBand } = current;
  const off = current.dataBand ?? 0; // the heatmap and strips sit between leaves and labels
  const v = hitNode(L, list, fr, x, y);
  if (v >= 0) return v;
  // Over the leaf labels: the leaf of that column (row).
  const [a, b] = fr.ab(x, y);
  const base = fr.heightPos(0);
  const o = fr.orientation;
  const beyond = o === "top" || o === "left"
    ? b > base + off && b < base + off + labelBand
    : b < base - off && b > base - off - labelBand;
  const u = fr.leafAt(a);
  if (beyond && u >= fr.win[0] && u < fr.win[1] && u >= 0 && u < L.n) {
    const pxPerLeaf = fr.leafLen / (fr.win[1] - fr.win[0]);
    if (pxPerLeaf >= 4) return L.order[Math.floor(u)];
  }
  return -1;
}
