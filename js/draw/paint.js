// Entry of the drawing (draw/ is the only code that touches a canvas): one frame of the
// dendrogram from a scene, layer by layer, back to front.
import { drawAxis, drawTitle } from "./axis.js";
import { drawCut } from "./cut.js";
import { drawData } from "./heatmap.js";
import { drawLabels, drawMatches } from "./labels.js";
import { drawBlocks, drawHover, drawLinks, drawSelectionBands } from "./tree.js";

/** @typedef {import("./scene.js").Scene} Scene */

/**
 * Draw one frame.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 */
export function drawScene(ctx, s) {
  const { theme, fr, width, height, dpr } = s;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.font = `${theme.fontSize}px ${theme.font}`;
  if (s.L.n === 0) return;
  drawTitle(ctx, s);
  drawAxis(ctx, s);

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
  drawHover(ctx, s);
  ctx.restore();

  drawData(ctx, s); // heatmap, strips and legends beside the tree
  drawMatches(ctx, s);
  drawLabels(ctx, s);
  drawCut(ctx, s);
}
