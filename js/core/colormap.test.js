import { describe, expect, it } from "vitest";
import {
  DIVERGING, QUALITATIVE, VIRIDIS, categoryRgb, lutCss, lutFor, lutIndex, makeLut, missingRgb, over, parseColor,
} from "./colormap.js";

describe("colour maps", () => {
  it("parses the colour formats themes use", () => {
    expect(parseColor("#fff")).toEqual([255, 255, 255]);
    expect(parseColor("#0072B2")).toEqual([0, 114, 178]);
    expect(parseColor("#11223380")).toEqual([17, 34, 51]);
    expect(parseColor(" rgba(0, 0, 0, 0.87) ")).toEqual([0, 0, 0]);
    expect(parseColor("rgb(12 34 56 / 50%)")).toEqual([12, 34, 56]);
    expect(parseColor("white")).toEqual([255, 255, 255]);
    expect(parseColor("var(--x)")).toBeNull();
    expect(parseColor("#12345")).toBeNull();
  });

  it("lookup tables run from the first stop to the last through the middle one", () => {
    for (const stops of [VIRIDIS, DIVERGING]) {
      const lut = makeLut(stops);
      expect(lutCss(lut, 0)).toBe(`rgb(${parseColor(stops[0])?.join(", ")})`);
      expect(lutCss(lut, 255)).toBe(`rgb(${parseColor(stops[stops.length - 1])?.join(", ")})`);
    }
    // z = 0 is the diverging map's near-white centre
    const mid = lutFor("diverging");
    const i = lutIndex(0.5);
    expect([mid[i * 3], mid[i * 3 + 1], mid[i * 3 + 2]].every((c) => c > 230)).toBe(true);
    expect(lutFor("sequential")).toBe(lutFor("sequential")); // built once
  });

  it("clips to the ends and keeps NaN out of the map", () => {
    expect(lutIndex(-2)).toBe(0);
    expect(lutIndex(7)).toBe(255);
    expect(lutIndex(NaN)).toBe(-1);
  });

  it("missing grey is no colour of the maps, categories cycle", () => {
    const maps = [makeLut(VIRIDIS), makeLut(DIVERGING)];
    for (const bg of /** @type {[number, number, number][]} */ ([[255, 255, 255], [17, 17, 17]])) {
      const g = missingRgb(bg);
      for (const lut of maps) {
        for (let i = 0; i < 256; i++) {
          const d = Math.max(...[0, 1, 2].map((c) => Math.abs(lut[i * 3 + c] - g[c])));
          expect(d, `entry ${i}`).toBeGreaterThan(12);
        }
      }
    }
    expect(categoryRgb(QUALITATIVE.length)).toEqual(categoryRgb(0));
    expect(over([200, 0, 0], [255, 255, 255], 1)).toEqual([200, 0, 0]);
    expect(over([200, 0, 0], [255, 255, 255], 0)).toEqual([255, 255, 255]);
  });
});
