import { describe, expect, it } from "vitest";
import { makeFrame, plotRect } from "./frame.js";
import { markerAt, markerLabels, readSuggestions, stripBase } from "./strip.js";

const SG = { k: [2, 3, 4], height: [8, 5, 2], silhouette: [0.3, 0.6, 0.1], best: [5, 8, 2] };

describe("cut-advice strip", () => {
  it("reads the trait, refusing malformed values", () => {
    expect(readSuggestions(SG)).toEqual(SG);
    expect(readSuggestions({})).toBeNull();
    expect(readSuggestions(null)).toBeNull();
    expect(readSuggestions({ ...SG, height: [1, 2] })).toBeNull();
    expect(readSuggestions({ ...SG, silhouette: [0.1, NaN, 0.2] })).toBeNull();
    expect(readSuggestions({ ...SG, best: ["5"] })).toBeNull();
  });

  it.each(["top", "bottom", "left", "right"])("a press on a marker picks its cut (%s)", (o) => {
    const or = /** @type {import("./frame.js").Orientation} */ (o);
    const fr = makeFrame(or, plotRect(or, 600, 400, { title: false, labelBand: 40 }), [0, 10, 0, 10]);
    for (const h of SG.best) {
      const [x, y] = fr.xy(stripBase(fr) + 3, fr.heightPos(h));
      expect(markerAt(fr, SG, x, y)).toBe(h);
    }
    const [x, y] = fr.xy(stripBase(fr) + 200, fr.heightPos(5));
    expect(markerAt(fr, SG, x, y)).toBeNull(); // far from the strip
    expect(markerAt(fr, null, x, y)).toBeNull();
  });

  it("merges the labels of markers that would overlap, and only those", () => {
    expect(markerLabels([100, 40, 300], [3, 5, 2], 12)).toEqual([
      { pos: 40, text: "k=5" }, { pos: 100, text: "k=3" }, { pos: 300, text: "k=2" },
    ]);
    // k = 15 and 13 drawn 6 px apart (a short tree): one label, ks ascending, at the first
    expect(markerLabels([206, 200, 90], [13, 15, 4], 12)).toEqual([
      { pos: 90, text: "k=4" }, { pos: 200, text: "k=13, 15" },
    ]);
    // a chain of close markers stays one label; exactly minGap apart is far enough
    expect(markerLabels([0, 8, 16], [2, 3, 4], 12)).toEqual([{ pos: 0, text: "k=2, 3, 4" }]);
    expect(markerLabels([0, 12], [2, 3], 12)).toEqual([{ pos: 0, text: "k=2" }, { pos: 12, text: "k=3" }]);
    expect(markerLabels([], [], 12)).toEqual([]);
  });
});
