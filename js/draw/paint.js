// Entry of the drawing (draw/ is the only code that touches a canvas): one frame of the
// dendrogram from a scene, layer by layer, back to front.
import { drawAxis, drawLeafTitle, drawTitle } from "./axis.js";
import { drawBand } from "./band.js";
import { drawBrush } from "./brush.js";
import { drawCut } from "./cut.js";
import { drawData } from "./heatmap.js";
import { drawLabels, drawMatches } from "./labels.js";
import { drawStrip } from "./strip.js";
import { drawBlocks, drawClusterMarks, drawHover, drawLinks, drawSelectionBands } from "./tree.js";

/** @typedef {import("./scene.js").Scene} Scene */

/**
 * Draw one frame; returns what it drew that the view reports (the number of leaf labels).
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @returns {{labels: number}}
 */
export function drawScene(ctx, s) {
  const { theme, fr, width, height, dpr } = s;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.font = `${theme.fontSize}px ${theme.font}`;
  if (s.L.n === 0) return { labels: 0 };
  drawTitle(ctx, s);
  drawAxis(ctx, s);
  drawLeafTitle(ctx, s);

  const p = fr.plot;
  ctx.save();
  ctx.beginPath();
  // Clip to the plot, with room for the strokes at its edges.
  if (fr.vertical) ctx.rect(p.x - 3, p.y - 3, p.w + 6, p.h + 3 + (fr.orientation === "top" ? 1 : 0));
  else ctx.rect(p.x - 3, p.y - 3, p.w + 3, p.h + 6);
  ctx.clip();
  drawSelectionBands(ctx, s);
  drawBlocks(ctx, s);
  drawLinks(ctx, s);
  drawClusterMarks(ctx, s);
  if (!s.exporting) drawHover(ctx, s);
  drawStrip(ctx, s);
  drawBrush(ctx, s);
  ctx.restore();

  drawData(ctx, s); // heatmap, strips and legends beside the tree
  drawBand(ctx, s);
  drawMatches(ctx, s);
  const labels = drawLabels(ctx, s);
  drawCut(ctx, s);
  return { labels };
}
