// The leaf label band's width: measured on a sample of the labels, the longest of them only.
import { describe, expect, it } from "vitest";
import { measureLabelBand } from "./labels.js";

/** A context whose text is 6 px per character, 12 per wide one; it counts its calls. */
function fakeCtx() {
  const ctx = {
    font: "",
    calls: 0,
    /** @param {string} s */
    measureText(s) {
      ctx.calls += 1;
      let w = 0;
      for (const ch of s) w += /** @type {number} */ (ch.codePointAt(0)) >= 0x1100 ? 12 : 6;
      return { width: w };
    },
  };
  return ctx;
}
const theme = /** @type {any} */ ({ fontSize: 11, font: "sans-serif" });
/** @param {string[]} words */
const labelsOf = (words) => /** @type {any} */ ({ get: (/** @type {number} */ r) => words[r] });

describe("measureLabelBand", () => {
  it("finds the widest sampled label with at most 100 measurements", () => {
    const words = Array.from({ length: 5000 }, (_, i) => `row ${i % 97}`);
    words[2500] = "a much longer label here"; // sampled: every fifth row is
    const ctx = fakeCtx();
    const band = measureLabelBand(/** @type {any} */ (ctx), theme, labelsOf(words), words.length, "left", 1000, 1000);
    expect(band).toBe(24 * 6 + 12);
    expect(ctx.calls).toBeLessThanOrEqual(100);
  });

  it("counts wide characters double when choosing what to measure", () => {
    const words = Array.from({ length: 3000 }, (_, i) => `label-${String(i).padStart(6, "0")}`); // 12 chars
    words[1500] = "ラベルラベルラベル"; // 9 wide characters: 108 px against 72
    const ctx = fakeCtx();
    expect(measureLabelBand(/** @type {any} */ (ctx), theme, labelsOf(words), words.length, "left", 1000, 1000)).toBe(108 + 12);
  });

  it("measures every label of a small tree", () => {
    const words = ["a", "bb", "ccc"], ctx = fakeCtx();
    measureLabelBand(/** @type {any} */ (ctx), theme, labelsOf(words), 3, "top", 400, 600);
    expect(ctx.calls).toBe(3);
  });
});
