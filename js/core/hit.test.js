import { describe, expect, it } from "vitest";
import { cull } from "./cull.js";
import { makeFrame } from "./frame.js";
import { hitNode } from "./hit.js";
import { computeLayout } from "./layout.js";
import { balanced } from "./testing.js";
import { fullWindow } from "./zoom.js";

const plot = { x: 10, y: 20, w: 400, h: 200 };

describe.each(/** @type {const} */ (["top", "bottom", "left", "right"]))("hit test, orientation %s", (o) => {
  const L = computeLayout(balanced(8));
  const fr = makeFrame(o, plot, fullWindow(L.n, L.top));
  const list = cull(L, fr.win, fr.leafLen);
  /** @param {number} u @param {number} h */
  const at = (u, h) => fr.xy(fr.leafPos(u), fr.heightPos(h));

  it("a bar picks its node", () => {
    const [x, y] = at(L.x[L.root] + 0.3, L.top);
    expect(hitNode(L, list, fr, x, y + 2)).toBe(L.root);
  });

  it("a leg picks the child it leads to", () => {
    const k = L.root - L.n;
    const c = L.right[k];
    const [x, y] = at(L.x[c], (L.top + L.height[c - L.n]) / 2);
    expect(hitNode(L, list, fr, x + 1, y)).toBe(c);
  });

  it("a leaf's leg picks the leaf", () => {
    const leaf = L.order[3];
    const [x, y] = at(L.x[leaf], 0.3);
    expect(hitNode(L, list, fr, x, y)).toBe(leaf);
  });

  it("empty space picks nothing", () => {
    const [x, y] = at(0.05, L.top);
    expect(hitNode(L, list, fr, x, y)).toBe(-1);
  });

  it("frame maps back and forth", () => {
    const [x, y] = at(2.5, 1.25);
    const [a, b] = fr.ab(x, y);
    expect(fr.leafAt(a)).toBeCloseTo(2.5);
    expect(fr.heightAt(b)).toBeCloseTo(1.25);
  });
});

describe("hit test on blocks", () => {
  it("a point inside a block picks it", () => {
    const L = computeLayout(balanced(1 << 14));
    const fr = makeFrame("top", plot, fullWindow(L.n, L.top));
    const list = cull(L, fr.win, fr.leafLen);
    expect(list.nBlocks).toBeGreaterThan(0);
    const v = list.blocks[0];
    const [x, y] = fr.xy(fr.leafPos(L.start[v] + L.count[v] / 2), fr.heightPos(L.maxh[v] / 2));
    expect(hitNode(L, list, fr, x, y)).toBe(v);
  });
});
