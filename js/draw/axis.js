// Titles and the height axis: grid lines, tick marks and labels, the axis titles.
import { formatTick, niceTicks } from "../core/format.js";
import { outward } from "../core/frame.js";
import { snap } from "./scene.js";

/** @typedef {import("./scene.js").Scene} Scene */

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
export function drawTitle(ctx, s) {
  if (!s.title) return;
  ctx.save();
  ctx.fillStyle = s.theme.fg;
  ctx.font = `600 ${s.theme.fontSize + 3}px ${s.theme.font}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(s.title, s.width / 2, 14, s.width - 20);
  ctx.restore();
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
export function drawAxis(ctx, s) {
  const { fr, theme, dpr } = s;
  const p = fr.plot;
  const [, , y0, y1] = fr.win;
  const ticks = niceTicks(Math.max(0, y0), y1, Math.max(2, fr.heightLen / 55));
  ctx.save();
  ctx.lineWidth = 1;
  ctx.fillStyle = theme.muted;
  ctx.strokeStyle = theme.faint;
  ctx.beginPath();
  for (const v of ticks.values) {
    const b = snap(fr.heightPos(v), dpr, 1);
    const [xa, ya] = fr.xy(fr.vertical ? p.x : p.y, b);
    const [xb, yb] = fr.xy(fr.vertical ? p.x + p.w : p.y + p.h, b);
    ctx.moveTo(xa, ya);
    ctx.lineTo(xb, yb);
  }
  ctx.stroke();
  // Axis line and tick labels.
  ctx.strokeStyle = theme.border;
  ctx.beginPath();
  if (fr.vertical) {
    const x = snap(p.x - 4, dpr, 1);
    ctx.moveTo(x, p.y);
    ctx.lineTo(x, p.y + p.h);
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const v of ticks.values) {
      const y = fr.heightPos(v);
      ctx.moveTo(x - 4, snap(y, dpr, 1));
      ctx.lineTo(x, snap(y, dpr, 1));
      ctx.fillText(formatTick(v, ticks.step), x - 6, y);
    }
  } else {
    const y = snap(p.y + p.h + 4, dpr, 1);
    ctx.moveTo(p.x, y);
    ctx.lineTo(p.x + p.w, y);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const v of ticks.values) {
      const x = fr.heightPos(v);
      ctx.moveTo(snap(x, dpr, 1), y);
      ctx.lineTo(snap(x, dpr, 1), y + 4);
      ctx.fillText(formatTick(v, ticks.step), x, y + 6);
    }
  }
  ctx.stroke();
  if (s.axisLabel) {
    ctx.fillStyle = theme.muted;
    ctx.textAlign = "center";
    if (fr.vertical) {
      ctx.translate(12, p.y + p.h / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textBaseline = "middle";
      ctx.fillText(s.axisLabel, 0, 0, p.h);
    } else {
      ctx.textBaseline = "bottom";
      ctx.fillText(s.axisLabel, p.x + p.w / 2, s.height - 3, p.w);
    }
  }
  ctx.restore();
}

/**
 * The leaf-axis title (the tutorial's "Fruit Name"), beyond the leaf labels, centred on the plot.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 */
export function drawLeafTitle(ctx, s) {
  if (!s.leafLabel) return;
  const { fr, theme } = s;
  const p = fr.plot;
  const at = outward(fr, s.side.labels + s.labelBand + 2);
  const o = fr.orientation;
  ctx.save();
  ctx.fillStyle = theme.muted;
  ctx.font = `${theme.fontSize}px ${theme.font}`;
  ctx.textAlign = "center";
  if (fr.vertical) {
    ctx.textBaseline = o === "top" ? "top" : "bottom";
    ctx.fillText(s.leafLabel, p.x + p.w / 2, at, p.w);
  } else {
    ctx.translate(at, p.y + p.h / 2);
    ctx.rotate(-Math.PI / 2); // reads bottom to top; local "down" points away from the plot
    ctx.textBaseline = o === "left" ? "top" : "bottom";
    ctx.fillText(s.leafLabel, 0, 0, p.h);
  }
  ctx.restore();
}
