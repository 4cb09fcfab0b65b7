import { describe, expect, it } from "vitest";
import { decodeAnnotations, decodeHeatmap, toScale, valueOf } from "./heatmap-decode.js";
import { heatmapFixture } from "./heatmap-fixture.js";

const fx = heatmapFixture();
/** A column's codes (decoded from a full payload: never null). @param {{codes: any}} c @returns {import("./heatmap-decode.js").Codes} */
const codesOf = (c) => c.codes;

describe("decodeHeatmap", () => {
  const hm = /** @type {import("./heatmap-decode.js").Heatmap} */ (decodeHeatmap(fx.heatmap));

  it("reads every column from unaligned buffers, in drawn order", () => {
    expect(hm.n).toBe(fx.n);
    expect(hm.scale).toBe("zscore");
    expect(hm.range).toEqual([-3, 3]);
    expect(hm.columns.map((c) => c.name)).toEqual(["g", "holes", "const", "gone", "counts", "nullable"]);
    for (const c of hm.columns) {
      expect(c.codes).toBeInstanceOf(Uint16Array);
      expect(codesOf(c).length).toBe(fx.n);
      expect(c.missing).toBe(65535);
    }
  });

  it("decodes codes to original and scale units, missing to NaN", () => {
    const g = hm.columns[0];
    const gc = codesOf(g), p = gc.findIndex((c) => c !== g.missing);
    const v = valueOf(g, gc[p]);
    expect(v).toBe(g.rawOffset + gc[p] * g.rawStep);
    expect(toScale(g, "zscore", v)).toBeCloseTo(g.offset + gc[p] * g.step, 9);
    expect(toScale(g, "minmax", g.min)).toBe(0);
    expect(toScale(g, "none", v)).toBe(v);
    const gone = hm.columns[3];
    expect(Array.from(codesOf(gone)).every((c) => c === gone.missing)).toBe(true);
    expect(Number.isNaN(gone.mean)).toBe(true);
    expect(Number.isNaN(valueOf(gone, gone.missing))).toBe(true);
    const k = hm.columns[2]; // constant: the mean in z-scores, the middle in min-max
    expect(k.std).toBe(0);
    expect(toScale(k, "zscore", 7.25)).toBe(0);
    expect(toScale(k, "minmax", 7.25)).toBe(0.5);
    expect(Number.isNaN(toScale(k, "zscore", NaN))).toBe(true);
  });

  it("gives null without a heatmap and refuses buffers that do not match", () => {
    expect(decodeHeatmap({})).toBeNull();
    expect(decodeHeatmap(null)).toBeNull();
    const bad = { ...fx.heatmap, n: fx.n + 1 };
    expect(() => decodeHeatmap(bad)).toThrow(/codes/);
    expect(() => decodeHeatmap({ ...fx.heatmap, stat_fields: ["mean"] })).toThrow(/stats/);
    expect(() => decodeHeatmap({ ...fx.heatmap, dtype: "float32" })).toThrow(/dtype/);
  });
});

describe("decodeAnnotations", () => {
  const ann = decodeAnnotations(fx.annotations);

  it("keeps categories as plain strings and numeric strips as numeric columns", () => {
    expect(ann.columns.map((c) => [c.name, c.kind])).toEqual([
      ["fruit", "categorical"], ["many", "categorical"], ["level", "categorical"], ["g", "numeric"], ["size", "numeric"],
    ]);
    const fruit = /** @type {import("./heatmap-decode.js").CategoricalColumn} */ (ann.columns[0]);
    expect(fruit.categories).toEqual(["fig", "kiwi", "pear"]);
    expect(fruit.codes).toBeInstanceOf(Uint8Array);
    expect(fruit.missing).toBe(255);
    const level = /** @type {import("./heatmap-decode.js").CategoricalColumn} */ (ann.columns[2]);
    expect(level.categories).toEqual(["lo", "mid", "hi"]);
    const size = /** @type {import("./heatmap-decode.js").NumericColumn} */ (ann.columns[4]);
    expect(size.min).toBeLessThan(size.max);
    expect(toScale(size, "minmax", size.max)).toBe(1);
  });

  it("is empty without strips and refuses a strip of the wrong length", () => {
    expect(decodeAnnotations({}).columns).toEqual([]);
    expect(() => decodeAnnotations({ ...fx.annotations, n: 5 })).toThrow(/codes, not 5/);
  });
});

describe("decodeHeatmap of a large heatmap's first message (block sums, no codes)", () => {
  const hm = /** @type {import("./heatmap-decode.js").Heatmap} */ (decodeHeatmap(fx.later));

  it("keeps the columns, their statistics and the scale, and says the codes follow", () => {
    const whole = /** @type {import("./heatmap-decode.js").Heatmap} */ (decodeHeatmap(fx.heatmap));
    expect(hm.later).toBe(true);
    expect(whole.later).toBe(false);
    expect(hm.columns.map((c) => c.name)).toEqual(whole.columns.map((c) => c.name));
    hm.columns.forEach((c, j) => {
      expect(c.codes).toBeNull();
      expect(c.blocks?.sums.length).toBe(Math.ceil(fx.n / 16));
      expect([c.mean, c.std, c.rawOffset, c.rawStep]).toEqual([whole.columns[j].mean, whole.columns[j].std, whole.columns[j].rawOffset, whole.columns[j].rawStep]);
    });
  });

  it("refuses block sums that do not fit the rows", () => {
    expect(() => decodeHeatmap({ ...fx.later, n: fx.n + 100 })).toThrow(/block sums/);
  });
});
