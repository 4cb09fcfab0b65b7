import { describe, expect, it } from "vitest";
import {
  effectText, explainNode, explainSpans, normalizeSpans, prepareExplain, subtractSpans, topEffects,
} from "./explain.js";
import { decodeAnnotations, decodeHeatmap } from "./heatmap-decode.js";
import { heatmapFixture, near } from "./heatmap-fixture.js";

const fx = heatmapFixture();
const hm = decodeHeatmap(fx.heatmap);
const ann = decodeAnnotations(fx.annotations);

/** @param {number | null} v */
const num = (v) => (v === null ? NaN : v);

describe.each(fx.explain)("explain $inside against $outside", (c) => {
  for (const maxPrefix of [0, 64]) {
    const data = prepareExplain(hm, ann, { maxPrefix });
    const rows = explainSpans(data, c.inside, c.outside);

    it(`equals numpy on the dequantised values (maxPrefix ${maxPrefix})`, () => {
      // a numeric strip repeating a heatmap column ("g") is explained once
      expect(rows.map((r) => r.column).sort()).toEqual(Object.keys(c.dequantised).sort());
      for (const r of rows) {
        const want = c.dequantised[r.column];
        expect(r.value).toBe(want.value);
        for (const k of /** @type {const} */ (["inside", "outside", "effect"])) {
          const w = num(want[k]);
          expect(near(r[k], w, 1e-9 * (1 + Math.abs(w))), `${r.column}.${k}: ${r[k]} vs ${w}`).toBe(true);
        }
      }
    });

    it(`is within the quantisation step of explain() on the original values (maxPrefix ${maxPrefix})`, () => {
      for (const r of rows) {
        const want = c.exact[r.column];
        const col = [...(hm?.columns ?? []), ...ann.columns].find((x) => x.name === r.column);
        if (!col) throw new Error(r.column);
        if (col.kind === "categorical") {
          // category codes are exact: the same value and shares
          expect(r.value).toBe(want.value);
          expect(near(r.effect, num(want.effect), 1e-12)).toBe(true);
          continue;
        }
        const tol = col.rawStep / 2 + 1e-9 * (1 + Math.abs(col.mean));
        expect(near(r.inside, num(want.inside), tol), `${r.column} inside`).toBe(true);
        expect(near(r.outside, num(want.outside), tol), `${r.column} outside`).toBe(true);
        const etol = col.std > 0 ? (2 * tol) / col.std : 0;
        expect(near(r.effect, num(want.effect), etol + 1e-12), `${r.column} effect`).toBe(true);
      }
    });

    it(`is sorted by |effect|, NaN last (maxPrefix ${maxPrefix})`, () => {
      const e = rows.map((r) => Math.abs(r.effect));
      const known = e.filter((v) => !Number.isNaN(v));
      for (let i = 1; i < known.length; i++) expect(known[i]).toBeLessThanOrEqual(known[i - 1]);
      expect(e.slice(known.length).every(Number.isNaN)).toBe(true);
    });
  }
});

describe("span sets", () => {
  it("normalizes and subtracts like sets of positions", () => {
    expect(normalizeSpans([[5, 9], [-3, 2], [8, 12], [12, 14], [20, 20]], 13)).toEqual([[0, 2], [5, 13]]);
    const a = normalizeSpans([[0, 10], [20, 30]], 100), b = normalizeSpans([[2, 4], [8, 22], [29, 40]], 100);
    const out = subtractSpans(a, b);
    const set = (/** @type {[number, number][]} */ s) => s.flatMap(([x, y]) => Array.from({ length: y - x }, (_, i) => x + i));
    const bs = new Set(set(b));
    expect(set(out)).toEqual(set(a).filter((p) => !bs.has(p)));
    expect(out).toEqual([[0, 2], [4, 8], [22, 29]]);
  });
});

describe("node against sibling, top three, text", () => {
  // 4 leaves drawn 0..3: node 4 = (0, 1), node 5 = (2, 3), root 6 = (4, 5)
  const L = {
    n: 4, start: [0, 1, 2, 3, 0, 2, 0], count: [1, 1, 1, 1, 2, 2, 4],
    parent: [4, 4, 5, 5, 6, 6, -1], left: [0, 2, 4], right: [1, 3, 5],
  };
  const heat = /** @type {import("./heatmap-decode.js").Heatmap} */ ({
    n: 4, scale: "zscore", range: [-3, 3],
    columns: [{
      kind: "numeric", name: "x", codes: Uint16Array.from([0, 2, 10, 65535]), missing: 65535,
      mean: 4, std: 4, min: 0, max: 10, offset: 0, step: 0, rawOffset: 0, rawStep: 1,
    }],
  });
  const strips = {
    n: 4,
    columns: [/** @type {import("./heatmap-decode.js").CategoricalColumn} */ ({
      kind: "categorical", name: "<b>g</b>", codes: Uint8Array.from([0, 0, 1, 0]), missing: 255, categories: ["a", "<i>b</i>"],
    })],
  };
  const data = prepareExplain(heat, strips);

  it("compares a node with its sibling", () => {
    const rows = explainNode(data, L, 4);
    expect(rows[0]).toMatchObject({ column: "x", inside: 1, outside: 10, effect: (1 - 10) / 4 });
    expect(rows[1]).toMatchObject({ column: "<b>g</b>", value: "a", inside: 1, outside: 0.5, effect: 0.5 });
    expect(explainNode(data, L, 6)).toEqual([]);
    expect(explainSpans(data, [[0, 1]])[0]).toMatchObject({ column: "x", inside: 0, outside: 6 });
  });

  it("keeps the first three known effects and writes them as plain text", () => {
    const rows = explainSpans(data, [[0, 4]]); // nothing outside: every effect NaN
    expect(topEffects(rows)).toEqual([]);
    const top = topEffects(explainNode(data, L, 4), 1);
    expect(top.map(effectText)).toEqual(["x -2.3 sd"]);
    expect(effectText(explainNode(data, L, 4)[1])).toBe("<b>g</b> a 100% vs 50%");
  });
});
