import { describe, expect, it } from "vitest";
import { cutReadout, describe as describeView, formatCount, formatNumber, formatTick, niceTicks } from "./format.js";

describe("format", () => {
  it("numbers with three significant digits", () => {
    expect(formatNumber(3.2109)).toBe("3.21");
    expect(formatNumber(0.012345)).toBe("0.0123");
    expect(formatNumber(1234.5)).toBe("1235");
    expect(formatNumber(2)).toBe("2");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(1.5e-7)).toBe("1.5e-7");
    expect(formatNumber(-3.2109)).toBe("-3.21");
  });

  it("counts", () => {
    expect(formatCount(1000000)).toBe("1,000,000");
  });

  it("nice ticks", () => {
    expect(niceTicks(0, 10, 5)).toEqual({ values: [0, 2, 4, 6, 8, 10], step: 2 });
    const t = niceTicks(0.13, 0.71, 5);
    expect(t.step).toBeCloseTo(0.1);
    expect(t.values.length).toBe(6);
    expect(niceTicks(1, 1, 5).values).toEqual([]);
    expect(formatTick(0.30000000000000004, 0.1)).toBe("0.3");
    expect(formatTick(20, 5)).toBe("20");
    expect(formatTick(1e-17, 0.5)).toBe("0");
  });

  it("readout and description", () => {
    expect(cutReadout(3.2109, 7)).toBe("cut 3.21 · 7 clusters");
    expect(cutReadout(1, 1)).toBe("cut 1 · 1 cluster");
    expect(cutReadout(null, 1)).toBe("drag to cut");
    expect(describeView(150, 3.2109, 7)).toBe("Dendrogram of 150 leaves, cut at 3.21, 7 clusters");
    expect(describeView(150, null, 1)).toBe("Dendrogram of 150 leaves, no cut");
  });
});
