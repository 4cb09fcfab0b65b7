import { describe, expect, it } from "vitest";
import { bandAt, dataPlot } from "./data-layout.js";
import { plotRect } from "./frame.js";

const SHAPE = { strips: 2, columns: 5, colTree: true, nameW: 90, legendW: 150 };
const W = 900, H = 500, OPTS = { title: true, labelBand: 60 };

describe.each(["top", "bottom", "left", "right"])("orientation %s", (o) => {
  const orient = /** @type {import("./frame.js").Orientation} */ (o);
  const { plot, geo } = dataPlot(orient, W, H, OPTS, SHAPE);
  const vertical = o === "top" || o === "bottom";
  const rows = [...geo.strips, ...geo.heat];

  it("puts strips, then the heatmap, between the leaves and the labels", () => {
    const edge = /** @type {number} */ ({ top: plot.y + plot.h, bottom: plot.y, left: plot.x + plot.w, right: plot.x }[o]);
    expect(geo.base).toBe(edge);
    // every band beyond the leaf edge, none overlapping, strips nearest the tree
    const dist = rows.map(([a, b]) => (geo.out > 0 ? a - edge : edge - b));
    expect(dist.every((d) => d >= 0)).toBe(true);
    expect(dist).toEqual([...dist].sort((a, b) => a - b));
    for (let i = 1; i < rows.length; i++) {
      const [a0, a1] = rows[i - 1], [b0, b1] = rows[i];
      expect(a1 <= b0 || b1 <= a0).toBe(true);
    }
    expect(Math.max(...dist.map((d, i) => d + rows[i][1] - rows[i][0]))).toBeLessThanOrEqual(geo.band);
    // the labels still have their band beyond it, inside the canvas
    const far = geo.out > 0 ? edge + geo.band + OPTS.labelBand : edge - geo.band - OPTS.labelBand;
    expect(far).toBeGreaterThanOrEqual(0);
    expect(far).toBeLessThanOrEqual(vertical ? H : W - SHAPE.legendW);
  });

  it("makes room: a smaller plot than without data, the legend at the right edge", () => {
    const bare = plotRect(orient, W, H, OPTS);
    expect(plot.w * plot.h).toBeLessThan(bare.w * bare.h);
    expect(geo.legend && geo.legend.x + geo.legend.w).toBeLessThanOrEqual(W);
    expect(geo.legend && geo.legend.x).toBeGreaterThanOrEqual(plot.x + plot.w);
    expect(geo.cell).toBeGreaterThanOrEqual(3);
    expect(geo.cell).toBeLessThanOrEqual(16);
    // names have room: right of the band (top/bottom) or under it; the gutter stays as it was
    if (vertical) {
      expect(plot.x).toBe(bare.x);
      expect(geo.names).toBeGreaterThan(plot.x + plot.w);
      expect(geo.names + SHAPE.nameW).toBeLessThanOrEqual(W);
      // the legend shares the right column, above or below the band's rows, never beside them
      for (const L of [geo.legend, geo.legendMore]) {
        if (!L) throw new Error("no legend area");
        for (const [a, b] of rows) expect(L.y >= b || L.y + L.h <= a).toBe(true);
      }
    } else {
      expect(H - (plot.y + plot.h)).toBeGreaterThanOrEqual(SHAPE.nameW + 10);
    }
  });

  it("the column tree sits at the heatmap's far end, outside the plot", () => {
    const t = geo.tree;
    expect(t).not.toBeNull();
    if (!t) return;
    if (vertical) expect(t.x >= plot.x + plot.w && t.x + t.w <= geo.names).toBe(true);
    else expect(t.y + t.h).toBeLessThanOrEqual(plot.y);
  });

  it("finds the band under a point", () => {
    geo.heat.forEach(([a, b], j) => expect(bandAt(geo, (a + b) / 2)).toEqual({ kind: "heatmap", column: j }));
    geo.strips.forEach(([a, b], k) => expect(bandAt(geo, (a + b) / 2)).toEqual({ kind: "strip", column: k }));
    expect(bandAt(geo, geo.base - geo.out * 5)).toBeNull(); // on the tree's side
  });
});

it("no data: no band and no legend", () => {
  const { plot, geo } = dataPlot("top", W, H, OPTS, { strips: 0, columns: 0, colTree: false, nameW: 0, legendW: 0 });
  expect(geo.band).toBe(0);
  expect(geo.legend).toBeNull();
  expect(plot).toEqual(plotRect("top", W, H, OPTS));
});

it("many columns get thinner cells, never below 3 px", () => {
  const few = dataPlot("top", W, H, OPTS, { ...SHAPE, columns: 3 }).geo.cell;
  const many = dataPlot("top", W, H, OPTS, { ...SHAPE, columns: 50 }).geo.cell;
  expect(many).toBeLessThan(few);
  expect(many).toBeGreaterThanOrEqual(3);
});
