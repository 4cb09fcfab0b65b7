// The legend panel: the heatmap's colour scale, one legend per strip (categories by frequency,
// a numeric strip's range) and the missing-value swatch. Names are data: drawn as text only.
import { QUALITATIVE, lutCss, lutFor, missingRgb, parseColor } from "../core/colormap.js";
import { formatNumber } from "../core/format.js";
import { fitText } from "./data-util.js";

/** @typedef {import("./scene.js").Scene} Scene */
/** @typedef {import("./data-scene.js").DataScene} DataScene */
/** @typedef {import("../core/heatmap-cells.js").DataPrep} DataPrep */
/** @typedef {import("../core/theme.js").Theme} Theme */

const BAR_W = 120;
const BAR_H = 10;
const MIN_W = 100;
const MAX_W = 190;

/** @param {"zscore" | "minmax" | "none"} scale */
function scaleTitle(scale) {
  return scale === "zscore" ? "z-score per column" : scale === "minmax" ? "min–max per column" : "value";
}

/**
 * Categories of a strip, most frequent first (unused ones left out).
 * @param {import("../core/span-stats.js").CategoryCounts} cc
 * @returns {number[]}
 */
export function categoriesByCount(cc) {
  const codes = [];
  for (let c = 0; c < cc.k; c++) if (cc.total[c] > 0) codes.push(c);
  return codes.sort((a, b) => cc.total[b] - cc.total[a] || a - b);
}

/**
 * The panel's width for these payloads (0: nothing to explain).
 * @param {CanvasRenderingContext2D} ctx @param {Theme} theme @param {DataPrep} prep
 */
export function measureLegend(ctx, theme, prep) {
  if (!prep.heatmap && prep.strips.length === 0) return 0;
  ctx.font = `600 ${theme.fontSize}px ${theme.font}`;
  let w = BAR_W;
  if (prep.heatmap) w = Math.max(w, ctx.measureText(scaleTitle(prep.heatmap.scale)).width);
  for (const s of prep.strips) w = Math.max(w, ctx.measureText(s.col.name).width);
  ctx.font = `${theme.fontSize}px ${theme.font}`;
  for (const s of prep.strips) {
    if (!("k" in s)) continue;
    for (const c of categoriesByCount(s).slice(0, 12)) w = Math.max(w, ctx.measureText(s.col.categories[c]).width + 14);
  }
  return Math.round(Math.max(MIN_W, Math.min(MAX_W, w + 16)));
}

/**
 * A horizontal colour bar from a lookup table, one rectangle per pixel (any backend replays it).
 * @param {CanvasRenderingContext2D} ctx @param {Uint8Array} lut
 * @param {number} x @param {number} y @param {number} w @param {string} border
 */
function bar(ctx, lut, x, y, w, border) {
  for (let i = 0; i < w; i++) {
    ctx.fillStyle = lutCss(lut, Math.round((i / Math.max(1, w - 1)) * 255));
    ctx.fillRect(x + i, y, i === w - 1 ? 1 : 1.5, BAR_H); // overlapping: no seams between pixels
  }
  ctx.strokeStyle = border;
  ctx.lineWidth = 1;
  ctx.strokeRect(x - 0.5, y - 0.5, w + 1, BAR_H + 1); // outside the bar: its ends stay visible
}

/**
 * Tick labels under a bar: first at the left end, last at the right end, others centred.
 * @param {CanvasRenderingContext2D} ctx @param {string[]} ticks
 * @param {number} x @param {number} y @param {number} w
 */
function ticksUnder(ctx, ticks, x, y, w) {
  ticks.forEach((t, i) => {
    ctx.textAlign = i === 0 ? "left" : i === ticks.length - 1 ? "right" : "center";
    ctx.fillText(t, x + (i / (ticks.length - 1)) * w, y);
  });
}

/**
 * The legend panel.
 * @param {CanvasRenderingContext2D} ctx @param {Scene} s @param {DataScene} d
 */
export function drawLegend(ctx, s, d) {
  const R = d.geo.legend;
  if (!R) return;
  const { theme } = s, prep = d.prep;
  const fs = theme.fontSize, row = fs + 5;
  const bottom = R.y + R.h;
  const barW = Math.min(BAR_W, R.w);
  let y = R.y;
  ctx.save();
  ctx.textBaseline = "top";
  /** @param {string} text */
  const title = (text) => {
    ctx.font = `600 ${fs}px ${theme.font}`;
    ctx.fillStyle = theme.fg;
    ctx.textAlign = "left";
    ctx.fillText(fitText(ctx, text, R.w), R.x, y);
    y += row;
    ctx.font = `${fs}px ${theme.font}`;
    ctx.fillStyle = theme.muted;
  };
  const h = prep.heatmap;
  if (h) {
    title(scaleTitle(h.scale));
    bar(ctx, lutFor(h.scale === "zscore" ? "diverging" : "sequential"), R.x, y, barW, theme.border);
    y += BAR_H + 3;
    ctx.fillStyle = theme.muted;
    const [lo, hi] = h.range;
    const ticks = h.scale === "zscore" ? [`≤ ${formatNumber(lo)}`, "0", `≥ +${formatNumber(hi)}`]
      : h.scale === "minmax" ? ["min", "max"] : [formatNumber(lo, 3), formatNumber(hi, 3)];
    ticksUnder(ctx, ticks, R.x, y, barW);
    y += row + 6;
  }
  const cats = prep.strips.filter((x) => "k" in x).length;
  for (const st of prep.strips) {
    if (y + 2 * row > bottom) break;
    title(st.col.name);
    if ("k" in st) {
      const codes = categoriesByCount(st);
      const free = Math.floor((bottom - y - (prep.missing ? row : 0)) / row);
      let fits = Math.max(1, Math.min(codes.length, Math.floor(free / Math.max(1, cats)) - 1));
      if (fits < codes.length) fits = Math.max(1, fits - 1); // room for "+ k more"
      for (const c of codes.slice(0, fits)) {
        ctx.fillStyle = QUALITATIVE[c % QUALITATIVE.length];
        ctx.fillRect(R.x, y + 1, 10, 10);
        ctx.fillStyle = theme.fg;
        ctx.textAlign = "left";
        ctx.fillText(fitText(ctx, st.col.categories[c], R.w - 14), R.x + 14, y);
        y += row;
      }
      if (fits < codes.length) {
        ctx.fillStyle = theme.muted;
        ctx.fillText(`+ ${codes.length - fits} more`, R.x + 14, y);
        y += row;
      }
    } else {
      bar(ctx, lutFor("sequential"), R.x, y, barW, theme.border);
      y += BAR_H + 3;
      ctx.fillStyle = theme.muted;
      ticksUnder(ctx, [formatNumber(st.col.min, 3), formatNumber(st.col.max, 3)], R.x, y, barW);
      y += row;
    }
    y += 6;
  }
  if (prep.missing && y + row <= bottom) {
    const grey = missingRgb(parseColor(theme.bg) ?? [255, 255, 255]);
    ctx.fillStyle = `rgb(${grey.join(", ")})`;
    ctx.fillRect(R.x, y + 1, 10, 10);
    ctx.save();
    ctx.beginPath();
    ctx.rect(R.x, y + 1, 10, 10);
    ctx.clip();
    ctx.strokeStyle = theme.muted;
    ctx.beginPath();
    for (let t = -10; t < 10; t += 5) {
      ctx.moveTo(R.x + t, y + 11);
      ctx.lineTo(R.x + t + 10, y + 1);
    }
    ctx.stroke();
    ctx.restore();
    ctx.fillStyle = theme.muted;
    ctx.textAlign = "left";
    ctx.fillText("missing", R.x + 14, y);
  }
  ctx.restore();
}
