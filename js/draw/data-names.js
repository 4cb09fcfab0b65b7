// Names of the strips and heatmap columns beside their bands (right of them for top/bottom, under
// them for left/right; every few when the columns are too thin to label each), and the small
// tree of the heatmap's columns at its far end. Names are data: drawn as text only.
import { measureLegend } from "./legend.js";
import { fitText, rowBands } from "./data-util.js";

/** @typedef {import("./scene.js").Scene} Scene */
/** @typedef {import("./data-scene.js").DataScene} DataScene */
/** @typedef {import("../core/heatmap-cells.js").DataPrep} DataPrep */


/** Column and strip names, in the order of their bands. @param {DataPrep} prep */
function names(prep) {
  return [...(prep.heatmap?.columns ?? []).map((c) => c.name), ...prep.strips.map((s) => s.col.name)];
}

/**
 * Room the data needs beside the plot: the widest strip / column name and the legend panel.
 * @param {CanvasRenderingContext2D} ctx @param {import("../core/theme.js").Theme} theme @param {DataPrep} prep
 */
export function measureData(ctx, theme, prep) {
  ctx.font = `${theme.fontSize}px ${theme.font}`;
  const nameW = Math.ceil(Math.max(0, ...names(prep).map((t) => ctx.measureText(t).width)));
  return { nameW, legendW: measureLegend(ctx, theme, prep) };
}

/**
 * The names beside their bands: left of them for top/bottom, under them for left/right.
 * @param {CanvasRenderingContext2D} ctx @param {Scene} s @param {DataScene} d
 */
export function drawNames(ctx, s, d) {
  const { fr, theme } = s;
  const p = fr.plot;
  const bands = rowBands(d);
  const all = names(d.prep);
  const thin = d.geo.cell > 0 && d.geo.cell < 7 ? Math.ceil(7 / d.geo.cell) : 1;
  ctx.save();
  ctx.fillStyle = theme.muted;
  ctx.textBaseline = "middle";
  bands.forEach(([b0, b1], r) => {
    const heat = r < d.geo.heat.length;
    if (heat && r % thin !== 0) return; // too thin to label each: every few, hover names the rest
    const size = Math.max(7, Math.min(theme.fontSize, Math.floor(b1 - b0) + 2));
    ctx.font = `${size}px ${theme.font}`;
    const mid = (b0 + b1) / 2;
    if (fr.vertical) {
      ctx.textAlign = "left";
      ctx.fillText(fitText(ctx, all[r], Math.max(20, s.width - d.geo.names - 4)), d.geo.names, mid);
    } else {
      ctx.save();
      ctx.translate(mid, p.y + p.h + 6);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = "right";
      ctx.fillText(fitText(ctx, all[r], Math.max(20, s.height - p.y - p.h - 10)), 0, 0);
      ctx.restore();
    }
  });
  ctx.restore();
}

/**
 * The heatmap columns' own tree, small, at the far end of the heatmap.
 * @param {CanvasRenderingContext2D} ctx @param {Scene} s @param {DataScene} d
 */
export function drawColumnTree(ctx, s, d) {
  const T = d.colTree, box = d.geo.tree;
  if (!T || !box || T.n < 2 || !(T.top > 0)) return;
  const heat = d.geo.heat, cell = d.geo.cell, out = d.geo.out;
  /** Column units (j + 0.5 is column j's centre) -> px along the height axis. @param {number} u */
  const colPos = (u) => (out > 0 ? heat[0][0] + u * cell : heat[0][1] - u * cell);
  /** @param {number} h */
  const depth = (h) => (h / T.top) * (d.geo.vertical ? box.w : box.h);
  /** (column units, height) -> canvas px. @param {number} u @param {number} h @returns {[number, number]} */
  const at = (u, h) => (d.geo.vertical ? [box.x + depth(h), colPos(u)] : [colPos(u), box.y + box.h - depth(h)]);
  ctx.save();
  ctx.strokeStyle = s.theme.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 0; i < T.n - 1; i++) {
    const l = T.left[i], r = T.right[i];
    const hl = l < T.n ? 0 : T.height[l - T.n], hr = r < T.n ? 0 : T.height[r - T.n], h = T.height[i];
    ctx.moveTo(...at(T.x[l], hl));
    ctx.lineTo(...at(T.x[l], h));
    ctx.lineTo(...at(T.x[r], h));
    ctx.lineTo(...at(T.x[r], hr));
  }
  ctx.stroke();
  ctx.restore();
}

