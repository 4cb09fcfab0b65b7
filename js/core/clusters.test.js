import { describe, expect, it } from "vitest";
import { alterAt, clustersAtCut, clustersOfNodes, nodesAtCut } from "./clusters.js";
import { computeLayout } from "./layout.js";
import { fixtures, treeOf } from "./testing.js";

/** @param {import("./layout.js").Layout} L @param {number} v */
const span = (L, v) => Array.from({ length: L.count[v] }, (_, i) => L.start[v] + i);

/** Disjoint nodes from a list of candidates, greedily, as a user's partition might be. */
function disjoint(/** @type {import("./layout.js").Layout} */ L, /** @type {number[]} */ cands) {
  const taken = new Set();
  return cands.filter((v) => {
    const s = span(L, v);
    if (s.some((p) => taken.has(p))) return false;
    s.forEach((p) => taken.add(p));
    return true;
  });
}

describe.each(fixtures())("clusters of $name", (f) => {
  const L = computeLayout(treeOf(f));
  const m = 2 * f.n - 1;

  it("a cut's cluster nodes give the same clusters as the cut (fcluster's)", () => {
    for (const c of f.cuts) {
      const nodes = nodesAtCut(L, c.t);
      const byNodes = clustersOfNodes(L, nodes);
      expect(byNodes).not.toBeNull();
      expect(Array.from(/** @type {any} */ (byNodes).ids)).toEqual(c.ids);
      expect(clustersAtCut(L, c.t).k).toBe(nodes.length);
    }
  });

  it("cluster nodes: ids by brute force, outliers -1, node colours by subtree", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 20; trial++) {
      const nodes = disjoint(L, Array.from({ length: 5 }, () => Math.floor(rnd() * m)));
      const c = /** @type {import("./clusters.js").Clusters} */ (clustersOfNodes(L, nodes));
      const sorted = [...nodes].sort((a, b) => L.start[a] - L.start[b]);
      const expected = new Array(f.n).fill(-1);
      sorted.forEach((v, i) => span(L, v).forEach((p) => (expected[p] = i + 1)));
      expect(Array.from(c.ids)).toEqual(expected);
      expect(c.outliers).toBe(expected.filter((x) => x < 0).length);
      for (let v = 0; v < m; v++) {
        const ids = new Set(span(L, v).map((p) => expected[p]));
        const inOne = ids.size === 1 && (expected[L.start[v]] < 0 || sorted.some((u) => L.start[v] >= L.start[u] && L.start[v] + L.count[v] <= L.start[u] + L.count[u]));
        expect(c.of(v)).toBe(inOne ? expected[L.start[v]] : 0);
      }
    }
  });

  it("overlapping or unknown nodes read as no partition", () => {
    const root = m - 1;
    expect(clustersOfNodes(L, [root, L.left[root - f.n]])).toBeNull();
    expect(clustersOfNodes(L, [m])).toBeNull();
  });

  it("alt-click splits a cluster's node, merges the clusters under a node", () => {
    const root = m - 1;
    const split = /** @type {number[]} */ (alterAt(L, Int32Array.of(root), root));
    expect(split.sort()).toEqual([L.left[root - f.n], L.right[root - f.n]].sort());
    expect(alterAt(L, Int32Array.from(split), root)).toEqual([root]);
    expect(alterAt(L, Int32Array.of(0), 0)).toBeNull(); // a leaf cannot split
  });

  it("alt-click inside a cluster keeps the partition whole: pieces cover the cluster", () => {
    const root = m - 1;
    for (const v of [0, f.n - 1, Math.floor(m / 2)]) {
      if (v === root) continue;
      const next = /** @type {number[]} */ (alterAt(L, Int32Array.of(root), v));
      const c = /** @type {import("./clusters.js").Clusters} */ (clustersOfNodes(L, next));
      expect(c).not.toBeNull();
      expect(c.outliers).toBe(0);
      expect(next).toContain(v);
    }
  });
});
