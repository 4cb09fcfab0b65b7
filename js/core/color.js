// Colour arithmetic for legibility (WCAG 2): parse a CSS colour, its relative luminance, the
// contrast of two colours, a shade of a colour that reads as text on a background, and black or
// white text on a coloured fill.

/** @typedef {[number, number, number, number]} RGBA  0..255 channels, alpha 0..1 */

const NAMED = /** @type {Record<string, RGBA>} */ ({
  white: [255, 255, 255, 1],
  black: [0, 0, 0, 1],
  transparent: [0, 0, 0, 0],
});

/**
 * `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` (commas or spaces) and a few names;
 * null for anything else (the caller picks a fallback).
 * @param {string} css
 * @returns {RGBA | null}
 */
export function parseColor(css) {
  const s = String(css).trim().toLowerCase();
  if (NAMED[s]) return /** @type {RGBA} */ ([...NAMED[s]]);
  let m = /^#([0-9a-f]{3,8})$/.exec(s);
  if (m) {
    const h = m[1];
    if (h.length === 3 || h.length === 4) {
      const v = [...h].map((c) => parseInt(c + c, 16));
      return [v[0], v[1], v[2], h.length === 4 ? v[3] / 255 : 1];
    }
    if (h.length === 6 || h.length === 8) {
      const v = [0, 2, 4, 6].map((i) => parseInt(h.slice(i, i + 2), 16));
      return [v[0], v[1], v[2], h.length === 8 ? v[3] / 255 : 1];
    }
    return null;
  }
  m = /^rgba?\(([^)]*)\)$/.exec(s);
  if (!m) return null;
  const parts = m[1].split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return null;
  const ch = parts.slice(0, 3).map((p) => (p.endsWith("%") ? (parseFloat(p) * 255) / 100 : parseFloat(p)));
  const a = parts[3] === undefined ? 1 : parts[3].endsWith("%") ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
  if (![...ch, a].every(Number.isFinite)) return null;
  return [clamp255(ch[0]), clamp255(ch[1]), clamp255(ch[2]), Math.max(0, Math.min(1, a))];
}

/** @param {number} v */
const clamp255 = (v) => Math.max(0, Math.min(255, v));

/**
 * A colour seen over an opaque background (alpha composited).
 * @param {RGBA} c
 * @param {RGBA} bg
 * @returns {RGBA}
 */
export function over(c, bg) {
  const a = c[3];
  return [c[0] * a + bg[0] * (1 - a), c[1] * a + bg[1] * (1 - a), c[2] * a + bg[2] * (1 - a), 1];
}

/**
 * WCAG relative luminance (0 black .. 1 white).
 * @param {RGBA | number[]} c
 */
export function luminance(c) {
  /** @param {number} v */
  const lin = (v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
}

/**
 * WCAG contrast ratio of two opaque colours (1..21).
 * @param {RGBA | number[]} a
 * @param {RGBA | number[]} b
 */
export function contrast(a, b) {
  const la = luminance(a), lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** @param {RGBA} c */
export function toHex(c) {
  return "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
}

/**
 * The colour itself when it reads as text on `bg` (contrast >= min), else the nearest shade
 * that does: mixed towards black on a light background, towards white on a dark one. Colours
 * that do not parse come back as given.
 * @param {string} color
 * @param {string} bg
 * @param {number} [min]  4.5: WCAG AA for text
 */
export function readable(color, bg, min = 4.5) {
  const c = parseColor(color), b = parseColor(bg);
  if (!c || !b) return color;
  const base = over(b, [255, 255, 255, 1]);
  const seen = over(c, base);
  if (contrast(seen, base) >= min) return color;
  const target = luminance(base) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  // Bisect the mix: the least change that reaches the ratio keeps the hue recognisable.
  let lo = 0, hi = 1;
  for (let i = 0; i < 20; i++) {
    const t = (lo + hi) / 2;
    if (contrast(mix(seen, target, t), base) >= min) hi = t;
    else lo = t;
  }
  // Rounding to whole channels may undo the last bit of the mix: step on until it holds.
  let hex = toHex(mix(seen, target, hi));
  while (hi < 1 && contrast(/** @type {RGBA} */ (parseColor(hex)), base) < min) {
    hi = Math.min(1, hi + 0.005);
    hex = toHex(mix(seen, target, hi));
  }
  return hex;
}

/**
 * @param {RGBA | number[]} a
 * @param {number[]} b
 * @param {number} t  0: a, 1: b
 * @returns {RGBA}
 */
function mix(a, b, t) {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t, 1];
}

/**
 * Black or white, whichever contrasts more with an opaque fill (text drawn on it).
 * @param {string} fill
 */
export function textOn(fill) {
  const c = parseColor(fill);
  if (!c) return "#000000";
  return contrast(c, [0, 0, 0]) >= contrast(c, [255, 255, 255]) ? "#000000" : "#ffffff";
}
