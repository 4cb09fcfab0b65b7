// The tree itself: selection bands, collapsed blocks, U links, the hovered branch.
// Blocks and links are fillRect calls, not stroked paths: a path of thousands of contours costs
// far more to rasterise (measured in Chromium: a 10k-leaf zoom frame went from 259 ms to 7.5 ms).
import { nodeHeight } from "../core/layout.js";
import { colorOf, isSelected, snap } from "./scene.js";

/** @typedef {import("./scene.js").Scene} Scene */

const LINK_W = 1.25;

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
export function drawSelectionBands(ctx, s) {
  const { fr, L } = s;
  ctx.save();
  ctx.fillStyle = s.theme.accent;
  ctx.globalAlpha = 0.12;
  for (const u of s.selection) {
    if (u < 0 || u >= L.count.length) continue;
    const a0 = fr.leafPos(L.start[u]), a1 = fr.leafPos(L.start[u] + L.count[u]);
    const top = u >= L.n ? L.maxh[u] : (L.parent[u] >= 0 ? nodeHeight(L, L.parent[u]) : 0);
    const b0 = fr.heightPos(0), b1 = fr.heightPos(top + (L.top || 1) * 0.02); // a little above the node
    const [x, y] = fr.xy(Math.min(a0, a1), Math.min(b0, b1));
    const [w, h] = fr.xy(Math.max(1, Math.abs(a1 - a0)), Math.abs(b1 - b0));
    ctx.fillRect(x, y, w, h);
  }
  ctx.restore();
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
export function drawBlocks(ctx, s) {
  const { L, fr, list, cut } = s;
  if (list.nBlocks === 0) return;
  const of = s.clusters.of;
  /** @type {Map<string, number[]>} rectangles (a0, a1, b0, b1) per colour */
  const buckets = new Map();
  /** @param {string} color @param {number} a0 @param {number} a1 @param {number} h0 @param {number} h1 */
  const add = (color, a0, a1, h0, h1) => {
    let arr = buckets.get(color);
    if (!arr) buckets.set(color, (arr = []));
    arr.push(a0, a1, fr.heightPos(h0), fr.heightPos(h1));
  };
  for (let i = 0; i < list.nBlocks; i++) {
    const v = list.blocks[i];
    let a0 = fr.leafPos(L.start[v]), a1 = fr.leafPos(L.start[v] + L.count[v]);
    if (a1 - a0 < 1) {
      const mid = (a0 + a1) / 2;
      a0 = mid - 0.5;
      a1 = mid + 0.5;
    }
    const c = of(v);
    if (c !== 0 || cut === null) {
      add(colorOf(s, c), a0, a1, 0, L.maxh[v]);
    } else {
      // Straddles the cut: clusters below (the leftmost one's colour), neutral above.
      add(colorOf(s, s.ids[L.start[v]]), a0, a1, 0, cut);
      add(s.theme.fg, a0, a1, cut, L.maxh[v]);
    }
  }
  ctx.save();
  // Blocks are collapsed detail: lighter than the links that are drawn one by one.
  ctx.globalAlpha = 0.55;
  for (const [color, r] of buckets) {
    ctx.fillStyle = color;
    // fillRect per block, not one path of many rectangles: a many-contour path costs far more
    // to rasterise (measured in Chromium), and blocks of distinct subtrees do not overlap.
    for (let j = 0; j < r.length; j += 4) {
      const [x, y] = fr.xy(r[j], Math.min(r[j + 2], r[j + 3]));
      const [w, h] = fr.xy(r[j + 1] - r[j], Math.max(1, Math.abs(r[j + 3] - r[j + 2])));
      ctx.fillRect(x, y, w, h);
    }
  }
  ctx.restore();
}

/**
 * Add node v's U link (legs down to its children) to the current path.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @param {number} v
 * @param {number} w  line width, for snapping
 */
function pathLink(ctx, s, v, w) {
  const [x0, y0, x1, y1, x2, y2, x3, y3] = linkCorners(s, v, w);
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.lineTo(x3, y3);
}

/**
 * Node v's U link as filled rectangles, one per axis-aligned segment, with square ends.
 * Rectangles rasterise far faster than one stroked path of thousands of contours (measured in
 * Chromium: about 10x at 10,000 leaves), and look the same for axis-aligned lines.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @param {number} v
 * @param {number} w  line width
 */
function fillLink(ctx, s, v, w) {
  const c = linkCorners(s, v, w);
  const h = w / 2;
  for (let i = 0; i < 6; i += 2) {
    const xa = c[i], ya = c[i + 1], xb = c[i + 2], yb = c[i + 3];
    ctx.fillRect(Math.min(xa, xb) - h, Math.min(ya, yb) - h, Math.abs(xb - xa) + w, Math.abs(yb - ya) + w);
  }
}

/**
 * The four corners of node v's U link in canvas pixels, snapped for crisp lines.
 * @param {Scene} s
 * @param {number} v
 * @param {number} w  line width, for snapping
 * @returns {number[]} x0, y0 (left child), x1, y1, x2, y2 (the bar), x3, y3 (right child)
 */
function linkCorners(s, v, w) {
  const { L, fr, dpr } = s;
  const k = v - L.n;
  const l = L.left[k], r = L.right[k];
  const b = snap(fr.heightPos(L.height[k]), dpr, w);
  const al = snap(fr.leafPos(L.x[l]), dpr, w), ar = snap(fr.leafPos(L.x[r]), dpr, w);
  const bl = snap(fr.heightPos(nodeHeight(L, l)), dpr, w), br = snap(fr.heightPos(nodeHeight(L, r)), dpr, w);
  return [...fr.xy(al, bl), ...fr.xy(al, b), ...fr.xy(ar, b), ...fr.xy(ar, br)];
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
export function drawLinks(ctx, s) {
  const { list } = s;
  const of = s.clusters.of;
  // Grouped by colour: one fillStyle change per colour per frame, however many links.
  /** @type {Map<number, number[]>} */
  const byCluster = new Map();
  /** @type {number[]} */
  const selected = [];
  const anySelected = s.selection.length > 0;
  for (let i = 0; i < list.nLinks; i++) {
    const v = list.links[i];
    const c = of(v);
    const key = c <= 0 ? c : ((c - 1) % Math.max(1, s.palette.length)) + 1;
    let arr = byCluster.get(key);
    if (!arr) byCluster.set(key, (arr = []));
    arr.push(v);
    if (anySelected && isSelected(s, v)) selected.push(v);
  }
  ctx.save();
  for (const [key, nodes] of byCluster) {
    ctx.fillStyle = colorOf(s, key);
    for (const v of nodes) fillLink(ctx, s, v, LINK_W);
  }
  for (const v of selected) {
    ctx.fillStyle = colorOf(s, of(v));
    fillLink(ctx, s, v, 2.5);
  }
  ctx.restore();
}

/**
 * A per-branch partition marks each cluster's node: a dot in the cluster's colour where its
 * subtree starts (the middle of its bar; a leaf's foot).
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 */
export function drawClusterMarks(ctx, s) {
  const { L, fr } = s;
  const nodes = s.clusters.nodes;
  if (!nodes) return;
  const [w0, w1] = [fr.win[0], fr.win[1]];
  ctx.save();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = s.theme.bg;
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i];
    if (L.start[v] + L.count[v] < w0 || L.start[v] > w1) continue;
    const [x, y] = fr.xy(fr.leafPos(L.x[v]), fr.heightPos(nodeHeight(L, v)));
    ctx.fillStyle = colorOf(s, i + 1);
    ctx.beginPath();
    ctx.arc(x, y, 4, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
export function drawHover(ctx, s) {
  const { L, fr, hover, dpr } = s;
  if (hover < 0 || hover >= L.count.length) return;
  ctx.save();
  ctx.strokeStyle = s.theme.accent;
  ctx.lineWidth = 2.5;
  ctx.lineCap = "round";
  ctx.beginPath();
  if (hover >= L.n) pathLink(ctx, s, hover, 2.5);
  const parent = L.parent[hover];
  if (parent >= 0) {
    // The branch leading to the node: its leg of the parent's U.
    const a = snap(fr.leafPos(L.x[hover]), dpr, 2.5);
    let [x, y] = fr.xy(a, fr.heightPos(nodeHeight(L, parent)));
    ctx.moveTo(x, y);
    [x, y] = fr.xy(a, fr.heightPos(nodeHeight(L, hover)));
    ctx.lineTo(x, y);
  }
  ctx.stroke();
  ctx.restore();
}
