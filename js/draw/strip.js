// The cut-advice strip (core/strip.js): silhouette bars along the height axis, the best three
// cuts marked with a triangle and their k. Drawn faint: advice, not data.
import { markerLabels, STRIP_PX, stripBase } from "../core/strip.js";

/** @typedef {import("./scene.js").Scene} Scene */

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
export function drawStrip(ctx, s) {
  const sg = s.suggestions;
  if (!sg) return;
  const { fr, theme } = s;
  const a0 = stripBase(fr);
  const top = Math.max(1e-12, ...sg.silhouette.map((v) => Math.max(0, v)));
  ctx.save();
  // The theme's muted ink, not its accent: the accent means "selected" or "under the pointer".
  ctx.fillStyle = theme.muted;
  ctx.globalAlpha = 0.45;
  for (let i = 0; i < sg.k.length; i++) {
    const h = sg.height[i];
    if (h < fr.win[2] || h > fr.win[3]) continue;
    const len = Math.max(1, (Math.max(0, sg.silhouette[i]) / top) * STRIP_PX);
    const b = fr.heightPos(h);
    const [x, y] = fr.xy(a0, b - 1);
    const [w, hh] = fr.xy(len, 2);
    ctx.fillRect(Math.min(x, x + w), Math.min(y, y + hh), Math.abs(w), Math.abs(hh));
  }
  ctx.globalAlpha = 1;
  ctx.font = `${theme.fontSize - 1}px ${theme.font}`;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  /** @type {number[]} */
  const pos = [];
  /** @type {number[]} */
  const ks = [];
  for (const h of sg.best) {
    if (h < fr.win[2] || h > fr.win[3]) continue;
    const i = sg.height.indexOf(h);
    const b = fr.heightPos(h);
    const tip = fr.xy(a0 + 1, b), l = fr.xy(a0 + 9, b - 5), r = fr.xy(a0 + 9, b + 5);
    ctx.fillStyle = theme.fg;
    ctx.beginPath();
    ctx.moveTo(tip[0], tip[1]);
    ctx.lineTo(l[0], l[1]);
    ctx.lineTo(r[0], r[1]);
    ctx.closePath();
    ctx.fill();
    if (i >= 0) {
      pos.push(b);
      ks.push(sg.k[i]);
    }
  }
  // Close cuts (a short tree, or zoomed out) share a label instead of printing over each other:
  // along a vertical height axis a line of text apart, along a horizontal one a label's width.
  const minGap = fr.vertical
    ? theme.fontSize + 2
    : Math.max(0, ...ks.map((k) => ctx.measureText(`k=${k}`).width)) + 6;
  for (const { pos: b, text } of markerLabels(pos, ks, minGap)) {
    const [tx, ty] = fr.xy(a0 + 11, b);
    // On the background's colour: the labels sit over the tree's lowest links.
    const w = ctx.measureText(text).width, fs = theme.fontSize;
    ctx.fillStyle = theme.bg;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(tx - 1, ty - fs / 2 - 1, w + 2, fs + 2);
    ctx.globalAlpha = 1;
    ctx.fillStyle = theme.fg;
    ctx.fillText(text, tx, ty);
  }
  ctx.restore();
}
