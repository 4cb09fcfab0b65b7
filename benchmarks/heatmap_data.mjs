// The browser-side heatmap engines at 1,000,000 rows x 20 numeric columns + 4 categorical strips,
// in Node (the same V8 as Chromium): decode, prefix sums (once per payload), one frame's bucket
// aggregation (every pixel column of a 1,500 px heatmap), and explain (a hovered node against its
// sibling, a selection against the rest). Prints a markdown table.
//
//     node benchmarks/heatmap_data.mjs [--quick]
import { bucketMeans, bucketModes, bucketSpans } from "../js/core/buckets.js";
import { explainSpans, prepareExplain } from "../js/core/explain.js";
import { decodeAnnotations, decodeHeatmap } from "../js/core/heatmap-decode.js";

const n = process.argv.includes("--quick") ? 100_000 : 1_000_000;
const m = 20, px = 1500;

let seed = 1;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);

/** Payloads shaped as _heatmap.py writes them (codes column-major, stats per column). */
function payloads() {
  const codes = new Uint16Array(n * m);
  for (let i = 0; i < codes.length; i++) codes[i] = rand() < 0.01 ? 65535 : Math.floor(rand() * 65535);
  const stats = new Float64Array(m * 8);
  for (let j = 0; j < m; j++) stats.set([0, 1, -4, 4, -4, 8 / 65534, -4, 8 / 65534], j * 8);
  const bytes = new Uint8Array(codes.byteLength + 1); // unaligned, as a DataView may arrive
  bytes.set(new Uint8Array(codes.buffer), 1);
  const heat = {
    n, columns: Array.from({ length: m }, (_, j) => `h${j}`), scale: "zscore", range: [-3, 3],
    dtype: "uint16", missing: 65535, codes: new DataView(bytes.buffer, 1, codes.byteLength), stats,
  };
  const strips = [5, 12, 40, 300].map((k, i) => ({
    name: `c${i}`, kind: "categorical", dtype: k < 255 ? "uint8" : "uint16", missing: k < 255 ? 255 : 65535,
    codes: (k < 255 ? Uint8Array : Uint16Array).from({ length: n }, () => Math.floor(rand() * k)),
    categories: Array.from({ length: k }, (_, c) => `v${c}`),
  }));
  return { heat, ann: { n, columns: strips } };
}

/** Best of `repeat` runs in ms. @param {() => unknown} fn */
function best(fn, repeat = 5) {
  let t = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    fn();
    t = Math.min(t, performance.now() - t0);
  }
  return t;
}

const { heat, ann } = payloads();
const tDecode = best(() => { decodeHeatmap(heat); decodeAnnotations(ann); });
const hm = decodeHeatmap(heat), an = decodeAnnotations(ann);
const tPrepare = best(() => prepareExplain(hm, an), 3);
const data = prepareExplain(hm, an);

/** @param {number} p0 @param {number} p1 */
const frame = (p0, p1) => () => {
  const b = bucketSpans(p0, p1, px, n);
  for (const ns of data.numeric) bucketMeans(ns, b);
  for (const cc of data.categorical) bucketModes(cc, b);
};
const tWhole = best(frame(0, n));
const tZoom = best(frame(n * 0.3, n * 0.3 + 50_000));
const tClose = best(frame(1000, 1400));
const whole = bucketSpans(0, n, px, n);
const tNumeric = best(() => { for (const ns of data.numeric) bucketMeans(ns, whole); });
const tScan = best(() => bucketModes(data.categorical[3], whole)); // 300 categories: no prefix
const tNode = best(() => explainSpans(data, [[200_000, 260_000]], [[260_000, 500_000]]));
const tRest = best(() => explainSpans(data, [[0, 10], [200_000, 600_000], [700_000, 700_500]]));

const rows = [
  ["decode payloads (20 heatmap columns, 4 strips)", tDecode],
  ["prefix sums, once per payload", tPrepare],
  [`frame: whole tree in ${px} px (means of 20 columns, modes of 4 strips)`, tWhole],
  ["  of which the 20 numeric columns", tNumeric],
  ["  of which the 300-category strip (counted by scanning its rows)", tScan],
  [`frame: 50,000 rows in ${px} px`, tZoom],
  [`frame: 400 rows in ${px} px (one cell per row)`, tClose],
  ["explain: node against its sibling", tNode],
  ["explain: 3 selected spans against the rest", tRest],
];
console.log(`### browser engines, ${n.toLocaleString("en")} rows x ${m} columns + 4 strips (Node ${process.version})\n`);
console.log("| step | time |\n|---|---|");
for (const [name, t] of rows) console.log(`| ${name} | ${Number(t).toFixed(2)} ms |`);
