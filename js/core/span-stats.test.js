// Sums over spans from a large heatmap's first message (block sums only, _detail.py), checked
// against the codes of the full payload of the same data (tests/fixtures/heatmap/heatmap.json).
import { describe, expect, it } from "vitest";
import { decodeHeatmap } from "./heatmap-decode.js";
import { heatmapFixture } from "./heatmap-fixture.js";
import { addSpan, numericSums, prefixAt } from "./span-stats.js";

const fx = heatmapFixture();
const full = /** @type {import("./heatmap-decode.js").Heatmap} */ (decodeHeatmap(fx.heatmap));
const later = /** @type {import("./heatmap-decode.js").Heatmap} */ (decodeHeatmap(fx.later));

/** Sum and count of the known codes in [a, b), by scanning. @param {import("./heatmap-decode.js").NumericColumn} col @param {number} a @param {number} b */
function scan(col, a, b) {
  const codes = /** @type {Uint16Array} */ (col.codes);
  let sum = 0, count = 0;
  for (let p = a; p < b; p++) if (codes[p] !== col.missing) { sum += codes[p]; count++; }
  return { sum, count };
}

describe("numericSums from block sums", () => {
  const block = /** @type {import("./heatmap-decode.js").Blocks} */ (later.columns[0].blocks).block;

  it("equals the codes' sums at every block boundary, and over the whole column", () => {
    expect(block).toBe(16);
    later.columns.forEach((col, j) => {
      const ns = numericSums(col, later.n), acc = { sum: 0, count: 0 };
      for (let p = 0; p <= fx.n; p += block) {
        prefixAt(ns, p, acc);
        expect(acc).toEqual(scan(full.columns[j], 0, p));
      }
      prefixAt(ns, fx.n, acc); // the short last block
      expect(acc).toEqual(scan(full.columns[j], 0, fx.n));
      expect(ns.total).toEqual(scan(full.columns[j], 0, fx.n));
    });
  });

  it("spreads a block's sum and count evenly over its rows inside it", () => {
    const j = 1; // "holes": a fifth missing
    const ns = numericSums(later.columns[j], later.n), acc = { sum: 0, count: 0 };
    const spread = (/** @type {number} */ p) => {
      const b = Math.floor(p / block), a = b * block, e = Math.min(fx.n, a + block);
      const before = scan(full.columns[j], 0, a), inside = scan(full.columns[j], a, e), f = (p - a) / (e - a);
      return { sum: before.sum + f * inside.sum, count: before.count + f * inside.count };
    };
    for (const [p0, p1] of [[3, 9], [5, 70], [17, 332], [330, 333], [0, 1]]) {
      acc.sum = 0; acc.count = 0;
      addSpan(ns, p0, p1, acc);
      const a = spread(p0), b = spread(p1);
      expect(acc.sum).toBeCloseTo(b.sum - a.sum, 6);
      expect(acc.count).toBeCloseTo(b.count - a.count, 9);
    }
  });

  it("gives a span inside one block that block's mean", () => {
    const j = 0, ns = numericSums(later.columns[j], later.n), acc = { sum: 0, count: 0 };
    addSpan(ns, 34, 37, acc);
    const whole = scan(full.columns[j], 32, 48);
    expect(acc.sum / acc.count).toBeCloseTo(whole.sum / whole.count, 9);
  });
});
