import { describe, expect, it } from "vitest";
import { bucketMeans, bucketModes, bucketSpans } from "./buckets.js";
import { decodeAnnotations, decodeHeatmap } from "./heatmap-decode.js";
import { heatmapFixture, nanOf, near } from "./heatmap-fixture.js";
import { BLOCK, CAT_BLOCK, addCategorySpan, addSpan, categoryCounts, numericSums } from "./span-stats.js";

const fx = heatmapFixture();
const hm = /** @type {import("./heatmap-decode.js").Heatmap} */ (decodeHeatmap(fx.heatmap));
const ann = decodeAnnotations(fx.annotations);
const numeric = /** @type {import("./heatmap-decode.js").NumericColumn[]} */ ([
  ...hm.columns, ...ann.columns.filter((c) => c.kind === "numeric" && c.name === "size"),
]);
const cats = /** @type {import("./heatmap-decode.js").CategoricalColumn[]} */ (
  ann.columns.filter((c) => c.kind === "categorical")
);

describe.each(fx.windows)("window [$p0, $p1) in $buckets buckets equals numpy", (w) => {
  const b = bucketSpans(w.p0, w.p1, w.buckets, fx.n);

  it("has numpy's bucket rows", () => {
    expect(Array.from(b.lo)).toEqual(w.lo);
    expect(Array.from(b.hi)).toEqual(w.hi);
  });

  it.each(numeric.map((c) => [c.name, c]))("numeric %s: counts, dequantised and exact means", (name, col) => {
    const want = w.numeric[name];
    const got = bucketMeans(numericSums(col), b);
    expect(Array.from(got.count)).toEqual(want.count);
    const deq = nanOf(want.mean), exact = nanOf(want.exact);
    for (let i = 0; i < w.buckets; i++) {
      const m = got.mean[i];
      expect(near(m, deq[i], 1e-12 * (1 + Math.abs(deq[i]))), `${name} bucket ${i}: ${m} vs ${deq[i]}`).toBe(true);
      expect(near(m, exact[i], want.tolerance + 1e-9 * (1 + Math.abs(exact[i]))), `${name} exact ${i}`).toBe(true);
    }
  });

  it.each(cats.map((c) => [c.name, c]))("categorical %s: mode, share, count (prefix and scan)", (name, col) => {
    const want = w.categorical[name];
    for (const maxPrefix of [0, 1000]) {
      const got = bucketModes(categoryCounts(col, { maxPrefix }), b);
      expect(Array.from(got.code)).toEqual(want.code);
      expect(Array.from(got.count)).toEqual(want.count);
      expect(Array.from(got.share)).toEqual(nanOf(want.share));
    }
  });
});

/** Seeded generator (mulberry32) for the brute-force checks. @param {number} seed */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("span sums against brute force", () => {
  it("any span of a random column, both block sides, missing codes skipped", () => {
    const r = rng(7);
    for (const n of [1, BLOCK - 1, BLOCK, 3 * BLOCK + 5, CAT_BLOCK + 1, 3 * CAT_BLOCK + 17, 1000]) {
      const codes = Uint16Array.from({ length: n }, () => (r() < 0.2 ? 65535 : Math.floor(r() * 65535)));
      const col = /** @type {import("./heatmap-decode.js").NumericColumn} */ ({
        kind: "numeric", name: "x", codes, missing: 65535, mean: 0, std: 1, min: 0, max: 1, offset: 0, step: 1, rawOffset: 0, rawStep: 1,
      });
      const ns = numericSums(col);
      const cat = /** @type {import("./heatmap-decode.js").CategoricalColumn} */ ({
        kind: "categorical", name: "c", codes: Uint8Array.from(codes, (c) => (c === 65535 ? 255 : c % 5)), missing: 255, categories: ["a", "b", "c", "d", "e"],
      });
      const cc = categoryCounts(cat);
      for (let t = 0; t < 300; t++) {
        const p0 = Math.floor(r() * (n + 4)) - 2, p1 = p0 + Math.floor(r() * (n + 2));
        const acc = { sum: 0, count: 0 }, counts = new Float64Array(5), want = new Float64Array(5);
        addSpan(ns, p0, p1, acc);
        addCategorySpan(cc, p0, p1, counts);
        let s = 0, c = 0;
        for (let p = Math.max(0, p0); p < Math.min(n, p1); p++) {
          if (codes[p] !== 65535) { s += codes[p]; c++; want[codes[p] % 5]++; }
        }
        expect([acc.sum, acc.count]).toEqual([s, c]);
        expect(Array.from(counts)).toEqual(Array.from(want));
      }
    }
  });

  it("buckets past either end are empty, zoomed-in buckets hold one row each", () => {
    const b = bucketSpans(-10, 10, 20, 5);
    expect(Array.from(b.hi).map((h, i) => h - b.lo[i])).toEqual([...Array(10).fill(0), 1, 1, 1, 1, 1, ...Array(5).fill(0)]);
    expect(Array.from(b.lo.slice(10, 15))).toEqual([0, 1, 2, 3, 4]);
    const one = bucketSpans(2, 3, 4, 10); // one row over four pixels
    expect(Array.from(one.lo)).toEqual([2, 2, 2, 2]);
  });
});
