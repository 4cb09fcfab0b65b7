import { describe, expect, it } from "vitest";
import { makeFrame, plotRect } from "./frame.js";
import { markerAt, readSuggestions, stripBase } from "./strip.js";

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
});
