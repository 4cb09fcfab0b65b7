import { describe, expect, it } from "vitest";
import { fitHeights, highestInside, visibleLeaves } from "./fit.js";
import { computeLayout } from "./layout.js";
import { balanced, caterpillar, fixtures, treeOf } from "./testing.js";
import { HEADROOM, fullWindow } from "./zoom.js";

/**
 * The definition, by brute force: the highest merge all of whose leaves are in lo..hi; else
 * the smallest merge holding them all.
 * @param {import("./layout.js").Layout} L
 * @param {number} lo
 * @param {number} hi
 */
function brute(L, lo, hi) {
  let best = -1, lca = -1;
  for (let v = L.n; v < 2 * L.n - 1; v++) {
    const s = L.start[v], e = s + L.count[v] - 1;
    if (s >= lo && e <= hi) best = Math.max(best, L.height[v - L.n]);
    if (s <= lo && e >= hi && (lca < 0 || L.count[v] < L.count[lca])) lca = v;
  }
  return best >= 0 ? best : lca >= 0 ? L.maxh[lca] : 0;
}

describe.each(fixtures())("highest merge among the visible leaves of $name", (f) => {
  const L = computeLayout(treeOf(f));
  it("equals the brute-force definition (every range of small trees, a sample of big ones)", () => {
    const every = L.n <= 40;
    let seed = L.n;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % L.n;
    for (let i = 0; i < (every ? L.n * L.n : 1500); i++) {
      const a = every ? Math.floor(i / L.n) : next(), b = every ? i % L.n : next();
      const lo = Math.min(a, b), hi = Math.max(a, b);
      {
        // Inversions: a merge inside can sit below a child; maxh is what a window must show.
        const want = Math.max(brute(L, lo, hi), ...inside(L, lo, hi));
        expect(highestInside(L, lo, hi)).toBe(want);
      }
    }
  });
});

/** maxh of the merges inside lo..hi. @param {import("./layout.js").Layout} L @param {number} lo @param {number} hi */
function inside(L, lo, hi) {
  const out = [0];
  for (let v = L.n; v < 2 * L.n - 1; v++) {
    if (L.start[v] >= lo && L.start[v] + L.count[v] - 1 <= hi) out.push(L.maxh[v]);
  }
  return out;
}

describe("fitting the height axis", () => {
  it("visible leaves are those whose centre is in the window", () => {
    expect(visibleLeaves(10, 2.4, 5.6)).toEqual([2, 5]);
    expect(visibleLeaves(10, 2.6, 5.4)).toEqual([3, 4]);
    expect(visibleLeaves(10, -3, 40)).toEqual([0, 9]);
  });

  it("fits [0, top * headroom] and keeps the leaf window", () => {
    const L = computeLayout(balanced(64)); // heights are the levels 1..6
    const full = fullWindow(L.n, L.top);
    expect(fitHeights(L, full, full)).toEqual(full);
    // Leaves 0..7: a whole subtree of level 3.
    expect(fitHeights(L, [0, 8, 0, full[3]], full)).toEqual([0, 8, 0, 3 * HEADROOM]);
    // Leaves 6..9 straddle two level-3 subtrees: inside are only the level-1 pairs (6,7), (8,9).
    expect(fitHeights(L, [6, 10, 0, full[3]], full)).toEqual([6, 10, 0, 1 * HEADROOM]);
    // One leaf alone: its parent's merge.
    expect(fitHeights(L, [5.1, 5.9, 0, full[3]], full)[3]).toBe(1 * HEADROOM);
  });

  it("walks a million-deep chain without recursion", () => {
    const L = computeLayout(caterpillar(1_000_000));
    expect(highestInside(L, 500_000, 500_010)).toBe(500_010);
    expect(highestInside(L, 0, 999_999)).toBe(999_999);
  });
});
