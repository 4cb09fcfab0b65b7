import { describe, expect, it } from "vitest";
import { bucketMeans, bucketModes, bucketSpans } from "./buckets.js";
import { cellColors, cellWindow, computeCells, prepareData, scaleT } from "./heatmap-cells.js";
import { decodeAnnotations, decodeHeatmap, valueOf } from "./heatmap-decode.js";
import { heatmapFixture, nanOf, near } from "./heatmap-fixture.js";
import { lutFor, lutIndex, missingRgb } from "./colormap.js";

const fx = heatmapFixture();
const hm = /** @type {import("./heatmap-decode.js").Heatmap} */ (decodeHeatmap(fx.heatmap));
const ann = decodeAnnotations(fx.annotations);
const prep = prepareData(hm, ann);
const WHITE = /** @type {[number, number, number]} */ ([255, 255, 255]);

describe("cells of a window", () => {
  it("one cell per leaf while leaves are a pixel wide, else one per pixel", () => {
    expect(cellWindow(100, 10.4, 20.6, 500)).toEqual({ p0: 10, p1: 21, nb: 11, perLeaf: true });
    expect(cellWindow(100, -3, 120, 500)).toEqual({ p0: 0, p1: 100, nb: 100, perLeaf: true });
    expect(cellWindow(1e6, 0, 1e6, 812.4)).toEqual({ p0: 0, p1: 1e6, nb: 812, perLeaf: false });
  });

  it.each(fx.windows.map((w) => [w.p0, w.p1, w]))("[%s, %s) holds numpy's means and modes", (_a, _b, w) => {
    const cells = computeCells(prep, w.p0, w.p1, w.buckets);
    const b = bucketSpans(cells.p0, cells.p1, cells.nb, fx.n);
    expect(Array.from(cells.buckets.lo)).toEqual(Array.from(b.lo));
    hm.columns.forEach((col, j) => {
      expect(Array.from(cells.heat[j])).toEqual(Array.from(bucketMeans(prep.heat[j], b).mean));
      if (cells.perLeaf) return;
      const want = nanOf(w.numeric[col.name].mean); // numpy's means of the dequantised values
      cells.heat[j].forEach((m, i) => expect(near(m, want[i], 1e-12 * (1 + Math.abs(want[i])))).toBe(true));
    });
    ann.columns.forEach((col, k) => {
      const s = cells.strips[k];
      if (col.kind === "categorical" && "code" in s) {
        const want = bucketModes(/** @type {any} */ (prep.strips[k]), b);
        expect(Array.from(s.code)).toEqual(Array.from(want.code));
        if (!cells.perLeaf) expect(Array.from(s.code)).toEqual(w.categorical[col.name].code);
      }
    });
  });

  it("zoomed in, each cell is its leaf's own value", () => {
    const cells = computeCells(prep, 50, 60, 400);
    expect(cells.perLeaf).toBe(true);
    hm.columns.forEach((col, j) => {
      for (let b = 0; b < cells.nb; b++) {
        const v = valueOf(col, /** @type {Uint16Array} */ (col.codes)[50 + b]);
        expect(Number.isNaN(v) ? Number.isNaN(cells.heat[j][b]) : Math.abs(cells.heat[j][b] - v) < 1e-9).toBe(true);
      }
    });
  });
});

describe("cell colours", () => {
  const cells = computeCells(prep, 0, fx.n, 60);
  const { rgba, missing, rows } = cellColors(prep, cells, WHITE);

  it("has a row per heatmap column, then per strip; missing cells are grey and flagged", () => {
    expect(rows).toBe(hm.columns.length + ann.columns.length);
    const grey = missingRgb(WHITE);
    const gone = hm.columns.findIndex((c) => c.name === "gone"); // all missing
    for (let b = 0; b < cells.nb; b++) {
      expect(missing[gone * cells.nb + b]).toBe(1);
      expect(Array.from(rgba.subarray((gone * cells.nb + b) * 4, (gone * cells.nb + b) * 4 + 3))).toEqual(grey);
    }
    for (let i = 0; i < rgba.length; i += 4) expect(rgba[i + 3]).toBe(255);
  });

  it("a z-score is placed on the diverging map, clipped at +-3", () => {
    const j = hm.columns.findIndex((c) => c.name === "g");
    const col = hm.columns[j];
    expect(scaleT(hm, col, col.mean)).toBeCloseTo(0.5, 12);
    expect(scaleT(hm, col, col.mean + 3 * col.std)).toBeCloseTo(1, 12);
    const lut = lutFor("diverging");
    for (let b = 0; b < cells.nb; b++) {
      const i = lutIndex(scaleT(hm, col, cells.heat[j][b]));
      expect(Array.from(rgba.subarray((j * cells.nb + b) * 4, (j * cells.nb + b) * 4 + 3))).toEqual(
        Array.from(lut.subarray(i * 3, i * 3 + 3)),
      );
    }
  });

  it("a mixed categorical cell is fainter than a pure one", () => {
    const k = ann.columns.findIndex((c) => c.kind === "categorical");
    const row = hm.columns.length + k;
    const strip = /** @type {{code: Int32Array, share: Float64Array}} */ (cells.strips[k]);
    const dist = (/** @type {number} */ b) => {
      const at = (row * cells.nb + b) * 4;
      return 765 - rgba[at] - rgba[at + 1] - rgba[at + 2]; // how far from white
    };
    const same = [];
    for (let b = 0; b < cells.nb; b++) if (strip.code[b] === strip.code[0]) same.push(b);
    same.sort((a, b) => strip.share[a] - strip.share[b]);
    const lo = same[0], hi = same[same.length - 1];
    if (strip.share[lo] < strip.share[hi]) expect(dist(lo)).toBeLessThan(dist(hi));
  });

  it("minmax and none use the sequential map over their ranges", () => {
    const h2 = /** @type {any} */ ({ ...hm, scale: "minmax", range: [0, 1] });
    const col = hm.columns.find((c) => c.name === "g");
    if (!col) throw new Error("g");
    expect(scaleT(h2, col, col.min)).toBe(0);
    expect(scaleT(h2, col, col.max)).toBe(1);
    const h3 = /** @type {any} */ ({ ...hm, scale: "none", range: [col.min, col.max] });
    expect(scaleT(h3, col, (col.min + col.max) / 2)).toBeCloseTo(0.5, 12);
  });
});
