// Tree -> drawn layout: counts, spans, leaf order, x positions, subtree max heights, gaps.
// Every loop is flat over node ids: children always have smaller ids than their parent (scipy
// numbering), so increasing ids is bottom-up and decreasing ids is top-down. No recursion: a
// single-linkage chain of 1,000,000 leaves is 999,999 merges deep.

/**
 * @typedef {object} Layout
 * @property {number} n              leaves
 * @property {number} root           root node id (2n-2; 0 when n = 1)
 * @property {Int32Array} left       left child of merge i (node n+i)
 * @property {Int32Array} right
 * @property {Float64Array} height   merge heights (as in Z)
 * @property {Int32Array} count      leaves under each node (2n-1)
 * @property {Int32Array} start      drawn position of each node's first leaf (2n-1)
 * @property {Int32Array} order      row at each drawn position (n)
 * @property {Float64Array} x        leaf-axis position of each node in leaf units (2n-1)
 * @property {Float64Array} maxh     max merge height in each subtree, 0 for leaves (2n-1)
 * @property {Float64Array} gapHeight maxh of the LCA of drawn positions g and g+1 (n-1)
 * @property {Int32Array} gapNode    that LCA (n-1)
 * @property {Int32Array} parent     parent of each node, -1 for the root (2n-1)
 * @property {number} top            maxh of the root
 */

/**
 * Height of node v as drawn (0 for leaves).
 * @param {Layout} L
 * @param {number} v
 */
export function nodeHeight(L, v) {
  return v < L.n ? 0 : L.height[v - L.n];
}

/**
 * @param {import("./decode.js").Tree} tree
 * @returns {Layout}
 */
export function computeLayout({ n, left, right, height }) {
  const m = Math.max(1, 2 * n - 1);
  const root = m - 1;
  const count = new Int32Array(m);
  const maxh = new Float64Array(m);
  const parent = new Int32Array(m).fill(-1);
  for (let v = 0; v < n; v++) count[v] = 1;
  // Bottom-up: counts, subtree max heights (inversions make a child higher than its parent).
  for (let i = 0; i < n - 1; i++) {
    const v = n + i, a = left[i], b = right[i];
    count[v] = count[a] + count[b];
    const h = height[i], ha = maxh[a], hb = maxh[b];
    maxh[v] = h >= ha ? (h >= hb ? h : hb) : (ha >= hb ? ha : hb);
    parent[a] = v;
    parent[b] = v;
  }
  // Top-down: the left child starts where its parent starts, the right one after the left.
  const start = new Int32Array(m);
  for (let i = n - 2; i >= 0; i--) {
    const v = n + i, a = left[i];
    start[a] = start[v];
    start[right[i]] = start[v] + count[a];
  }
  const order = new Int32Array(n);
  const x = new Float64Array(m);
  for (let r = 0; r < n; r++) {
    order[start[r]] = r;
    x[r] = start[r] + 0.5;
  }
  const gapNode = new Int32Array(Math.max(0, n - 1));
  const gapHeight = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i < n - 1; i++) {
    const v = n + i, a = left[i];
    x[v] = (x[a] + x[right[i]]) / 2;
    // Each merge is the LCA of exactly one adjacent pair: the last leaf of its left child and
    // the first of its right child.
    const g = start[v] + count[a] - 1;
    gapNode[g] = v;
    gapHeight[g] = maxh[v];
  }
  return { n, root, left, right, height, count, start, order, x, maxh, gapHeight, gapNode, parent, top: maxh[root] };
}

/**
 * Is node `v` in the subtree of `s`? Spans nest exactly like subtrees.
 * @param {Layout} L
 * @param {number} s
 * @param {number} v
 */
export function isUnder(L, s, v) {
  const a = L.start[s], b = a + L.count[s];
  const c = L.start[v];
  return c >= a && c + L.count[v] <= b;
}

/**
 * The leaf at drawn position p's node id (its row).
 * @param {Layout} L
 * @param {number} p
 */
export function leafAt(L, p) {
  return L.order[Math.max(0, Math.min(L.n - 1, Math.floor(p)))];
}
