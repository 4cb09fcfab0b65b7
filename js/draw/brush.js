// The band being brushed (shift-drag along the leaves): the leaves it covers, across the plot.
/** @typedef {import("./scene.js").Scene} Scene */

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
export function drawBrush(ctx, s) {
  if (!s.brush) return;
  const { fr, theme } = s;
  const p = fr.plot;
  const a0 = fr.leafPos(Math.min(s.brush[0], s.brush[1])), a1 = fr.leafPos(Math.max(s.brush[0], s.brush[1]));
  const [x, y] = fr.xy(a0, fr.vertical ? p.y : p.x);
  const [w, h] = fr.xy(Math.max(1, a1 - a0), fr.heightLen);
  ctx.save();
  ctx.fillStyle = theme.accent;
  ctx.globalAlpha = 0.12;
  ctx.fillRect(x, y, w, h);
  ctx.globalAlpha = 0.8;
  ctx.strokeStyle = theme.accent;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
  ctx.restore();
}
