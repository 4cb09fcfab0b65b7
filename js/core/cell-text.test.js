import { describe, expect, it } from "vitest";
import { cellTooltip, exactCodes } from "./cell-text.js";
import { computeCells, prepareData } from "./heatmap-cells.js";
import { decodeAnnotations, decodeHeatmap, valueOf } from "./heatmap-decode.js";
import { heatmapFixture } from "./heatmap-fixture.js";

const fx = heatmapFixture();
const hm = /** @type {import("./heatmap-decode.js").Heatmap} */ (decodeHeatmap(fx.heatmap));
const ann = decodeAnnotations(fx.annotations);
const prep = prepareData(hm, ann);
const order = Int32Array.from({ length: fx.n }, (_, p) => fx.n - 1 - p); // leaf at p: n - 1 - p
const L = { order };
const labels = { get: (/** @type {number} */ r) => `row <${r}>` };

describe("cell tooltips", () => {
  const cells = computeCells(prep, 10, 20, 500); // one cell per leaf
  const g = hm.columns.findIndex((c) => c.name === "g");

  it("a leaf: its label, the value (≈ until Python's exact one arrives), z-score and row", () => {
    /** @type {any[]} */
    const asked = [];
    const none = (/** @type {any[]} */ ...a) => { asked.push(a); return undefined; };
    const col = hm.columns[g];
    const t = cellTooltip(prep, cells, 3, { kind: "heatmap", column: g }, L, labels, none);
    expect(t.head).toBe(`row <${fx.n - 1 - 13}>`);
    expect(t.leaf).toBe(fx.n - 1 - 13);
    expect(t.lines[0][0]).toBe("g");
    expect(t.lines[0][1].startsWith("≈ ")).toBe(true);
    expect(asked).toEqual([["heatmap", g, fx.n - 1 - 13]]);
    const exact = () => ({ value: 1234.5, text: "1234.5" });
    const u = cellTooltip(prep, cells, 3, { kind: "heatmap", column: g }, L, labels, exact);
    expect(u.lines[0]).toEqual(["g", "1234.5"]);
    expect(u.lines[1]).toEqual(["z-score", `${(1234.5 - col.mean) / col.std >= 0 ? "+" : ""}${((1234.5 - col.mean) / col.std).toFixed(2)}`]);
    expect(u.lines[u.lines.length - 1]).toEqual(["row", String(fx.n - 1 - 13)]);
  });

  it("whole numbers are exact already; missing says so; categories are named", () => {
    const counts = hm.columns.findIndex((c) => c.name === "counts");
    expect(exactCodes(hm.columns[counts])).toBe(true);
    const never = () => { throw new Error("no need to ask Python"); };
    for (let b = 0; b < cells.nb; b++) {
      const t = cellTooltip(prep, cells, b, { kind: "heatmap", column: counts }, L, labels, never);
      const code = /** @type {Uint16Array} */ (hm.columns[counts].codes)[10 + b];
      expect(t.lines[0][1]).toBe(code === hm.columns[counts].missing ? "missing" : String(valueOf(hm.columns[counts], code)));
    }
    const k = ann.columns.findIndex((c) => c.kind === "categorical");
    const col = /** @type {import("./heatmap-decode.js").CategoricalColumn} */ (ann.columns[k]);
    const t = cellTooltip(prep, cells, 0, { kind: "strip", column: k }, L, labels, never);
    const code = col.codes[10];
    expect(t.lines[0]).toEqual([col.name, code === col.missing ? "missing" : col.categories[code]]);
  });

  it("a cell of many leaves: their mean, or their most common value and its share", () => {
    const wide = computeCells(prep, 0, fx.n, 10);
    const t = cellTooltip(prep, wide, 2, { kind: "heatmap", column: g }, L, labels, () => undefined);
    const n = wide.buckets.hi[2] - wide.buckets.lo[2];
    expect(t.head).toBe(`${n} leaves`);
    expect(t.lines[0][1]).toMatch(/^mean -?\d/);
    expect(t.leaf).toBe(-1);
    const k = ann.columns.findIndex((c) => c.kind === "categorical");
    const s = cellTooltip(prep, wide, 2, { kind: "strip", column: k }, L, labels, () => undefined);
    expect(s.lines[0][1]).toMatch(/\(\d+%\)$/);
  });
});

describe("cell tooltips while a large heatmap's codes are still coming", () => {
  const later = /** @type {import("./heatmap-decode.js").Heatmap} */ (decodeHeatmap(fx.later));
  const lprep = prepareData(later, ann);
  const g = later.columns.findIndex((c) => c.name === "g");

  it("a leaf waits for Python's exact value (even of a whole-number column), then shows it", () => {
    const cells = computeCells(lprep, 10, 20, 500);
    /** @type {any[]} */
    const asked = [];
    const none = (/** @type {any[]} */ ...a) => { asked.push(a); return undefined; };
    const t = cellTooltip(lprep, cells, 3, { kind: "heatmap", column: g }, L, labels, none);
    expect(t.lines[0]).toEqual(["g", "…"]);
    expect(asked).toEqual([["heatmap", g, fx.n - 1 - 13]]);
    const counts = later.columns.findIndex((c) => c.name === "counts");
    cellTooltip(lprep, cells, 3, { kind: "heatmap", column: counts }, L, labels, none);
    expect(asked[1]).toEqual(["heatmap", counts, fx.n - 1 - 13]);
    const u = cellTooltip(lprep, cells, 3, { kind: "heatmap", column: g }, L, labels, () => ({ value: 5, text: "5" }));
    expect(u.lines[0]).toEqual(["g", "5"]);
    expect(u.lines[1][0]).toBe("z-score");
    const gone = cellTooltip(lprep, cells, 3, { kind: "heatmap", column: g }, L, labels, () => ({ value: NaN, text: "" }));
    expect(gone.lines[0]).toEqual(["g", "missing"]);
  });

  it("a group of leaves shows its mean as approximate", () => {
    const cells = computeCells(lprep, 0, fx.n, 40);
    const t = cellTooltip(lprep, cells, 5, { kind: "heatmap", column: g }, L, labels, () => undefined);
    expect(t.lines[0][1]).toMatch(/^≈ mean /);
    const whole = cellTooltip(prep, computeCells(prep, 0, fx.n, 40), 5, { kind: "heatmap", column: g }, L, labels, () => undefined);
    expect(whole.lines[0][1]).toMatch(/^mean /);
  });
});
