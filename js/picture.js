// Pictures to save: the current scene drawn again without the grab handle and the hover, as a
// PNG at twice the screen's resolution (or the device's, when higher) or as an SVG document
// (draw/svg.js records the same drawing as vector shapes and text).
import { drawScene } from "./draw/paint.js";
import { svgContext } from "./draw/svg.js";

/** @typedef {import("./draw/scene.js").Scene} Scene */

/** @param {Scene} s @param {number} dpr @returns {Scene} */
const forExport = (s, dpr) => ({ ...s, dpr, hover: -1, cutHot: false, brush: null, exporting: true });

/**
 * @param {Scene} s  the scene as the view last built it
 * @returns {Promise<Blob | null>}
 */
export function pngOf(s) {
  const scale = Math.max(2, Math.min(4, globalThis.devicePixelRatio || 1));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(s.width * scale);
  canvas.height = Math.round(s.height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) return Promise.resolve(null);
  drawScene(ctx, forExport(s, scale));
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}

/**
 * @param {Scene} s
 * @param {{font: string, measureText: (text: string) => {width: number}}} measurer  text widths
 * @returns {string}
 */
export function svgOf(s, measurer) {
  const doc = svgContext(s.width, s.height, measurer);
  const vector = forExport(s, 1);
  // Heatmap cells as rectangles, not images: the recording context draws vectors only.
  if (vector.data) vector.data = { ...vector.data, raster: false };
  drawScene(/** @type {any} */ (doc.ctx), vector);
  return doc.toString();
}
