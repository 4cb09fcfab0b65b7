import { describe, expect, it } from "vitest";
import { cutSteps, drawnIds, nClusters, nodeClusters, stepCut } from "./cut.js";
import { computeLayout } from "./layout.js";
import { fixtures, treeOf } from "./testing.js";

describe.each(fixtures())("cut of $name matches fcluster(criterion='distance')", (f) => {
  const L = computeLayout(treeOf(f));

  it.each(f.cuts.map((c) => [c.t, c]))("at t = %s", (_t, c) => {
    expect(Array.from(drawnIds(L.gapHeight, c.t))).toEqual(c.ids);
    expect(nClusters(L.gapHeight, c.t)).toBe(c.n_clusters);
  });

  it("colours nodes entirely below the cut with their cluster, others 0", () => {
    for (const c of f.cuts) {
      const nc = nodeClusters(L, c.t);
      for (let v = 0; v < 2 * f.n - 1; v++) {
        if (L.maxh[v] <= c.t) {
          // Every leaf of the subtree is in that cluster.
          for (let p = L.start[v]; p < L.start[v] + L.count[v]; p++) expect(c.ids[p]).toBe(nc[v]);
        } else {
          expect(nc[v]).toBe(0);
        }
      }
    }
  });

  it("arrow steps visit every reachable cluster count, one at a time", () => {
    const steps = cutSteps(L.gapHeight);
    const counts = new Set(f.cuts.map((c) => c.n_clusters));
    /** @type {number | null} */
    let t = null;
    t = stepCut(steps, t, 1);
    expect(t).toBe(steps[steps.length - 1]);
    expect(nClusters(L.gapHeight, t)).toBe(1);
    let k = 1;
    const seen = [1];
    for (;;) {
      const next = stepCut(steps, t, -1);
      const k2 = nClusters(L.gapHeight, next);
      if (k2 === k) break; // the bottom
      expect(k2).toBeGreaterThan(k);
      t = next;
      k = k2;
      seen.push(k);
    }
    expect(t).toBeGreaterThanOrEqual(0);
    // Every count that some cut gives, the arrows reach.
    expect(new Set(seen)).toEqual(counts);
    // And back up again.
    for (let i = seen.length - 2; i >= 0; i--) {
      t = stepCut(steps, t, 1);
      expect(nClusters(L.gapHeight, t)).toBe(seen[i]);
    }
  });
});

describe("cut details", () => {
  it("null means one cluster", () => {
    const g = Float64Array.from([1, 2]);
    expect(nClusters(g, null)).toBe(1);
    expect(Array.from(drawnIds(g, null))).toEqual([1, 1, 1]);
  });

  it("steps are distinct and ascending", () => {
    expect(Array.from(cutSteps(Float64Array.from([3, 1, 3, 0, 1])))).toEqual([0, 1, 3]);
  });

  it("below the lowest positive merge cuts at half of it", () => {
    expect(stepCut(Float64Array.from([2, 4]), 3, -1)).toBe(1);
    expect(stepCut(Float64Array.from([2, 4]), 1, -1)).toBe(1);
    expect(stepCut(Float64Array.from([0, 4]), 3, -1)).toBe(2);
  });

  it("between adjacent floats, the lower one is the cut", () => {
    const a = 1, b = 1 + 2 ** -52;
    const t = stepCut(Float64Array.from([a, b, 2]), 1.5, -1);
    expect(t).toBeGreaterThanOrEqual(a);
    expect(t).toBeLessThan(b);
    const t2 = stepCut(Float64Array.from([a, b, 2]), t, -1);
    expect(t2).toBe(0.5);
  });
});
