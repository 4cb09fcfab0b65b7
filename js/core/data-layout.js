// Where the data beside the tree goes, for every orientation, as a clustermap puts it: strips
// and heatmap between the leaves and their labels (under the leaves for "top"), a column on the
// right with the legends and, for "top"/"bottom", the column tree and the names beside the
// heatmap's rows (for "left"/"right": names under the heatmap, the tree above it). The leaf
// axis keeps the width of the plot: the height axis' gutter is not widened. Pure geometry in
// CSS px; along the height axis the band grows away from the tree.
import { plotRect, shiftSide } from "./frame.js";

/** @typedef {import("./frame.js").Rect} Rect */
/** @typedef {import("./frame.js").Orientation} Orientation */

export const STRIP = 10; // strip thickness
const STRIP_GAP = 2;
const GAP = 4; // between the leaves, the strips, the heatmap and the labels
const MAX_CELL = 16; // heatmap column thickness: at most, and at least MIN_CELL
const MIN_CELL = 3;
const TREE = 26; // depth of the column tree
export const NARROW_PX = 560; // below this canvas width the legends are left out

/**
 * What is drawn beside the tree.
 * @typedef {object} DataShape
 * @property {number} strips    annotation strips
 * @property {number} columns   heatmap columns
 * @property {boolean} colTree  the heatmap's columns have a tree
 * @property {number} nameW     widest strip / column name, px (0: none)
 * @property {number} legendW   legend panel width, px (0: none)
 */

/**
 * @typedef {object} DataGeo
 * @property {number} band      px between the plot's leaf edge and the labels
 * @property {number} base      the plot's leaf edge along the height axis
 * @property {1 | -1} out       direction away from the tree along the height axis
 * @property {[number, number][]} strips  [from, to] of each strip along the height axis (from < to)
 * @property {[number, number][]} heat    [from, to] of each heatmap column
 * @property {number} cell      heatmap column thickness
 * @property {Rect | null} legend  the legend panel (top/bottom: above the band's rows)
 * @property {Rect | null} legendMore  where it goes on (top/bottom: below the band's rows)
 * @property {Rect | null} tree    the column tree's box
 * @property {boolean} vertical    leaf axis horizontal (top/bottom)
 * @property {number} names        top/bottom: x where the names start (right of the band)
 */

/**
 * The plot rectangle with room for the data beside it, and where that data goes.
 * @param {Orientation} o
 * @param {number} width
 * @param {number} height
 * @param {{title: boolean, labelBand: number, side?: import("./frame.js").LeafSide, leafTitle?: boolean}} opts
 * @param {DataShape} shape
 * @returns {{plot: Rect, geo: DataGeo}}
 */
export function dataPlot(o, width, height, opts, shape) {
  const vertical = o === "top" || o === "bottom";
  const head = opts.title ? 26 : 0;
  const treeW = shape.colTree ? TREE + 6 : 0;
  // A narrow cell keeps its width for the tree: no legend column, short column names.
  const narrow = width < NARROW_PX;
  const nameW = Math.min(shape.nameW, narrow ? 70 : vertical ? 160 : 120);
  const legendW = narrow ? 0 : shape.legendW;
  // The right column: legends, and for top/bottom also the column tree and the names at the
  // heatmap's rows (past the cut handle's 22 px, which sit beside the plot, not the band).
  const rightW = vertical && shape.columns + shape.strips > 0
    ? Math.max(legendW, treeW + nameW + 16 - 22)
    : legendW;
  const avail = vertical ? height - head - 22 - opts.labelBand - 6 : width - rightW - 16 - opts.labelBand - 6;
  const stripsLen = shape.strips > 0 ? shape.strips * (STRIP + STRIP_GAP) - STRIP_GAP : 0;
  let cell = 0;
  if (shape.columns > 0) {
    const room = Math.max(shape.columns * MIN_CELL, 0.45 * avail - stripsLen);
    cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor(room / shape.columns)));
  }
  const heatStart = GAP + stripsLen + (shape.strips > 0 && shape.columns > 0 ? GAP : 0);
  const any = shape.strips + shape.columns > 0;
  const band = any ? heatStart + shape.columns * cell + GAP : 0;
  const side = opts.side ? shiftSide(opts.side, band) : undefined;
  const plot = plotRect(o, width - rightW, height, {
    title: opts.title,
    labelBand: side ? opts.labelBand : opts.labelBand + band,
    side,
    leafTitle: opts.leafTitle,
  });
  if (!vertical) plot.h -= Math.max(0, nameW + 10 - 40); // names under the heatmap
  plot.w = Math.max(10, plot.w);
  plot.h = Math.max(10, plot.h);
  const out = o === "top" || o === "left" ? 1 : -1;
  const base = o === "top" ? plot.y + plot.h : o === "bottom" ? plot.y : o === "left" ? plot.x + plot.w : plot.x;
  /** @param {number} from @param {number} len @returns {[number, number]} */
  const span = (from, len) => {
    const a = base + out * from, b = base + out * (from + len);
    return [Math.min(a, b), Math.max(a, b)];
  };
  const strips = Array.from({ length: shape.strips }, (_, k) => span(GAP + k * (STRIP + STRIP_GAP), STRIP));
  const heat = Array.from({ length: shape.columns }, (_, j) => span(heatStart + j * cell, cell));
  const rows = [...strips, ...heat];
  const lo = Math.min(...rows.map((r) => r[0])), hi = Math.max(...rows.map((r) => r[1]));
  /** @type {Rect | null} */
  let tree = null;
  if (shape.colTree && heat.length > 1) {
    const h0 = Math.min(heat[0][0], heat[heat.length - 1][0]), h1 = Math.max(heat[0][1], heat[heat.length - 1][1]);
    tree = vertical
      ? { x: plot.x + plot.w + 6, y: h0, w: TREE, h: h1 - h0 }
      : { x: h0, y: Math.max(head, plot.y - TREE), w: h1 - h0, h: Math.min(TREE, plot.y - head) - 2 };
  }
  /** @type {Rect | null} */
  let legend = null;
  /** @type {Rect | null} */
  let legendMore = null;
  if (legendW > 0) {
    const x = width - rightW + 4, w = rightW - 8;
    const top = head + 8;
    if (!vertical || !any) legend = { x, y: top, w, h: height - top - 4 };
    else {
      // top/bottom: the names sit beside the band's rows; the legend above them, then below
      legend = { x, y: top, w, h: Math.max(0, lo - 8 - top) };
      legendMore = { x, y: hi + 8, w, h: Math.max(0, height - 4 - (hi + 8)) };
    }
  }
  const names = vertical ? plot.x + plot.w + 6 + treeW : 0;
  return { plot, geo: { band, base, out, strips, heat, cell, legend, legendMore, tree, vertical, names } };
}

/**
 * Which strip or heatmap column lies at `b` px along the height axis.
 * @param {DataGeo} geo
 * @param {number} b
 * @returns {{kind: "heatmap" | "strip", column: number} | null}
 */
export function bandAt(geo, b) {
  for (let j = 0; j < geo.heat.length; j++) if (b >= geo.heat[j][0] && b < geo.heat[j][1]) return { kind: "heatmap", column: j };
  for (let k = 0; k < geo.strips.length; k++) if (b >= geo.strips[k][0] && b < geo.strips[k][1]) return { kind: "strip", column: k };
  return null;
}
