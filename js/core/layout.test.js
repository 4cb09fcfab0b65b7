import { describe, expect, it } from "vitest";
import { computeLayout, isUnder, leafAt, nodeHeight } from "./layout.js";
import { balanced, caterpillar, fixtures, treeOf } from "./testing.js";

describe.each(fixtures())("layout of $name (scipy fixture)", (f) => {
  const L = computeLayout(treeOf(f));

  it("draws leaves in scipy's dendrogram order", () => {
    expect(Array.from(L.order)).toEqual(f.leaves);
  });

  it("puts every link where scipy draws it", () => {
    const links = [];
    for (let i = 0; i < f.n - 1; i++) {
      links.push([L.x[L.left[i]], L.x[L.right[i]], L.height[i]]);
    }
    links.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(links.length).toBe(f.links.length);
    links.forEach((l, i) => {
      expect(l[0]).toBeCloseTo(f.links[i][0], 9);
      expect(l[1]).toBeCloseTo(f.links[i][1], 9);
      expect(l[2]).toBe(f.links[i][2]);
    });
  });

  it("counts, spans and subtree max heights are consistent", () => {
    expect(L.count[L.root]).toBe(f.n);
    expect(L.start[L.root]).toBe(0);
    for (let i = 0; i < f.n - 1; i++) {
      const v = f.n + i;
      expect(L.maxh[v]).toBe(Math.max(L.height[i], L.maxh[L.left[i]], L.maxh[L.right[i]]));
      expect(L.start[L.right[i]]).toBe(L.start[v] + L.count[L.left[i]]);
      expect(L.parent[L.left[i]]).toBe(v);
    }
    expect(L.parent[L.root]).toBe(-1);
  });

  it("gap g's height is the maxh of the LCA of positions g and g+1", () => {
    for (let g = 0; g < f.n - 1; g++) {
      // Walk up from the leaf at g until the subtree also holds position g+1.
      let v = L.order[g];
      while (L.start[v] + L.count[v] <= g + 1) v = L.parent[v];
      expect(L.gapNode[g]).toBe(v);
      expect(L.gapHeight[g]).toBe(L.maxh[v]);
    }
  });
});

describe("layout helpers", () => {
  const L = computeLayout(treeOf(fixtures().find((f) => f.name === "n3") ?? fixtures()[0]));
  it("nodeHeight, isUnder, leafAt", () => {
    expect(nodeHeight(L, 0)).toBe(0);
    expect(nodeHeight(L, L.root)).toBe(L.top);
    expect(isUnder(L, L.root, 0)).toBe(true);
    expect(isUnder(L, 0, L.root)).toBe(false);
    expect(leafAt(L, 0.7)).toBe(L.order[0]);
    expect(leafAt(L, 99)).toBe(L.order[L.n - 1]);
  });
});

describe("big trees, no recursion", () => {
  it("lays out a 1,000,000-leaf caterpillar (depth n-1)", () => {
    const n = 1_000_000;
    const t0 = performance.now();
    const L = computeLayout(caterpillar(n));
    const ms = performance.now() - t0;
    expect(L.order[0]).toBe(0);
    expect(L.order[n - 1]).toBe(n - 1);
    expect(L.top).toBe(n - 1);
    expect(L.x[L.root]).toBeCloseTo((L.x[2 * n - 3] + n - 0.5) / 2, 6);
    expect(ms).toBeLessThan(2000);
  });

  it("lays out a 1,000,000-leaf balanced tree", () => {
    const L = computeLayout(balanced(1_000_000));
    expect(L.count[L.root]).toBe(1_000_000);
    expect(L.x[L.root]).toBeGreaterThan(0);
    expect(new Set(L.order.subarray(0, 1000)).size).toBe(1000);
  });
});
