// A stand-in for a canvas 2D context that records the drawing as SVG: paint.js draws a scene to
// it exactly as to a canvas, so an SVG export is the view as it is, level of detail included (a
// million leaves stay a few thousand shapes). Only the calls the draw modules make exist here.
// Runs of fillRect in one colour become one <path>: a U link is three rectangles, and a
// <rect> element each would triple the file.
import { parseColor, toHex } from "../core/color.js";

/** @typedef {[number, number, number, number, number, number]} Matrix  a, b, c, d, e, f */

/**
 * @typedef {object} Pen
 * @property {string} fillStyle
 * @property {string} strokeStyle
 * @property {number} lineWidth
 * @property {number} globalAlpha
 * @property {string} font
 * @property {CanvasTextAlign} textAlign
 * @property {CanvasTextBaseline} textBaseline
 * @property {CanvasLineCap} lineCap
 * @property {number[]} dash
 * @property {Matrix} m
 * @property {number} groups  clip groups opened since the matching save()
 */

/** 2 decimals: a hundredth of a CSS pixel, and no float noise in the file. @param {number} v */
const num = (v) => String(Math.round(v * 100) / 100);

/** Text as XML character data: escaped, and without the control characters XML 1.0 forbids. @param {string} s */
export function xmlText(s) {
  return String(s)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * A colour as SVG attributes: hex plus an opacity (canvas colours may carry alpha).
 * @param {string} css
 * @param {number} alpha  globalAlpha
 * @param {"fill" | "stroke"} what
 */
function paint(css, alpha, what) {
  const c = parseColor(css);
  const a = (c ? c[3] : 1) * alpha;
  const color = c ? toHex(c) : xmlText(css);
  return `${what}="${color}"${a < 1 ? ` ${what}-opacity="${num(a)}"` : ""}`;
}

const ANCHOR = /** @type {Record<string, string>} */ ({ left: "start", start: "start", center: "middle", right: "end", end: "end" });
const BASELINE = /** @type {Record<string, string>} */ ({ top: "text-before-edge", hanging: "hanging", middle: "central", bottom: "text-after-edge" });

/**
 * @param {number} width   CSS px
 * @param {number} height  CSS px
 * @param {{font: string, measureText: (text: string) => {width: number}}} measurer  a real canvas
 *   context (text widths), or a stand-in in tests
 */
export function svgContext(width, height, measurer) {
  /** @type {string[]} */
  const out = [];
  /** @type {string[]} */
  const defs = [];
  /** @type {Pen} */
  let pen = {
    fillStyle: "#000", strokeStyle: "#000", lineWidth: 1, globalAlpha: 1, font: "10px sans-serif",
    textAlign: "start", textBaseline: "alphabetic", lineCap: "butt", dash: [], m: [1, 0, 0, 1, 0, 0], groups: 0,
  };
  /** @type {Pen[]} */
  const stack = [];
  /** @type {string[]} */
  let path = [];
  let batchKey = "";
  /** @type {string[]} */
  let batch = [];

  const flush = () => {
    if (batch.length) out.push(`<path ${batchKey} d="${batch.join("")}"/>`);
    batch = [];
    batchKey = "";
  };
  /** @param {string} s */
  const emit = (s) => {
    flush();
    out.push(s);
  };
  /** @param {number} x @param {number} y @returns {[number, number]} */
  const tx = (x, y) => {
    const [a, b, c, d, e, f] = pen.m;
    return [a * x + c * y + e, b * x + d * y + f];
  };
  const upright = () => pen.m[1] === 0 && pen.m[2] === 0;
  const scale = () => Math.hypot(pen.m[0], pen.m[1]);
  /** @param {Matrix} n */
  const times = (n) => {
    const [a, b, c, d, e, f] = pen.m;
    pen.m = [a * n[0] + c * n[1], b * n[0] + d * n[1], a * n[2] + c * n[3], b * n[2] + d * n[3],
      a * n[4] + c * n[5] + e, b * n[4] + d * n[5] + f];
  };
  /** The path of a rectangle in device space. @param {number} x @param {number} y @param {number} w @param {number} h */
  const rectPath = (x, y, w, h) => {
    if (upright()) {
      const [x0, y0] = tx(Math.min(x, x + w), Math.min(y, y + h));
      const ww = Math.abs(w * pen.m[0]), hh = Math.abs(h * pen.m[3]);
      return `M${num(x0)} ${num(y0)}h${num(ww)}v${num(hh)}h${num(-ww)}z`;
    }
    const pts = [tx(x, y), tx(x + w, y), tx(x + w, y + h), tx(x, y + h)];
    return `M${pts.map(([px, py]) => `${num(px)} ${num(py)}`).join("L")}z`;
  };
  const strokeAttrs = () => {
    const dash = pen.dash.length ? ` stroke-dasharray="${pen.dash.map((v) => num(v * scale())).join(" ")}"` : "";
    const cap = pen.lineCap !== "butt" ? ` stroke-linecap="${pen.lineCap}"` : "";
    return `fill="none" ${paint(pen.strokeStyle, pen.globalAlpha, "stroke")} stroke-width="${num(pen.lineWidth * scale())}"${dash}${cap}`;
  };

  const ctx = {
    get fillStyle() { return pen.fillStyle; },
    set fillStyle(v) { pen.fillStyle = String(v); },
    get strokeStyle() { return pen.strokeStyle; },
    set strokeStyle(v) { pen.strokeStyle = String(v); },
    get lineWidth() { return pen.lineWidth; },
    set lineWidth(v) { pen.lineWidth = v; },
    get globalAlpha() { return pen.globalAlpha; },
    set globalAlpha(v) { pen.globalAlpha = v; },
    get font() { return pen.font; },
    set font(v) { pen.font = v; },
    get textAlign() { return pen.textAlign; },
    set textAlign(v) { pen.textAlign = v; },
    get textBaseline() { return pen.textBaseline; },
    set textBaseline(v) { pen.textBaseline = v; },
    get lineCap() { return pen.lineCap; },
    set lineCap(v) { pen.lineCap = v; },
    /** @param {number[]} d */
    setLineDash(d) { pen.dash = [...d]; },
    save() {
      stack.push(pen);
      pen = { ...pen, dash: [...pen.dash], m: /** @type {Matrix} */ ([...pen.m]), groups: 0 };
    },
    restore() {
      if (!stack.length) return;
      for (let i = 0; i < pen.groups; i++) emit("</g>");
      pen = /** @type {Pen} */ (stack.pop());
    },
    /** @param {number} a @param {number} b @param {number} c @param {number} d @param {number} e @param {number} f */
    setTransform(a, b, c, d, e, f) { pen.m = [a, b, c, d, e, f]; },
    /** @param {number} x @param {number} y */
    translate(x, y) { times([1, 0, 0, 1, x, y]); },
    /** @param {number} t */
    rotate(t) { times([Math.cos(t), Math.sin(t), -Math.sin(t), Math.cos(t), 0, 0]); },
    beginPath() { path = []; },
    /** @param {number} x @param {number} y */
    moveTo(x, y) { const [a, b] = tx(x, y); path.push(`M${num(a)} ${num(b)}`); },
    /** @param {number} x @param {number} y */
    lineTo(x, y) { const [a, b] = tx(x, y); path.push(`L${num(a)} ${num(b)}`); },
    /** @param {number} x @param {number} y @param {number} w @param {number} h */
    rect(x, y, w, h) { path.push(rectPath(x, y, w, h)); },
    /** Rounded corners in device space (upright transforms; otherwise square). @param {number} x @param {number} y @param {number} w @param {number} h @param {number} r */
    roundRect(x, y, w, h, r) {
      if (!upright()) return void path.push(rectPath(x, y, w, h));
      const [x0, y0] = tx(x, y);
      const W = w * pen.m[0], H = h * pen.m[3], R = Math.min(r * scale(), Math.abs(W) / 2, Math.abs(H) / 2);
      path.push(`M${num(x0 + R)} ${num(y0)}h${num(W - 2 * R)}a${num(R)} ${num(R)} 0 0 1 ${num(R)} ${num(R)}` +
        `v${num(H - 2 * R)}a${num(R)} ${num(R)} 0 0 1 ${num(-R)} ${num(R)}h${num(2 * R - W)}` +
        `a${num(R)} ${num(R)} 0 0 1 ${num(-R)} ${num(-R)}v${num(2 * R - H)}a${num(R)} ${num(R)} 0 0 1 ${num(R)} ${num(-R)}z`);
    },
    /** A full circle (the only arc the drawing uses: cluster marks). @param {number} x @param {number} y @param {number} r */
    arc(x, y, r) {
      const [a, b] = tx(x, y), R = r * scale();
      path.push(`M${num(a - R)} ${num(b)}a${num(R)} ${num(R)} 0 1 0 ${num(2 * R)} 0a${num(R)} ${num(R)} 0 1 0 ${num(-2 * R)} 0`);
    },
    closePath() { path.push("Z"); },
    fill() { if (path.length) emit(`<path ${paint(pen.fillStyle, pen.globalAlpha, "fill")} d="${path.join("")}"/>`); },
    stroke() { if (path.length) emit(`<path ${strokeAttrs()} d="${path.join("")}"/>`); },
    clip() {
      const id = `c${defs.length}`;
      defs.push(`<clipPath id="${id}"><path d="${path.join("")}"/></clipPath>`);
      emit(`<g clip-path="url(#${id})">`);
      pen.groups++;
    },
    /** @param {number} x @param {number} y @param {number} w @param {number} h */
    fillRect(x, y, w, h) {
      const key = paint(pen.fillStyle, pen.globalAlpha, "fill");
      if (key !== batchKey) {
        flush();
        batchKey = key;
      }
      batch.push(rectPath(x, y, w, h));
    },
    /** @param {number} x @param {number} y @param {number} w @param {number} h */
    strokeRect(x, y, w, h) { emit(`<path ${strokeAttrs()} d="${rectPath(x, y, w, h)}"/>`); },
    /** @param {string} text */
    measureText(text) {
      measurer.font = pen.font;
      return measurer.measureText(text);
    },
    /** @param {string} text @param {number} x @param {number} y @param {number} [maxWidth] */
    fillText(text, x, y, maxWidth) {
      const f = /^\s*(?:(\S+)\s+)?(\d+(?:\.\d+)?)px\s+(.+)$/.exec(pen.font);
      const weight = f && f[1] ? ` font-weight="${xmlText(f[1])}"` : "";
      const size = f ? Number(f[2]) : 10;
      const family = f ? f[3] : "sans-serif";
      const fits = maxWidth === undefined || ctx.measureText(text).width <= maxWidth;
      const squeeze = fits ? "" : ` textLength="${num(/** @type {number} */ (maxWidth))}" lengthAdjust="spacingAndGlyphs"`;
      const anchor = ANCHOR[pen.textAlign] ?? "start";
      const base = BASELINE[pen.textBaseline];
      const where = upright() && pen.m[0] === pen.m[3]
        ? `x="${num(tx(x, y)[0])}" y="${num(tx(x, y)[1])}" font-size="${num(size * pen.m[0])}"`
        : `transform="matrix(${pen.m.map(num).join(" ")})" x="${num(x)}" y="${num(y)}" font-size="${num(size)}"`;
      emit(`<text ${where} font-family="${xmlText(family)}"${weight} ${paint(pen.fillStyle, pen.globalAlpha, "fill")}` +
        `${anchor !== "start" ? ` text-anchor="${anchor}"` : ""}${base ? ` dominant-baseline="${base}"` : ""}${squeeze}>${xmlText(text)}</text>`);
    },
  };

  return {
    ctx,
    /** The whole document. */
    toString() {
      flush();
      while (stack.length) ctx.restore();
      const body = out.join("\n");
      return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}">\n` +
        `<defs>${defs.join("")}</defs>\n${body}\n</svg>\n`;
    },
  };
}
