// The shared heatmap fixture for the tests (tests/fixtures/heatmap/heatmap.json, written by
// tests/fixtures/make_heatmap_fixtures.py): payloads as the widget sends them plus numpy's answers.
import { readFileSync } from "node:fs";

const FILE = new URL("../../tests/fixtures/heatmap/heatmap.json", import.meta.url);

/**
 * Buffers come back as DataViews at an odd byte offset, as ipywidgets may hand them over.
 * @param {any} x
 * @returns {any}
 */
function revive(x) {
  if (Array.isArray(x)) return x.map(revive);
  if (x && typeof x === "object") {
    if (typeof x.base64 === "string") {
      const bytes = Buffer.from(x.base64, "base64");
      const buf = new ArrayBuffer(bytes.length + 4);
      new Uint8Array(buf).set(bytes, 1);
      return new DataView(buf, 1, bytes.length);
    }
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, revive(v)]));
  }
  return x;
}

/**
 * @typedef {{sum: number[], count: number[], mean: (number | null)[], exact: (number | null)[], tolerance: number}} NumericExpect
 * @typedef {{code: number[], share: (number | null)[], count: number[]}} ModeExpect
 * @typedef {{p0: number, p1: number, buckets: number, lo: number[], hi: number[],
 *   numeric: Record<string, NumericExpect>, categorical: Record<string, ModeExpect>}} WindowExpect
 * @typedef {{value: string | null, inside: number | null, outside: number | null, effect: number | null}} RowExpect
 * @typedef {{inside: [number, number][], outside: "rest" | [number, number][],
 *   dequantised: Record<string, RowExpect>, exact: Record<string, RowExpect>}} ExplainExpect
 * @typedef {{n: number, heatmap: any, later: any, annotations: any, windows: WindowExpect[], explain: ExplainExpect[]}} HeatmapFixture
 */

/** @returns {HeatmapFixture} */
export function heatmapFixture() {
  return revive(JSON.parse(readFileSync(FILE, "utf8")));
}

/**
 * JSON has no NaN: the fixture writes null.
 * @param {(number | null)[]} xs
 */
export const nanOf = (xs) => xs.map((v) => (v === null ? NaN : v));

/**
 * |a - b| <= tol, NaN equal to NaN.
 * @param {number} a @param {number} b @param {number} tol
 */
export function near(a, b, tol) {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= tol;
}
