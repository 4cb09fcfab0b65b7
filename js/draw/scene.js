// Entry of the drawing modules (the draw-*.js files are the only ones that touch the canvas):
// one frame of the dendrogram from a scene, layer by layer, back to front.
import { drawAxis, drawTitle } from "./axis.js";
import { drawCut } from "./cut.js";
import { drawLabels, drawMatches } from "./labels.js";
import { drawBlocks, drawHover, drawLinks, drawSelectionBands } from "./tree.js";

/**
 * @typedef {object} Scene
 * @property {import("../core/layout.js").Layout} L
 * @property {import("../core/decode.js").Labels} labels
 * @property {import("../core/frame.js").Frame} fr
 * @property {import("../core/cull.js").DrawList} list
 * @property {number} width         CSS px
 * @property {number} height        CSS px
 * @property {number} dpr
 * @property {number | null} cut
 * @property {Int32Array} ids       cluster id per drawn position for `cut`
 * @property {number} k             number of clusters
 * @property {string[]} palette
 * @property {number[]} selection
 * @property {Int32Array | null} matches  drawn positions whose label matches the search (sorted)
 * @property {number} hover         node under the pointer, -1 for none
 * @property {boolean} cutHot       the cut line is hovered or dragged
 * @property {string} title
 * @property {string} axisLabel
 * @property {number} labelBand     px reserved for leaf labels
 * @property {number} fullTop       top of the full height axis
 * @property {import("../core/theme.js").Theme} theme
 * @property {Map<string, string>} fitCache  labels shortened to fit, by width
 */

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

  drawMatches(ctx, s);
  drawLabels(ctx, s);
  drawCut(ctx, s);
}
