// The data beside the tree: annotation strips and the heatmap (one cell per leaf zoomed in, the
// mean or most common value of the rows under each pixel zoomed out), missing cells hatched,
// gaps between clusters (split); then the groups being compared, the names and the column tree
// (draw/data-names.js) and the legend panel (draw/legend.js).
// Cells are drawn as one small image per row, scaled along the leaf axis (a frame costs what
// is visible in pixels); a vector backend (scene.data.raster = false) gets runs of rectangles.
import { cellColors, computeCells } from "../core/heatmap-cells.js";
import { parseColor } from "../core/colormap.js";
import { drawColumnTree, drawNames } from "./data-names.js";
import { drawGroups } from "./groups.js";
import { rectAB, rowBands } from "./data-util.js";
import { drawLegend } from "./legend.js";

/** @typedef {import("./scene.js").Scene} Scene */
/** @typedef {import("./data-scene.js").DataScene} DataScene */
/** @typedef {import("./data-scene.js").DataCache} DataCache */
/** @typedef {import("../core/heatmap-cells.js").DataPrep} DataPrep */
/** @typedef {import("../core/heatmap-cells.js").Cells} Cells */
/** @typedef {import("../core/colormap.js").RGB} RGB */

/**
 * The cells of the frame's window: reused while the window, the data and the background are
 * unchanged (a cut, a hover, a selection redraw nothing here).
 * @param {Scene} s
 * @param {DataScene} d
 * @returns {Required<Pick<DataCache, "cells" | "colors">> & DataCache}
 */
export function frameCells(s, d) {
  const { fr } = s;
  const [x0, x1] = fr.win;
  const key = `${x0},${x1},${Math.round(fr.leafLen)},${s.theme.bg}`;
  const c = d.cache;
  if (c.key !== key || !c.cells || !c.colors) {
    const cells = computeCells(d.prep, x0, x1, fr.leafLen);
    const bg = parseColor(s.theme.bg) ?? [255, 255, 255];
    c.key = key;
    c.cells = cells;
    c.colors = cellColors(d.prep, cells, bg);
    c.image = null;
  }
  return /** @type {any} */ (c);
}

/**
 * The leaf-axis extent [a0, a1] (px) the cells cover.
 * @param {Scene} s @param {Cells} cells
 */
function extent(s, cells) {
  return [s.fr.leafPos(cells.p0), s.fr.leafPos(cells.p1)];
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {number} w
 * @param {number} h
 */
function makeCanvas(ctx, w, h) {
  if (typeof OffscreenCanvas === "function") return new OffscreenCanvas(w, h);
  const c = ctx.canvas.ownerDocument.createElement("canvas");
  c.width = w;
  c.height = h;
  return c;
}

/**
 * The colour table as a canvas: cells along x for top/bottom, along y for left/right.
 * @param {CanvasRenderingContext2D} ctx @param {DataCache} c @param {boolean} vertical
 */
function imageOf(ctx, c, vertical) {
  if (c.image) return c.image;
  const { nb } = /** @type {Cells} */ (c.cells);
  const { rgba, rows } = /** @type {NonNullable<DataCache["colors"]>} */ (c.colors);
  const w = vertical ? nb : rows, h = vertical ? rows : nb;
  const img = new ImageData(w, h);
  if (vertical) img.data.set(rgba);
  else {
    const src = new Uint32Array(rgba.buffer), dst = new Uint32Array(img.data.buffer);
    for (let r = 0; r < rows; r++) for (let b = 0; b < nb; b++) dst[b * rows + r] = src[r * nb + b];
  }
  // One scratch canvas per view, resized when the table's shape changes (a new canvas and
  // context per frame cost more than filling the cells, measured in Chromium).
  if (!c.scratch || c.scratch.width !== w || c.scratch.height !== h) {
    c.scratch = c.scratch ?? makeCanvas(ctx, w, h);
    c.scratch.width = w;
    c.scratch.height = h;
    c.scratchCtx = c.scratch.getContext("2d");
  }
  c.scratchCtx.putImageData(img, 0, 0);
  c.image = c.scratch;
  return c.scratch;
}

/**
 * Strips and heatmap cells, missing cells hatched.
 * @param {CanvasRenderingContext2D} ctx @param {Scene} s @param {DataScene} d
 */
function drawCells(ctx, s, d) {
  const c = frameCells(s, d);
  const { cells, colors } = c;
  if (cells.nb === 0) return;
  const [a0, a1] = extent(s, cells);
  const bands = rowBands(d);
  const { fr } = s;
  ctx.save();
  // Along the leaf axis the cells stay inside the plot (a leaf half out of view is cut).
  ctx.beginPath();
  const p = fr.plot;
  const lo = fr.vertical ? p.x : p.y, hi = lo + fr.leafLen;
  rectAB(ctx, s, lo, hi, Math.min(...bands.flat()), Math.max(...bands.flat()));
  ctx.clip();
  if (d.raster) {
    const image = imageOf(ctx, c, fr.vertical);
    ctx.imageSmoothingEnabled = false;
    bands.forEach(([b0, b1], r) => {
      const [x, y] = fr.xy(a0, b0);
      const [w, h] = fr.xy(a1 - a0, b1 - b0);
      if (fr.vertical) ctx.drawImage(image, 0, r, cells.nb, 1, x, y, w, h);
      else ctx.drawImage(image, r, 0, 1, cells.nb, x, y, w, h);
    });
  } else {
    drawRuns(ctx, s, cells, colors.rgba, bands, a0, a1);
  }
  hatchMissing(ctx, s, cells, colors.missing, bands, a0, a1);
  ctx.restore();
}

/**
 * Vector fallback: runs of equal colour as rectangles.
 * @param {CanvasRenderingContext2D} ctx @param {Scene} s @param {Cells} cells
 * @param {Uint8ClampedArray} rgba @param {[number, number][]} bands @param {number} a0 @param {number} a1
 */
function drawRuns(ctx, s, cells, rgba, bands, a0, a1) {
  const nb = cells.nb, step = (a1 - a0) / nb;
  bands.forEach(([b0, b1], r) => {
    let start = 0;
    for (let b = 1; b <= nb; b++) {
      const i = (r * nb + start) * 4, j = (r * nb + b) * 4;
      if (b < nb && rgba[i] === rgba[j] && rgba[i + 1] === rgba[j + 1] && rgba[i + 2] === rgba[j + 2]) continue;
      ctx.fillStyle = `rgb(${rgba[i]}, ${rgba[i + 1]}, ${rgba[i + 2]})`;
      ctx.beginPath();
      rectAB(ctx, s, a0 + start * step, a0 + b * step, b0, b1);
      ctx.fill();
      start = b;
    }
  });
}

/**
 * Diagonal hatching over runs of missing cells: missing is never a colour of a map.
 * @param {CanvasRenderingContext2D} ctx @param {Scene} s @param {Cells} cells
 * @param {Uint8Array} missing @param {[number, number][]} bands @param {number} a0 @param {number} a1
 */
function hatchMissing(ctx, s, cells, missing, bands, a0, a1) {
  const nb = cells.nb, step = (a1 - a0) / nb;
  let any = false;
  ctx.beginPath();
  bands.forEach(([b0, b1], r) => {
    for (let b = 0; b < nb; b++) {
      if (!missing[r * nb + b]) continue;
      let e = b + 1;
      while (e < nb && missing[r * nb + e]) e++;
      rectAB(ctx, s, a0 + b * step, a0 + e * step, b0, b1);
      any = true;
      b = e;
    }
  });
  if (!any) return;
  ctx.save();
  ctx.clip();
  ctx.strokeStyle = s.theme.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const { width, height } = s;
  for (let t = -height; t < width; t += 5) {
    ctx.moveTo(t, height);
    ctx.lineTo(t + height, 0);
  }
  ctx.stroke();
  ctx.restore();
}

/**
 * Drawn positions where a cluster starts (p > 0 with ids[p] != ids[p - 1]), found once per cut.
 * @param {DataCache} c @param {Int32Array} ids
 */
function boundaries(c, ids) {
  if (c.ids === ids && c.bounds) return c.bounds;
  let k = 0;
  for (let p = 1; p < ids.length; p++) if (ids[p] !== ids[p - 1]) k++;
  const out = new Int32Array(k);
  k = 0;
  for (let p = 1; p < ids.length; p++) if (ids[p] !== ids[p - 1]) out[k++] = p;
  c.ids = ids;
  c.bounds = out;
  return out;
}

/**
 * split=True: a background-coloured gap at every cluster boundary in view (where they are at
 * least a few pixels apart), across the strips and the heatmap.
 * @param {CanvasRenderingContext2D} ctx @param {Scene} s @param {DataScene} d
 */
function drawSplits(ctx, s, d) {
  if (!d.split || s.k < 2) return; // whatever made the partition: boundaries of s.ids
  const bounds = boundaries(d.cache, s.ids);
  const { fr } = s;
  const [x0, x1] = fr.win;
  const bands = rowBands(d).flat();
  const b0 = Math.min(...bands), b1 = Math.max(...bands);
  let i = 0, hi = bounds.length;
  while (i < hi) { const m = (i + hi) >> 1; if (bounds[m] <= x0) i = m + 1; else hi = m; }
  ctx.save();
  ctx.fillStyle = s.theme.bg;
  let last = -Infinity;
  ctx.beginPath();
  for (; i < bounds.length && bounds[i] < x1; i++) {
    const a = fr.leafPos(bounds[i]);
    if (a - last < 6) continue; // denser than this, gaps would hide the data
    rectAB(ctx, s, a - 1.5, a + 1.5, b0 - 1, b1 + 1);
    last = a;
  }
  ctx.fill();
  ctx.restore();
}

/**
 * Everything beside the tree (nothing when there is no data).
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 */
export function drawData(ctx, s) {
  const d = s.data;
  if (!d) return;
  drawCells(ctx, s, d);
  drawSplits(ctx, s, d);
  drawGroups(ctx, s, d);
  drawNames(ctx, s, d);
  drawColumnTree(ctx, s, d);
  drawLegend(ctx, s, d);
}
