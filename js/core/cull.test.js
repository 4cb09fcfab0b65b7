import { describe, expect, it } from "vitest";
import { budgetFor, cull } from "./cull.js";
import { computeLayout } from "./layout.js";
import { balanced, caterpillar, fixtures, treeOf } from "./testing.js";
import { fullWindow } from "./zoom.js";

const W = 1000, H = 400;

describe("level of detail", () => {
  it("draws every link of a small tree", () => {
    for (const f of fixtures()) {
      const L = computeLayout(treeOf(f));
      const list = cull(L, fullWindow(L.n, L.top), W);
      expect(list.nLinks).toBe(f.n - 1);
      expect(list.nBlocks).toBe(0);
    }
  });

  it("skips subtrees outside the window", () => {
    const L = computeLayout(balanced(1024));
    const list = cull(L, [0, 64, 0, 20], W);
    for (let i = 0; i < list.nLinks; i++) expect(L.start[list.links[i]]).toBeLessThan(64);
    expect(list.nLinks).toBeLessThan(100);
  });

  it("skips subtrees entirely below the window", () => {
    const L = computeLayout(balanced(1024));
    const list = cull(L, [0, 1024, 5, 11], W);
    for (let i = 0; i < list.nLinks; i++) expect(L.maxh[list.links[i]]).toBeGreaterThanOrEqual(5);
  });

  const big = 1_000_000;
  const trees = { balanced: computeLayout(balanced(big)), caterpillar: computeLayout(caterpillar(big)) };

  it.each(Object.keys(trees))("keeps a 1M-leaf %s tree bounded by pixels", (name) => {
    const L = trees[/** @type {keyof typeof trees} */ (name)];
    const budget = budgetFor(W, H);
    const windows = /** @type {import("./zoom.js").Window[]} */ ([
      fullWindow(big, L.top),
      [big / 3, big / 3 + 5000, 0, L.top],
      [0, big, 0, L.top / 100],
      [123456, 123556, 0, L.top],
    ]);
    for (const win of windows) {
      const t0 = performance.now();
      const list = cull(L, win, W, { budget });
      const ms = performance.now() - t0;
      expect(list.nLinks).toBeLessThanOrEqual(budget);
      expect(list.nLinks + list.nBlocks).toBeLessThanOrEqual(3 * budget);
      expect(list.visited).toBeLessThanOrEqual(3 * budget + 1);
      expect(ms).toBeLessThan(50);
      // Blocks and links together cover every visible leaf exactly once.
      let covered = 0;
      const lo = Math.floor(win[0]), hi = Math.ceil(win[1]);
      for (let i = 0; i < list.nBlocks; i++) {
        const v = list.blocks[i];
        covered += Math.min(hi, L.start[v] + L.count[v]) - Math.max(lo, L.start[v]);
      }
      for (let i = 0; i < list.nLinks; i++) {
        const k = list.links[i] - L.n;
        for (const c of [L.left[k], L.right[k]]) {
          if (c < L.n && L.start[c] >= lo && L.start[c] < hi) covered++;
        }
      }
      if (win[2] === 0) expect(covered).toBe(hi - lo);
    }
  });

  it("draws a narrow subtree as one block", () => {
    const L = computeLayout(balanced(1 << 16));
    const list = cull(L, fullWindow(L.n, L.top), 512);
    // Subtrees of 128 leaves are 1 px wide at 512 px: blocks, not links.
    for (let i = 0; i < list.nBlocks; i++) expect(L.count[list.blocks[i]] * 512 / L.n).toBeLessThan(2);
    expect(list.nLinks).toBeLessThan(512);
  });
});
