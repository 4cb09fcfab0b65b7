// Leaf side of the plot: search-match ticks, leaf labels (shortened to fit), or a hint to zoom.
import { formatCount } from "../core/format.js";
import { outward } from "../core/frame.js";
import { isSelected } from "./scene.js";

/** @typedef {import("./scene.js").Scene} Scene */

/**
 * First index i with arr[i] >= v.
 * @param {Int32Array} arr
 * @param {number} v
 */
function lowerBound(arr, v) {
  let lo = 0, hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Search matches: a tick per matching leaf on the leaf side of the plot, at most one per
 * pixel (skipping ahead by binary search keeps it O(pixels) for a million matches).
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 */
export function drawMatches(ctx, s) {
  const { fr, matches } = s;
  if (!matches || matches.length === 0) return;
  const [x0, x1] = fr.win;
  const base = outward(fr, s.side.labels - 5); // just before the labels (past the band)
  const dir = fr.orientation === "top" || fr.orientation === "left" ? 1 : -1;
  ctx.save();
  ctx.fillStyle = s.theme.mark;
  let i = lowerBound(matches, Math.floor(x0));
  while (i < matches.length && matches[i] < x1) {
    const a = fr.leafPos(matches[i] + 0.5);
    const [x, y] = fr.xy(a - 1.5, dir > 0 ? base : base - 4);
    const [w, h] = fr.xy(3, 4);
    ctx.fillRect(x, y, w, h);
    i = Math.max(i + 1, lowerBound(matches, Math.floor(fr.leafAt(a + 2))));
  }
  ctx.restore();
}

/**
 * The label, shortened with an ellipsis to fit `max` px.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @param {string} text
 * @param {number} max
 */
function fit(ctx, s, text, max) {
  const key = `${ctx.font}\u0000${max}\u0000${text}`;
  const hit = s.fitCache.get(key);
  if (hit !== undefined) return hit;
  let out = text;
  if (ctx.measureText(text).width > max) {
    let lo = 0, hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(text.slice(0, mid) + "…").width <= max) lo = mid;
      else hi = mid - 1;
    }
    out = lo > 0 ? text.slice(0, lo) + "…" : "";
  }
  if (s.fitCache.size > 5000) s.fitCache.clear();
  s.fitCache.set(key, out);
  return out;
}

// Labels are drawn down to this many px per leaf (the font shrinks with them, as the tutorial's
// matplotlib figure does): below it they would overlap, and a hint to zoom takes their place.
const MIN_LABEL_PX = 4;

/**
 * Leaf labels where they fit: one per leaf once leaves are at least MIN_LABEL_PX apart.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @returns {number} labels drawn
 */
export function drawLabels(ctx, s) {
  const { L, fr, theme, labels, matches } = s;
  const [x0, x1] = fr.win;
  const pxPerLeaf = fr.leafLen / (x1 - x0);
  if (s.labelBand < 8) return 0;
  if (pxPerLeaf < MIN_LABEL_PX) {
    labelHint(ctx, s, Math.ceil(x1) - Math.floor(x0));
    return 0;
  }
  const size = Math.max(MIN_LABEL_PX, Math.min(theme.fontSize, Math.floor(pxPerLeaf)));
  const max = s.labelBand - 6;
  const lo = Math.max(0, Math.floor(x0)), hi = Math.min(L.n, Math.ceil(x1));
  const at = outward(fr, s.side.labels);
  ctx.save();
  ctx.font = `${size}px ${theme.font}`;
  ctx.textBaseline = "middle";
  const o = fr.orientation;
  const anySelected = s.selection.length > 0;
  let drawn = 0;
  for (let pos = lo; pos < hi; pos++) {
    const row = L.order[pos];
    const text = fit(ctx, s, labels.get(row), max);
    if (!text) continue;
    const a = fr.leafPos(pos + 0.5);
    const matched = matches !== null && matches.length > 0 && matches[lowerBound(matches, pos)] === pos;
    ctx.fillStyle = row === s.hover || (anySelected && isSelected(s, row)) ? theme.accentText : theme.fg;
    ctx.save();
    if (o === "top" || o === "bottom") {
      ctx.translate(a, at);
      ctx.rotate(-Math.PI / 2); // reads bottom to top, like leaf_rotation=90
      ctx.textAlign = o === "top" ? "right" : "left";
    } else {
      ctx.translate(at, a);
      ctx.textAlign = o === "left" ? "left" : "right";
    }
    if (matched) {
      const w = ctx.measureText(text).width;
      ctx.save();
      ctx.fillStyle = theme.mark;
      ctx.globalAlpha = pos === s.currentMatch ? 0.7 : 0.3; // the match Enter went to stands out
      const left = ctx.textAlign === "right" ? -w - 2 : -2;
      ctx.fillRect(left, -size / 2 - 2, w + 4, size + 4);
      ctx.restore();
    }
    ctx.fillText(text, 0, 0);
    ctx.restore();
    drawn++;
  }
  ctx.restore();
  return drawn;
}

/**
 * Too many leaves to label: say so where the labels would be, horizontally (wrapped to the
 * label band beside a vertical leaf axis).
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @param {number} visible
 */
function labelHint(ctx, s, visible) {
  const { fr, theme } = s;
  const p = fr.plot;
  const text = `${formatCount(Math.min(visible, s.L.n))} leaves · zoom in to read their labels`;
  ctx.save();
  ctx.fillStyle = theme.muted;
  ctx.font = `${theme.fontSize}px ${theme.font}`;
  ctx.textBaseline = "middle";
  ctx.textAlign = "center";
  const o = fr.orientation;
  if (o === "top" || o === "bottom") {
    ctx.fillText(text, p.x + p.w / 2, outward(fr, s.side.labels + 10), p.w);
  } else {
    const width = s.labelBand - 4;
    const lines = wrap(ctx, text, width);
    const mid = outward(fr, s.side.labels + s.labelBand / 2);
    const line = theme.fontSize + 3;
    lines.forEach((t, i) => ctx.fillText(t, mid, p.y + p.h / 2 + (i - (lines.length - 1) / 2) * line, width));
  }
  ctx.restore();
}

/**
 * Words into lines no wider than `max` px (a word wider than that gets a line of its own).
 * @param {CanvasRenderingContext2D} ctx
 * @param {string} text
 * @param {number} max
 */
function wrap(ctx, text, max) {
  /** @type {string[]} */
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > max) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Labels sampled for the band, and how many of the longest of them are measured. */
const SAMPLE = 1000, MEASURED = 100;

/**
 * Length of a label counting wide characters (CJK, emoji: code points from U+1100) double.
 * @param {string} s
 */
function textWeight(s) {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) >= 0x1100 ? 2 : 1;
  return w;
}

/**
 * Leaf label band: the widest of a sample of labels, within limits (a share of the canvas).
 * Only the longest MEASURED of the sample are measured: measureText is the cost (about 35 µs a
 * call in headless Chromium, a third of a million-leaf tree's first draw for 1,000 calls).
 * @param {CanvasRenderingContext2D} ctx
 * @param {import("../core/theme.js").Theme} theme
 * @param {import("../core/decode.js").Labels} labels
 * @param {number} n  number of leaves
 * @param {import("../core/frame.js").Orientation} o
 * @param {number} cssH  canvas height, CSS px
 * @param {number} cssW  canvas width, CSS px (0 before the first frame)
 */
export function measureLabelBand(ctx, theme, labels, n, o, cssH, cssW) {
  ctx.font = `${theme.fontSize}px ${theme.font}`;
  // A sample, not every label: a million measureText calls would stall the first frame.
  const k = Math.min(n, SAMPLE);
  let sample = Array.from({ length: k }, (_, i) => labels.get(k === n ? i : Math.floor((i * n) / k)));
  if (sample.length > MEASURED) {
    sample = sample.map((s) => ({ s, w: textWeight(s) })).sort((a, b) => b.w - a.w).slice(0, MEASURED).map((e) => e.s);
  }
  let w = 0;
  for (const s of sample) w = Math.max(w, ctx.measureText(s).width);
  const vertical = o === "top" || o === "bottom";
  const cap = vertical ? Math.min(150, cssH * 0.3) : Math.min(220, (cssW || 640) * 0.3);
  // Beside a vertical leaf axis the band also holds the zoom hint, wrapped: room for 3 lines.
  return Math.round(Math.max(vertical ? 24 : Math.min(cap, 100), Math.min(cap, w + 12)));
}
