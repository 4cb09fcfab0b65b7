// The groups the explain panel talks about, marked where the data is: each selected subtree
// outlined across the strips and heatmap (accent colour), and in compare mode the subtrees the
// selection is compared with (search-mark colour), shaded on the tree as well.
import { rectAB, rowBands } from "./data-util.js";

/** @typedef {import("./scene.js").Scene} Scene */
/** @typedef {import("./data-scene.js").DataScene} DataScene */

/**
 * @param {CanvasRenderingContext2D} ctx @param {Scene} s @param {DataScene} d
 */
export function drawGroups(ctx, s, d) {
  const { L, fr, theme } = s;
  const bands = rowBands(d).flat();
  if (bands.length === 0) return;
  const b0 = Math.min(...bands) - 1.5, b1 = Math.max(...bands) + 1.5;
  const p = fr.plot, lo = fr.vertical ? p.x : p.y, hi = lo + fr.leafLen;
  const valid = (/** @type {number} */ v) => v >= 0 && v < L.count.length;
  /** @param {number[]} nodes @param {string} color */
  const outline = (nodes, color) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    for (const v of nodes) {
      if (!valid(v)) continue;
      const a0 = Math.max(lo, fr.leafPos(L.start[v])), a1 = Math.min(hi, fr.leafPos(L.start[v] + L.count[v]));
      if (a1 <= a0) continue;
      ctx.beginPath();
      rectAB(ctx, s, a0, Math.max(a1, a0 + 2), b0, b1);
      ctx.stroke();
    }
  };
  ctx.save();
  if (d.target.length > 0) {
    // The compared subtrees, shaded from the leaves up to their top merge.
    ctx.save();
    ctx.beginPath();
    ctx.rect(p.x, p.y, p.w, p.h);
    ctx.clip();
    ctx.fillStyle = theme.mark;
    ctx.globalAlpha = 0.14;
    for (const v of d.target) {
      if (!valid(v)) continue;
      const a0 = fr.leafPos(L.start[v]), a1 = fr.leafPos(L.start[v] + L.count[v]);
      ctx.beginPath();
      rectAB(ctx, s, a0, Math.max(a1, a0 + 1), fr.heightPos(0), fr.heightPos(L.maxh[v] + (s.fullTop / 1.05) * 0.02));
      ctx.fill();
    }
    ctx.restore();
    outline(d.target, theme.mark);
  }
  outline(s.selection, theme.accent);
  ctx.restore();
}
