// The band of cluster colours between the leaves and their labels: which cluster is which, by
// colour and by id (written on the band where it fits). It reads the cluster id of every drawn
// position from the scene (the state's ids(): any partition, outliers -1 drawn neutral), and
// costs O(pixels): one leaf per pixel at most is looked at.
import { textOn } from "../core/color.js";
import { outward } from "../core/frame.js";
import { colorOf } from "./scene.js";

/** @typedef {import("./scene.js").Scene} Scene */

/**
 * Runs of equal cluster ids across the visible leaves: [id, from, to] in leaf units.
 * @param {Scene} s
 * @returns {number[]} flat triples
 */
function runs(s) {
  const { fr, ids, L } = s;
  const [x0, x1] = fr.win;
  const lo = Math.max(0, Math.floor(x0)), hi = Math.min(L.n, Math.ceil(x1));
  const step = Math.max(1, (x1 - x0) / fr.leafLen); // leaves per pixel, at least one
  /** @type {number[]} */
  const out = [];
  for (let u = lo; u < hi; u += step) {
    const p = Math.floor(u);
    const c = ids[p];
    if (out.length && out[out.length - 3] === c) out[out.length - 1] = Math.min(hi, p + step);
    else {
      if (out.length) out[out.length - 1] = p; // the previous run ends where this one starts
      out.push(c, p, Math.min(hi, p + step));
    }
  }
  if (out.length) out[out.length - 1] = hi;
  return out;
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
export function drawBand(ctx, s) {
  const { fr, side, theme } = s;
  if (!side.shown || s.L.n === 0) return;
  const b0 = outward(fr, side.bandFrom), b1 = outward(fr, side.bandTo);
  const lo = fr.vertical ? fr.plot.x : fr.plot.y, hi = lo + fr.leafLen;
  const r = runs(s);
  // A low cut makes a run per pixel: rectangles are grouped by colour (one fillStyle each) and
  // ids are written only where they fit, without measuring each (a fillStyle and a text
  // measurement per run took a 10k-leaf cut-drag frame from 1.9 to 5.3 ms).
  /** @type {Map<number, number[]>} colour index (0: outliers) -> a0, a1 pairs */
  const byColour = new Map();
  for (let i = 0; i < r.length; i += 3) {
    const key = r[i] >= 1 ? ((r[i] - 1) % Math.max(1, s.palette.length)) + 1 : 0;
    let arr = byColour.get(key);
    if (!arr) byColour.set(key, (arr = []));
    arr.push(Math.max(fr.leafPos(r[i + 1]), lo), Math.min(fr.leafPos(r[i + 2]), hi));
  }
  ctx.save();
  for (const [key, arr] of byColour) {
    ctx.fillStyle = key ? colorOf(s, key) : theme.muted; // outliers: neutral
    ctx.globalAlpha = key ? 1 : 0.35;
    for (let j = 0; j < arr.length; j += 2) {
      const [x, y] = fr.xy(Math.min(arr[j], arr[j + 1]), Math.min(b0, b1));
      const [w, h] = fr.xy(Math.max(1, Math.abs(arr[j + 1] - arr[j]) - 1), Math.abs(b1 - b0)); // 1 px apart
      ctx.fillRect(x, y, w, h);
    }
  }
  ctx.globalAlpha = 1;
  ctx.font = `600 ${Math.min(10, theme.fontSize)}px ${theme.font}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  const digit = ctx.measureText("0").width;
  /** @type {Map<string, string>} */
  const ink = new Map();
  for (let i = 0; i < r.length; i += 3) {
    const c = r[i];
    const a0 = Math.max(fr.leafPos(r[i + 1]), lo), a1 = Math.min(fr.leafPos(r[i + 2]), hi);
    const label = String(c);
    if (c < 1 || a1 - a0 < label.length * digit + 6) continue;
    const fill = colorOf(s, c);
    let color = ink.get(fill);
    if (color === undefined) ink.set(fill, (color = textOn(fill)));
    ctx.fillStyle = color;
    const [tx, ty] = fr.xy((a0 + a1) / 2, (b0 + b1) / 2);
    ctx.fillText(label, tx, ty + 0.5);
  }
  ctx.restore();
}
