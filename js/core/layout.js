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
 * @property {Int32Array} order      row at each drawn position (n); computed on first use
 * @property {Float64Array} x        leaf-axis position of each node in leaf units (2n-1)
 * @property {Float64Array} maxh     max merge height in each subtree, 0 for leaves (2n-1)
 * @property {Float64Array} gapHeight maxh of the LCA of drawn positions g and g+1 (n-1); on first use
 * @property {Int32Array} gapNode    that LCA (n-1); on first use
 * @property {Int32Array} parent     parent of each node, -1 for the root (2n-1); on first use
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
 * Two passes over the merges, each reading its own arrays in order; the only random reads are
 * those of internal children (about half the children are leaves, which need none). Positions
 * are carried relative to a node's own start up the tree (a merge sits halfway between its
 * children: (rx[a] + count[a] + rx[b]) / 2 past its start) and made absolute on the way down,
 * where the starts become known. What the first frame does not draw (parents, the leaf order,
 * the gaps) is computed on first use: at a million leaves each array is megabytes of fresh
 * memory, and first touching memory costs as much as the passes themselves.
 * @param {import("./decode.js").Tree} tree
 * @returns {Layout}
 */
export function computeLayout({ n, left, right, height }) {
  const m = Math.max(1, 2 * n - 1);
  const k = Math.max(0, n - 1);
  const count = new Int32Array(m);
  const maxh = new Float64Array(m);
  const x = new Float64Array(m); // until the second pass: merges relative to their own start
  count.fill(1, 0, n);
  // Bottom-up (children have smaller ids): counts, subtree max heights (inversions make a child
  // higher than its parent), relative positions.
  for (let i = 0; i < k; i++) {
    const a = left[i], b = right[i];
    let ca = 1, ha = 0, ra = 0.5, cb = 1, hb = 0, rb = 0.5;
    if (a >= n) {
      ca = count[a];
      ha = maxh[a];
      ra = x[a];
    }
    if (b >= n) {
      cb = count[b];
      hb = maxh[b];
      rb = x[b];
    }
    const v = n + i, h = height[i];
    count[v] = ca + cb;
    maxh[v] = h >= ha ? (h >= hb ? h : hb) : (ha >= hb ? ha : hb);
    x[v] = (ra + ca + rb) / 2;
  }
  // Top-down: the left child starts where its parent starts, the right one after the left.
  const start = new Int32Array(m);
  if (n === 1) x[0] = 0.5;
  for (let i = k - 1; i >= 0; i--) {
    const v = n + i, a = left[i], b = right[i], s = start[v];
    x[v] += s;
    start[a] = s;
    if (a < n) {
      x[a] = s + 0.5;
      start[b] = s + 1;
    } else {
      start[b] = s + count[a];
    }
    if (b < n) x[b] = start[b] + 0.5;
  }
  /** @type {Int32Array | null} */
  let parent = null;
  /** @type {Int32Array | null} */
  let order = null;
  /** @type {[Int32Array, Float64Array] | null} */
  let gaps = null;
  return {
    n, root: m - 1, left, right, height, count, start, x, maxh, top: maxh[m - 1],
    get parent() {
      return parent ?? (parent = parentsOf(n, left, right));
    },
    get order() {
      return order ?? (order = orderOf(n, start));
    },
    get gapNode() {
      return (gaps ?? (gaps = gapsOf(n, left, count, start, maxh)))[0];
    },
    get gapHeight() {
      return (gaps ?? (gaps = gapsOf(n, left, count, start, maxh)))[1];
    },
  };
}

/**
 * Parent of every node, -1 for the root.
 * @param {number} n
 * @param {Int32Array} left
 * @param {Int32Array} right
 */
function parentsOf(n, left, right) {
  const parent = new Int32Array(Math.max(1, 2 * n - 1));
  parent[parent.length - 1] = -1;
  for (let i = 0; i < n - 1; i++) {
    parent[left[i]] = n + i;
    parent[right[i]] = n + i;
  }
  return parent;
}

/**
 * Row at every drawn position.
 * @param {number} n
 * @param {Int32Array} start
 */
function orderOf(n, start) {
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[start[r]] = r;
  return order;
}

/**
 * Each merge is the LCA of exactly one adjacent pair of leaves: the last of its left child and
 * the first of its right child. Its gap takes the merge's subtree max height.
 * @param {number} n
 * @param {Int32Array} left
 * @param {Int32Array} count
 * @param {Int32Array} start
 * @param {Float64Array} maxh
 * @returns {[Int32Array, Float64Array]}
 */
function gapsOf(n, left, count, start, maxh) {
  const k = Math.max(0, n - 1);
  const gapNode = new Int32Array(k);
  const gapHeight = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const v = n + i, a = left[i];
    const g = start[v] + (a < n ? 1 : count[a]) - 1;
    gapNode[g] = v;
    gapHeight[g] = maxh[v];
  }
  return [gapNode, gapHeight];
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
