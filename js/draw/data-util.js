// Helpers shared by the drawing of the data beside the tree: the bands of the colour table's
// rows, a rectangle given along the leaf and height axes, names shortened to fit.

/** @typedef {import("./scene.js").Scene} Scene */
/** @typedef {import("./data-scene.js").DataScene} DataScene */

/** Rows of the colour table (heatmap columns, then strips) with their band along the height axis.
 * @param {DataScene} d @returns {[number, number][]} */
export function rowBands(d) {
  return [...d.geo.heat, ...d.geo.strips];
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @param {number} a0 @param {number} a1 @param {number} b0 @param {number} b1
 */
export function rectAB(ctx, s, a0, a1, b0, b1) {
  const [x, y] = s.fr.xy(Math.min(a0, a1), Math.min(b0, b1));
  const [w, h] = s.fr.xy(Math.abs(a1 - a0), Math.abs(b1 - b0));
  ctx.rect(x, y, w, h);
}


/**
 * `text` shortened with an ellipsis to fit `max` px in the context's current font.
 * @param {CanvasRenderingContext2D} ctx
 * @param {string} text
 * @param {number} max
 */
export function fitText(ctx, text, max) {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0, hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(text.slice(0, mid) + "…").width <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? text.slice(0, lo) + "…" : "";
}
