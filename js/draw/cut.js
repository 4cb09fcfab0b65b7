// The cut line, its grab handle and the readout (their geometry is core/cut-line.js, shared with
// hit testing).
import { cutPosition, handleBox } from "../core/cut-line.js";
import { cutReadout, partitionReadout } from "../core/format.js";
import { snap } from "./scene.js";

/** @typedef {import("./scene.js").Scene} Scene */

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
export function drawCut(ctx, s) {
  const { fr, theme, dpr } = s;
  const p = fr.plot;
  const { b: rawB, pinned } = cutPosition(fr, s.cut, s.fullTop);
  const b = snap(rawB, dpr, 1.5);
  const none = s.cut === null;
  // A per-branch partition is no line: only the handle stays, to drag a cut line back in.
  const perBranch = s.clusters.nodes !== null;
  ctx.save();
  ctx.strokeStyle = s.cutHot ? theme.accent : theme.fg;
  ctx.globalAlpha = none && !s.cutHot ? 0.6 : 1;
  ctx.lineWidth = 1.5;
  if (none || pinned) ctx.setLineDash([5, 4]);
  if (!perBranch || s.cutHot) {
    ctx.beginPath();
    const [xa, ya] = fr.xy(fr.vertical ? p.x : p.y, b);
    const [xb, yb] = fr.xy(fr.vertical ? p.x + p.w : p.y + p.h, b);
    ctx.moveTo(xa, ya);
    ctx.lineTo(xb, yb);
    ctx.stroke();
  }
  ctx.setLineDash([]);

  // Grab handle: a small rounded tab with two grip lines (not in an exported picture).
  const hb = handleBox(fr, rawB);
  ctx.globalAlpha = 1;
  if (!s.exporting) drawHandle(ctx, s, hb);
  readout(ctx, s, b);
  ctx.restore();
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @param {{x: number, y: number, w: number, h: number}} hb
 */
function drawHandle(ctx, s, hb) {
  const { fr, theme, dpr } = s;
  ctx.fillStyle = s.cutHot ? theme.accent : theme.panel;
  ctx.strokeStyle = s.cutHot ? theme.accent : theme.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(hb.x + 0.5, hb.y + 0.5, hb.w - 1, hb.h - 1, 3);
  ctx.fill();
  ctx.stroke();
  ctx.strokeStyle = s.cutHot ? theme.bg : theme.muted;
  ctx.beginPath();
  for (const d of [-2, 2]) {
    if (fr.vertical) {
      const y = snap(hb.y + hb.h / 2 + d, dpr, 1);
      ctx.moveTo(hb.x + 3, y);
      ctx.lineTo(hb.x + hb.w - 3, y);
    } else {
      const x = snap(hb.x + hb.w / 2 + d, dpr, 1);
      ctx.moveTo(x, hb.y + 3);
      ctx.lineTo(x, hb.y + hb.h - 3);
    }
  }
  ctx.stroke();
}

/**
 * The readout beside the line, on a pill so it reads over the links.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @param {number} b  the line's position along the height axis
 */
function readout(ctx, s, b) {
  const { fr, theme } = s;
  const p = fr.plot;
  const none = s.cut === null;
  const perBranch = s.clusters.nodes !== null;
  const text = perBranch ? partitionReadout(s.k, s.clusters.outliers) : cutReadout(s.cut, s.k);
  ctx.font = `${none && !perBranch ? "" : "600 "}${theme.fontSize}px ${theme.font}`;
  const w = ctx.measureText(text).width + 10;
  const h = theme.fontSize + 6;
  let x, y;
  if (fr.vertical) {
    x = p.x + p.w - w - 2;
    // Above the line, unless that leaves the canvas.
    y = b - h - 3 < 2 ? b + 3 : b - h - 3;
  } else {
    x = fr.orientation === "left" ? Math.min(b + 4, s.width - w - 2) : Math.max(2, b - w - 4);
    y = p.y - h - 2 < 0 ? p.y + 2 : Math.max(0, p.y - h - 2);
    if (fr.orientation === "left" && b + 4 + w > p.x + p.w) x = Math.max(2, b - w - 14);
    if (fr.orientation === "right" && b - w - 4 < p.x) x = b + 14;
  }
  ctx.fillStyle = theme.panel;
  ctx.globalAlpha = 0.9;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, h / 2);
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.fillStyle = s.cutHot ? theme.accent : none && !perBranch ? theme.muted : theme.fg;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  ctx.fillText(text, x + 5, y + h / 2 + 0.5);
}
