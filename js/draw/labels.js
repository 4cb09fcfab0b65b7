// Leaf side of the plot: search-match ticks, leaf labels (shortened to fit), or a hint to zoom.
import { formatCount } from "../core/format.js";
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
  const base = fr.heightPos(0);
  const dir = fr.orientation === "top" || fr.orientation === "left" ? 1 : -1;
  ctx.save();
  ctx.fillStyle = s.theme.mark;
  let i = lowerBound(matches, Math.floor(x0));
  while (i < matches.length && matches[i] < x1) {
    const a = fr.leafPos(matches[i] + 0.5);
    const [x, y] = fr.xy(a - 1.5, dir > 0 ? base + 1 : base - 5);
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

const MIN_LABEL_PX = 6;

/**
 * Leaf labels where they fit: one per leaf once leaves are at least a line of text apart.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 */
export function drawLabels(ctx, s) {
  const { L, fr, theme, labels, matches } = s;
  const [x0, x1] = fr.win;
  const pxPerLeaf = fr.leafLen / (x1 - x0);
  const p = fr.plot;
  if (s.labelBand < 8) return;
  // Dense leaves get a smaller font, down to the smallest size still legible (as the
  // tutorial's matplotlib plot does); denser than that, a hint to zoom instead.
  if (pxPerLeaf < MIN_LABEL_PX) {
    labelHint(ctx, s, Math.ceil(x1) - Math.floor(x0));
    return;
  }
  const size = Math.min(theme.fontSize, Math.floor(pxPerLeaf));
  const max = s.labelBand - 6;
  const lo = Math.max(0, Math.floor(x0)), hi = Math.min(L.n, Math.ceil(x1));
  ctx.save();
  ctx.font = `${size}px ${theme.font}`;
  ctx.textBaseline = "middle";
  const o = fr.orientation;
  const anySelected = s.selection.length > 0;
  const gap = 6 + (s.dataBand ?? 0); // the heatmap and strips sit between leaves and labels
  for (let pos = lo; pos < hi; pos++) {
    const row = L.order[pos];
    const text = fit(ctx, s, labels.get(row), max);
    if (!text) continue;
    const a = fr.leafPos(pos + 0.5);
    const matched = matches !== null && matches.length > 0 && matches[lowerBound(matches, pos)] === pos;
    ctx.fillStyle = row === s.hover || (anySelected && isSelected(s, row)) ? theme.accent : theme.fg;
    ctx.save();
    if (o === "top" || o === "bottom") {
      ctx.translate(a, o === "top" ? p.y + p.h + gap : p.y - gap);
      ctx.rotate(-Math.PI / 2); // reads bottom to top, like leaf_rotation=90
      ctx.textAlign = o === "top" ? "right" : "left";
    } else {
      ctx.translate(o === "left" ? p.x + p.w + gap : p.x - gap, a);
      ctx.textAlign = o === "left" ? "left" : "right";
    }
    if (matched) {
      const w = ctx.measureText(text).width;
      ctx.save();
      ctx.fillStyle = theme.mark;
      ctx.globalAlpha = 0.3;
      const left = ctx.textAlign === "right" ? -w - 2 : -2;
      ctx.fillRect(left, -size / 2 - 2, w + 4, size + 4);
      ctx.restore();
    }
    ctx.fillText(text, 0, 0);
    ctx.restore();
  }
  ctx.restore();
}

/**
 * Too many leaves to label: say so where the labels would be.
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
  const d = s.dataBand ?? 0;
  if (o === "top") ctx.fillText(text, p.x + p.w / 2, p.y + p.h + d + 16, p.w);
  else if (o === "bottom") ctx.fillText(text, p.x + p.w / 2, p.y - d - 16, p.w);
  else {
    ctx.translate(o === "left" ? p.x + p.w + d + 14 : p.x - d - 14, p.y + p.h / 2);
    ctx.rotate(o === "left" ? Math.PI / 2 : -Math.PI / 2);
    ctx.fillText(text, 0, 0, p.h);
  }
  ctx.restore();
}

/**
 * Leaf label band: the widest of a sample of labels, within limits (a share of the canvas).
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
  let w = 0;
  // A sample, not every label: a million measureText calls would stall the first frame.
  const k = Math.min(n, 1000);
  for (let i = 0; i < k; i++) {
    const row = k === n ? i : Math.floor((i * n) / k);
    w = Math.max(w, ctx.measureText(labels.get(row)).width);
  }
  const cap = o === "top" || o === "bottom" ? Math.min(150, cssH * 0.3) : Math.min(220, (cssW || 640) * 0.3);
  return Math.round(Math.max(24, Math.min(cap, w + 12)));
}
