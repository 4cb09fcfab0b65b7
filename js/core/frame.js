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

/**
 * The plot area inside a canvas of width x height CSS px: room for the title, the height axis,
 * the leaf labels (`labelBand` px) and the cut handle.
 * @param {Orientation} o
 * @param {number} width
 * @param {number} height
 * @param {{title: boolean, labelBand: number}} opts
 * @returns {Rect}
 */
export function plotRect(o, width, height, { title, labelBand }) {
  const head = title ? 26 : 0;
  const axis = 58; // tick labels and the axis title beside a vertical height axis
  const axisBelow = 40; // the same under a horizontal one
  const handle = 22; // the cut handle and its readout past the end of the cut line
  let m;
  if (o === "top") m = { l: axis, r: handle, t: head + 22, b: labelBand + 6 };
  else if (o === "bottom") m = { l: axis, r: handle, t: head + labelBand + 6, b: 22 };
  else if (o === "left") m = { l: 16, r: labelBand + 6, t: head + handle, b: axisBelow };
  else m = { l: labelBand + 6, r: 16, t: head + handle, b: axisBelow };
  return { x: m.l, y: m.t, w: Math.max(10, width - m.l - m.r), h: Math.max(10, height - m.t - m.b) };
}
