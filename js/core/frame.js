// Data <-> pixel mapping of one frame, for every orientation. The leaf axis runs left to right
// (top/bottom) or top to bottom (left/right); the height axis grows away from the leaves.

/** @typedef {"top" | "bottom" | "left" | "right"} Orientation */
/** @typedef {{x: number, y: number, w: number, h: number}} Rect */

/**
 * @typedef {object} Frame
 * @property {Orientation} orientation
 * @property {boolean} vertical        leaf axis horizontal (top/bottom orientation)
 * @property {Rect} plot               plot area in CSS px
 * @property {import("./zoom.js").Window} win
 * @property {number} leafLen          plot length along the leaf axis (px)
 * @property {number} heightLen        plot length along the height axis (px)
 * @property {(u: number) => number} leafPos     leaf units -> px along the leaf axis
 * @property {(h: number) => number} heightPos   height -> px along the height axis
 * @property {(a: number, b: number) => [number, number]} xy  (leaf px, height px) -> (x, y)
 * @property {(x: number, y: number) => [number, number]} ab  (x, y) -> (leaf px, height px)
 * @property {(a: number) => number} leafAt      px along the leaf axis -> leaf units
 * @property {(b: number) => number} heightAt    px along the height axis -> height
 */

/**
 * @param {Orientation} orientation
 * @param {Rect} plot
 * @param {import("./zoom.js").Window} win
 * @returns {Frame}
 */
export function makeFrame(orientation, plot, win) {
  const vertical = orientation === "top" || orientation === "bottom";
  const leafLen = vertical ? plot.w : plot.h;
  const heightLen = vertical ? plot.h : plot.w;
  const leaf0 = vertical ? plot.x : plot.y;
  const [x0, x1, y0, y1] = win;
  const ku = leafLen / (x1 - x0);
  const kh = heightLen / (y1 - y0);
  // Where height y0 sits and which way heights grow.
  const up = orientation === "top" || orientation === "left" ? -1 : 1;
  const base = orientation === "top" ? plot.y + plot.h
    : orientation === "bottom" ? plot.y
      : orientation === "left" ? plot.x + plot.w
        : plot.x;
  /** @param {number} u */
  const leafPos = (u) => leaf0 + (u - x0) * ku;
  /** @param {number} h */
  const heightPos = (h) => base + up * (h - y0) * kh;
  return {
    orientation,
    vertical,
    plot,
    win,
    leafLen,
    heightLen,
    leafPos,
    heightPos,
    xy: (a, b) => (vertical ? [a, b] : [b, a]),
    ab: (x, y) => (vertical ? [x, y] : [y, x]),
    leafAt: (a) => x0 + (a - leaf0) / ku,
    heightAt: (b) => y0 + (b - base) / (up * kh),
  };
}

/** Thickness of the cluster band, px. */
export const BAND_PX = 12;
/** Room for the leaf-axis title beyond the labels, px. */
export const LEAF_TITLE_PX = 16;

/**
 * Offsets outward from the plot's leaf edge (below it for "top"), in px. The band's room is kept
 * whether or not it is drawn: setting or clearing a cut must not move the tree.
 * @typedef {object} LeafSide
 * @property {boolean} shown    the cluster band is drawn (a partition is shown)
 * @property {number} bandFrom  where the cluster band starts
 * @property {number} bandTo    ... and ends
 * @property {number} labels    where the leaf labels start
 */

/**
 * @param {boolean} shown  a partition is shown: the band of cluster colours is drawn
 * @returns {LeafSide}
 */
export function leafSide(shown) {
  return { shown, bandFrom: 2, bandTo: 2 + BAND_PX, labels: 2 + BAND_PX + 6 };
}

/**
 * The leaf side moved `by` px outward (the heatmap and strips take the room next to the leaves).
 * @param {LeafSide} side
 * @param {number} by
 * @returns {LeafSide}
 */
export function shiftSide(side, by) {
  return { ...side, bandFrom: side.bandFrom + by, bandTo: side.bandTo + by, labels: side.labels + by };
}

/**
 * Position along the height axis (px), `off` px outward from the plot's leaf edge: where the
 * band, the labels and the leaf-axis title go (drawing and hit testing alike).
 * @param {Frame} fr
 * @param {number} off
 */
export function outward(fr, off) {
  const p = fr.plot;
  switch (fr.orientation) {
    case "top": return p.y + p.h + off;
    case "bottom": return p.y - off;
    case "left": return p.x + p.w + off;
    default: return p.x - off;
  }
}

/**
 * How far outward from the leaf edge a point lies (px; negative: inside the plot).
 * @param {Frame} fr
 * @param {number} b  px along the height axis
 */
export function outwardOf(fr, b) {
  const o = fr.orientation;
  return o === "top" || o === "left" ? b - outward(fr, 0) : outward(fr, 0) - b;
}

/**
 * The plot area inside a canvas of width x height CSS px: room for the title, the height axis,
 * the leaf side (cluster band, `labelBand` px of labels, the leaf-axis title) and the cut handle.
 * @param {Orientation} o
 * @param {number} width
 * @param {number} height
 * @param {{title: boolean, labelBand: number, side?: LeafSide, leafTitle?: boolean}} opts
 * @returns {Rect}
 */
export function plotRect(o, width, height, { title, labelBand, side, leafTitle }) {
  const head = title ? 26 : 0;
  const axis = 58; // tick labels and the axis title beside a vertical height axis
  const axisBelow = 40; // the same under a horizontal one
  const handle = 22; // the cut handle and its readout past the end of the cut line
  const leaves = labelBand + (side ? side.labels : 6) + (leafTitle ? LEAF_TITLE_PX : 0);
  let m;
  if (o === "top") m = { l: axis, r: handle, t: head + 22, b: leaves };
  else if (o === "bottom") m = { l: axis, r: handle, t: head + leaves, b: 22 };
  else if (o === "left") m = { l: 16, r: leaves, t: head + handle, b: axisBelow };
  else m = { l: leaves, r: 16, t: head + handle, b: axisBelow };
  return { x: m.l, y: m.t, w: Math.max(10, width - m.l - m.r), h: Math.max(10, height - m.t - m.b) };
}

/** Canvas height when the model leaves it to the view (height None): 420 px for "top" and
 * "bottom"; for "left" and "right" tall enough for a line of text per leaf, up to 1200 px. */
export const AUTO_HEIGHT = { base: 420, cap: 1200 };

/**
 * @param {Orientation} o
 * @param {number} n  leaves
 * @param {number} fontSize  px
 * @param {boolean} title
 */
export function autoHeight(o, n, fontSize, title) {
  if (o === "top" || o === "bottom") return AUTO_HEIGHT.base;
  const margins = (title ? 26 : 0) + 22 + 40; // title, cut handle, height axis below
  return Math.max(AUTO_HEIGHT.base, Math.min(AUTO_HEIGHT.cap, Math.ceil(n * (fontSize + 1) + margins)));
}
