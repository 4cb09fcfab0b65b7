import { describe, expect, it } from "vitest";
import { contrast, luminance, over, parseColor, readable } from "./color.js";

/** @param {string} c @param {string} bg */
const ratio = (c, bg) => {
  const b = over(/** @type {any} */ (parseColor(bg)), [255, 255, 255, 1]);
  return contrast(over(/** @type {any} */ (parseColor(c)), b), b);
};

describe("colour arithmetic", () => {
  it("parses the CSS forms the themes use", () => {
    expect(parseColor("#1976d2")).toEqual([25, 118, 210, 1]);
    expect(parseColor("#fff")).toEqual([255, 255, 255, 1]);
    expect(parseColor("rgba(0, 0, 0, 0.54)")).toEqual([0, 0, 0, 0.54]);
    expect(parseColor("rgb(255 255 255 / 50%)")).toEqual([255, 255, 255, 0.5]);
    expect(parseColor("White")).toEqual([255, 255, 255, 1]);
    expect(parseColor("var(--x)")).toBeNull();
  });

  it("WCAG luminance and contrast", () => {
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21);
    expect(contrast([118, 118, 118], [255, 255, 255])).toBeCloseTo(4.54, 2); // the AA grey
  });
});

describe("readable shades", () => {
  it("keep a colour that already reads, shade one that does not, towards the background's opposite", () => {
    expect(readable("#1976d2", "#ffffff")).toBe("#1976d2");
    const dark = readable("#1976d2", "#111111");
    expect(dark).not.toBe("#1976d2");
    expect(ratio(dark, "#111111")).toBeGreaterThanOrEqual(4.5);
    expect(ratio(dark, "#111111")).toBeLessThan(4.7); // the least change that reaches it
    expect(luminance(/** @type {any} */ (parseColor(dark)))).toBeGreaterThan(luminance([25, 118, 210]));
    const light = readable("#ffa726", "#ffffff");
    expect(ratio(light, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(readable("var(--x)", "#fff")).toBe("var(--x)");
  });
});
