// Colour maps of the heatmap and the strips, all colour-blind safe: viridis (sequential: minmax,
// "none", numeric strips), ColorBrewer's RdBu reversed (diverging: z-scores, blue below the
// mean, red above, near-white at 0) and Paul Tol's "muted" qualitative set (categories). Missing
// values never take a map colour: they are a neutral grey (hatched by the drawing).

/** @typedef {[number, number, number]} RGB */

/** matplotlib's viridis at nine evenly spaced stops. */
export const VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#fde725"];
/** ColorBrewer RdBu (11 classes), reversed: low = blue. */
export const DIVERGING = ["#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"];
/** Paul Tol's muted qualitative scheme (its grey left out: grey means missing). */
export const QUALITATIVE = ["#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"];

/**
 * @param {(i: number) => number} f
 * @returns {RGB}
 */
function rgb3(f) {
  return [f(0), f(1), f(2)];
}

/**
 * A CSS colour as RGB, for the formats themes use (#rgb, #rrggbb(aa), rgb()/rgba()); null for
 * anything else (named colours, variables).
 * @param {string} css
 * @returns {RGB | null}
 */
export function parseColor(css) {
  const s = String(css).trim().toLowerCase();
  let m = /^#([0-9a-f]{3,8})$/.exec(s);
  if (m) {
    const h = m[1];
    if (h.length === 3 || h.length === 4) return rgb3((i) => parseInt(h[i] + h[i], 16));
    if (h.length === 6 || h.length === 8) return rgb3((i) => parseInt(h.slice(2 * i, 2 * i + 2), 16));
    return null;
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s);
  if (m) {
    const g = m;
    return rgb3((i) => Math.max(0, Math.min(255, Math.round(Number(g[i + 1])))));
  }
  if (s === "white") return [255, 255, 255];
  if (s === "black") return [0, 0, 0];
  return null;
}

/**
 * A 256-entry lookup table (r, g, b per entry) interpolating the stops linearly.
 * @param {string[]} stops
 * @returns {Uint8Array}
 */
export function makeLut(stops) {
  const rgb = stops.map((c) => /** @type {RGB} */ (parseColor(c)));
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * (rgb.length - 1);
    const k = Math.min(rgb.length - 2, Math.floor(t)), f = t - k;
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = Math.round(rgb[k][c] + (rgb[k + 1][c] - rgb[k][c]) * f);
  }
  return lut;
}

/** @type {Map<string, Uint8Array>} */
const luts = new Map();

/** @param {"diverging" | "sequential"} kind */
export function lutFor(kind) {
  let lut = luts.get(kind);
  if (!lut) luts.set(kind, (lut = makeLut(kind === "diverging" ? DIVERGING : VIRIDIS)));
  return lut;
}

/**
 * Index into a lookup table for t in [0, 1] (clipped; NaN -> -1).
 * @param {number} t
 */
export function lutIndex(t) {
  if (t !== t) return -1;
  return Math.round(255 * (t <= 0 ? 0 : t >= 1 ? 1 : t));
}

/** @type {WeakMap<Uint8Array, string[]>} */
const cssOf = new WeakMap();

/**
 * The CSS colour of entry `i` of a lookup table (the strings are made once per table).
 * @param {Uint8Array} lut
 * @param {number} i
 */
export function lutCss(lut, i) {
  let css = cssOf.get(lut);
  if (!css) {
    css = Array.from({ length: lut.length / 3 }, (_, k) => `rgb(${lut[k * 3]}, ${lut[k * 3 + 1]}, ${lut[k * 3 + 2]})`);
    cssOf.set(lut, css);
  }
  return css[i];
}

/**
 * Colour of category `code` (codes past the palette cycle through it).
 * @param {number} code
 * @returns {RGB}
 */
export function categoryRgb(code) {
  return /** @type {RGB} */ (parseColor(QUALITATIVE[code % QUALITATIVE.length]));
}

/**
 * The grey that marks missing values: a little darker than a light background, lighter than a
 * dark one; never a colour of the maps.
 * @param {RGB} bg
 * @returns {RGB}
 */
export function missingRgb(bg) {
  const lum = 0.299 * bg[0] + 0.587 * bg[1] + 0.114 * bg[2];
  return lum > 128 ? [200, 200, 200] : [88, 88, 88];
}

/**
 * `rgb` laid over `bg` at opacity `alpha` (0..1), as an opaque colour.
 * @param {RGB} rgb
 * @param {RGB} bg
 * @param {number} alpha
 * @returns {RGB}
 */
export function over(rgb, bg, alpha) {
  return rgb3((c) => Math.round(bg[c] + (rgb[c] - bg[c]) * alpha));
}
