// The legend panel: the heatmap's colour scale, one legend per strip (categories by frequency,
// a numeric strip's range) and the missing-value swatch. Names are data: drawn as text only.
import { QUALITATIVE, lutCss, lutFor, missingRgb, parseColor } from "../core/colormap.js";
import { formatNumber } from "../core/format.js";
import { fitText } from "./data-util.js";

/** @typedef {import("./scene.js").Scene} Scene */
/** @typedef {import("./data-scene.js").DataScene} DataScene */
/** @typedef {import("../core/heatmap-cells.js").DataPrep} DataPrep */
/** @typedef {import("../core/theme.js").Theme} Theme */

const BAR_W = 100;
const BAR_H = 10;
const MIN_W = 90;
const MAX_W = 190;

/** @param {"zscore" | "minmax" | "none"} scale */
function scaleTitle(scale) {
  return scale === "zscore" ? "z-score" : scale === "minmax" ? "min–max" : "value";
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
 * Where the next legend line goes: down the first free area of the right column, then on in the
 * next one (top/bottom orientations have room above and below the heatmap's rows).
 * @param {import("../core/frame.js").Rect[]} areas
 * @param {number} row  line height
 */
function cursor(areas, row) {
  let i = 0, y = areas[0].y;
  return {
    get x() { return areas[i].x; },
    get w() { return areas[i].w; },
    /** Room for `h` px in this area or a later one: its top y, or -1 when none is left. @param {number} h */
    take(h) {
      while (i < areas.length && y + h > areas[i].y + areas[i].h) {
        i++;
        if (i < areas.length) y = areas[i].y;
      }
      if (i >= areas.length) return -1;
      const at = y;
      y += h;
      return at;
    },
    /** Space between items. @param {number} h */
    skip(h) { y += h; },
    /** Lines of `row` px still free here and in the areas after this one. */
    left() {
      let k = i < areas.length ? Math.floor((areas[i].y + areas[i].h - y) / row) : 0;
      for (let j = i + 1; j < areas.length; j++) k += Math.floor(areas[j].h / row);
      return Math.max(0, k);
    },
  };
}

/**
 * The legend panel.
 * @param {CanvasRenderingContext2D} ctx @param {Scene} s @param {DataScene} d
 */
export function drawLegend(ctx, s, d) {
  const areas = [d.geo.legend, d.geo.legendMore].filter((r) => r !== null && r.h > 0);
  if (areas.length === 0) return;
  const { theme } = s, prep = d.prep;
  const fs = theme.fontSize, row = fs + 5;
  const c = cursor(/** @type {import("../core/frame.js").Rect[]} */ (areas), row);
  ctx.save();
  ctx.textBaseline = "top";
  /** A bold title line; false when nothing fits any more. @param {string} text @param {number} after */
  const title = (text, after) => {
    const y = c.take(row + after);
    if (y < 0) return false;
    c.skip(-after); // `after` only made sure the first line after the title fits with it
    ctx.font = `600 ${fs}px ${theme.font}`;
    ctx.fillStyle = theme.fg;
    ctx.textAlign = "left";
    ctx.fillText(fitText(ctx, text, c.w), c.x, y);
    ctx.font = `${fs}px ${theme.font}`;
    return true;
  };
  /** A colour bar with ticks under it. @param {Uint8Array} lut @param {string[]} ticks */
  const scaleBar = (lut, ticks) => {
    const y = c.take(BAR_H + 3 + row);
    if (y < 0) return;
    const w = Math.min(BAR_W, c.w);
    bar(ctx, lut, c.x, y, w, theme.border);
    ctx.fillStyle = theme.muted;
    ticksUnder(ctx, ticks, c.x, y + BAR_H + 3, w);
  };
  /** A swatch (null: the hatched missing one) and its name. @param {string | null} color @param {string} text */
  const swatch = (color, text) => {
    const y = c.take(row);
    if (y < 0) return;
    if (color) {
      ctx.fillStyle = color;
      ctx.fillRect(c.x, y + 1, 10, 10);
    } else hatchedSwatch(ctx, theme, c.x, y + 1);
    ctx.fillStyle = color ? theme.fg : theme.muted;
    ctx.textAlign = "left";
    ctx.fillText(fitText(ctx, text, c.w - 14), c.x + 14, y);
  };
  const h = prep.heatmap;
  if (h && title(scaleTitle(h.scale), BAR_H + 3 + row)) {
    const [lo, hi] = h.range;
    const ticks = h.scale === "zscore" ? [`≤ ${formatNumber(lo)}`, "0", `≥ +${formatNumber(hi)}`]
      : h.scale === "minmax" ? ["min", "max"] : [formatNumber(lo, 3), formatNumber(hi, 3)];
    scaleBar(lutFor(h.scale === "zscore" ? "diverging" : "sequential"), ticks);
    c.skip(6);
  }
  prep.strips.forEach((st, k) => {
    if (!title(st.col.name, row)) return;
    if ("k" in st) {
      const codes = categoriesByCount(st);
      // Leave the strips after this one a title and two lines each, and the missing swatch.
      const reserve = 3 * (prep.strips.length - k - 1) + (prep.missing ? 1 : 0);
      let fits = Math.max(1, Math.min(codes.length, c.left() - reserve));
      if (fits < codes.length) fits = Math.max(1, fits - 1); // room for "+ k more"
      for (const code of codes.slice(0, fits)) swatch(QUALITATIVE[code % QUALITATIVE.length], st.col.categories[code]);
      if (fits < codes.length) {
        const y = c.take(row);
        if (y >= 0) {
          ctx.fillStyle = theme.muted;
          ctx.fillText(`+ ${codes.length - fits} more`, c.x + 14, y);
        }
      }
    } else {
      scaleBar(lutFor("sequential"), [formatNumber(st.col.min, 3), formatNumber(st.col.max, 3)]);
    }
    c.skip(6);
  });
  if (prep.missing) swatch(null, "missing");
  ctx.restore();
}

/**
 * The missing-value swatch: grey, hatched, as missing cells are drawn.
 * @param {CanvasRenderingContext2D} ctx @param {import("../core/theme.js").Theme} theme
 * @param {number} x @param {number} y
 */
function hatchedSwatch(ctx, theme, x, y) {
  const grey = missingRgb(parseColor(theme.bg) ?? [255, 255, 255]);
  ctx.save();
  ctx.fillStyle = `rgb(${grey.join(", ")})`;
  ctx.fillRect(x, y, 10, 10);
  ctx.beginPath();
  ctx.rect(x, y, 10, 10);
  ctx.clip();
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let t = -10; t < 10; t += 5) {
    ctx.moveTo(x + t, y + 10);
    ctx.lineTo(x + t + 10, y);
  }
  ctx.stroke();
  ctx.restore();
}
