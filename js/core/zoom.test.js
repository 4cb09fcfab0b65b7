import { describe, expect, it } from "vitest";
import { computeLayout } from "./layout.js";
import { balanced } from "./testing.js";
import {
  clampWindow, fullTop, fullWindow, pan, sameWindow, spanWindow, subtreeWindow, windowFromTrait, zoomAt,
} from "./zoom.js";

/** @type {import("./zoom.js").Window} */
const full = [0, 100, 0, 10];

describe("zoom", () => {
  it("full window leaves headroom above the root", () => {
    expect(fullWindow(100, 10)).toEqual([0, 100, 0, 10.5]);
    expect(fullTop(0)).toBe(1);
  });

  it("zooms around the pointer: the point under it stays put", () => {
    const w = zoomAt(full, full, "leaf", 0.25, 0.5);
    expect(w[1] - w[0]).toBeCloseTo(50);
    expect(w[0] + 0.25 * (w[1] - w[0])).toBeCloseTo(25);
    expect(w.slice(2)).toEqual([0, 10]);
  });

  it("never zooms out past the full view, nor in past two leaves", () => {
    expect(zoomAt(full, full, "leaf", 0.5, 4)).toEqual(full);
    const tiny = zoomAt([10, 12, 0, 10], full, "leaf", 0.5, 0.01);
    expect(tiny[1] - tiny[0]).toBeCloseTo(2);
  });

  it("zooming heights keeps the baseline in view", () => {
    const w = zoomAt(full, full, "height", 0.9, 0.5);
    expect(w[2]).toBe(0);
    expect(w[3]).toBeCloseTo(5);
    const w2 = zoomAt([0, 100, 2, 6], full, "height", 0.5, 0.5);
    expect(w2[2]).toBeCloseTo(3);
    expect(w2[3]).toBeCloseTo(5);
  });

  it("pans and clamps at the edges", () => {
    expect(pan([10, 20, 0, 10], full, -30, 0)).toEqual([0, 10, 0, 10]);
    expect(pan([10, 20, 0, 10], full, 100, 0)).toEqual([90, 100, 0, 10]);
    expect(pan([10, 20, 2, 4], full, 0, 100)).toEqual([10, 20, 8, 10]);
  });

  it("clamps a window wider than the tree to the full view", () => {
    expect(clampWindow([-50, 500, -1, 99], full)).toEqual(full);
  });

  it("zooms to a subtree like Python's zoom_to", () => {
    const L = computeLayout(balanced(8));
    const v = L.left[L.root - L.n];
    expect(subtreeWindow(L, v)).toEqual([0, 4, 0, 2 * 1.05]);
    expect(subtreeWindow(L, L.order[5])).toEqual([5, 6, 0, 1]);
  });

  it("span windows are at least minLeaves wide", () => {
    expect(spanWindow(full, 50, 50, 20)).toEqual([40.5, 60.5, 0, 10]);
    expect(spanWindow(full, 0, 1, 20)).toEqual([0, 20, 0, 10]);
    expect(spanWindow(full, 10, 60, 20)).toEqual([10, 61, 0, 10]);
  });

  it("reads the trait: [] or garbage is the full view", () => {
    expect(windowFromTrait([], full)).toBe(full);
    expect(windowFromTrait([1, 2, 3], full)).toBe(full);
    expect(windowFromTrait([5, 1, 0, 1], full)).toBe(full);
    expect(windowFromTrait([1, 5, 0, 2], full)).toEqual([1, 5, 0, 2]);
    expect(sameWindow([1, 2, 3, 4], [1, 2, 3, 4 + 1e-12])).toBe(true);
    expect(sameWindow([1, 2, 3, 4], [1, 2, 3, 4.1])).toBe(false);
  });
});

describe("zooming back out", () => {
  it("as many steps out as in lands on the full view exactly, not a hair inside it", () => {
    /** @type {import("./zoom.js").Window} */
    let w = [0, 1_000_000, 0, 1];
    const full = /** @type {import("./zoom.js").Window} */ ([...w]);
    for (let i = 0; i < 30; i++) w = zoomAt(w, full, "leaf", 0.5 + 0.01 * (i % 3), Math.exp(-0.15));
    for (let i = 0; i < 30; i++) w = zoomAt(w, full, "leaf", 0.5 - 0.01 * (i % 3), Math.exp(0.15));
    expect(w).toEqual(full);
  });
});
