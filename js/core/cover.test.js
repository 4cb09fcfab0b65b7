import { describe, expect, it } from "vitest";
import { clusterNode, coverNodes, coverRange } from "./cover.js";
import { drawnIds } from "./cut.js";
import { computeLayout, isUnder } from "./layout.js";
import { caterpillar, fixtures, treeOf } from "./testing.js";

/**
 * By definition: nodes whose leaves are all chosen and whose parent's are not.
 * @param {import("./layout.js").Layout} L
 * @param {Set<number>} chosen  drawn positions
 */
function brute(L, chosen) {
  /** @param {number} v */
  const full = (v) => {
    for (let p = L.start[v]; p < L.start[v] + L.count[v]; p++) if (!chosen.has(p)) return false;
    return true;
  };
  const out = [];
  for (let v = 0; v < 2 * L.n - 1; v++) {
    if (full(v) && (L.parent[v] < 0 || !full(L.parent[v]))) out.push(v);
  }
  return out.sort((a, b) => L.start[a] - L.start[b]);
}

/** A seeded stream of numbers in [0, 1). @param {number} seed */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe.each(fixtures())("covering subtrees on $name", (f) => {
  const L = computeLayout(treeOf(f));
  const r = rng(f.n);

  it("random leaf sets: the smallest covering subtrees, in drawn order", () => {
    for (let k = 0; k < 40; k++) {
      const chosen = new Set();
      const share = r();
      for (let p = 0; p < L.n; p++) if (r() < share) chosen.add(p);
      const got = coverNodes(L, [...chosen]);
      expect(got).toEqual(brute(L, chosen));
      // Their leaves are exactly the chosen ones.
      const covered = got.flatMap((v) => Array.from({ length: L.count[v] }, (_, i) => L.start[v] + i));
      expect(covered).toEqual([...chosen].sort((a, b) => a - b));
    }
  });

  it("ranges: coverRange is coverNodes of the band", () => {
    for (let k = 0; k < 40; k++) {
      const a = Math.floor(r() * L.n), b = a + Math.floor(r() * (L.n - a));
      const set = new Set(Array.from({ length: b - a + 1 }, (_, i) => a + i));
      expect(coverRange(L, a, b)).toEqual(brute(L, set));
    }
  });

  it("a cluster of a cut is the subtree of its run of ids", () => {
    for (const c of f.cuts) {
      const ids = drawnIds(L.gapHeight, c.t);
      const bad = [];
      for (let p = 0; p < L.n; p++) {
        const v = clusterNode(L, ids, p);
        if (v < 0 || !isUnder(L, v, L.order[p])) bad.push(p);
        // The subtree's span is exactly the positions sharing p's id.
        else if (ids.some((id, q) => (id === ids[p]) !== (q >= L.start[v] && q < L.start[v] + L.count[v]))) bad.push(p);
      }
      expect(bad).toEqual([]);
    }
  });
});

describe("covering details", () => {
  it("outliers (-1) belong to no cluster node", () => {
    const L = computeLayout(caterpillar(5));
    expect(clusterNode(L, Int32Array.from([-1, 1, 1, 2, 2]), 0)).toBe(-1);
  });
  it("a million-leaf band is one subtree when it is one", () => {
    const L = computeLayout(caterpillar(1_000_000));
    expect(coverRange(L, 0, 999_999)).toEqual([L.root]);
    expect(coverNodes(L, [])).toEqual([]);
  });
});
