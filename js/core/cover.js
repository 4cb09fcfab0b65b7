// Leaves -> the smallest set of subtrees covering exactly them: every node whose leaves are all
// chosen and whose parent's are not. This is how a set of leaves becomes a selection (search
// matches, a brushed band, a cluster of the band): one node per maximal chosen subtree, so a
// group that is a whole subtree selects as that subtree.

/**
 * @param {import("./layout.js").Layout} L
 * @param {ArrayLike<number>} positions  drawn positions of the chosen leaves (any order)
 * @returns {number[]} node ids, left to right as drawn
 */
export function coverNodes(L, positions) {
  const { n } = L;
  if (n === 0 || positions.length === 0) return [];
  // Bottom-up count of chosen leaves per node (children have smaller ids than their parent).
  const chosen = new Int32Array(Math.max(1, 2 * n - 1));
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    if (p >= 0 && p < n) chosen[L.order[p]] = 1;
  }
  for (let i = 0; i < n - 1; i++) chosen[n + i] = chosen[L.left[i]] + chosen[L.right[i]];
  /** @type {number[]} */
  const out = [];
  for (let v = 0; v < chosen.length; v++) {
    if (chosen[v] !== L.count[v] || chosen[v] === 0) continue;
    const p = L.parent[v];
    if (p < 0 || chosen[p] !== L.count[p]) out.push(v);
  }
  return out.sort((a, b) => L.start[a] - L.start[b]);
}

/**
 * coverNodes of the contiguous drawn positions lo..hi (inclusive).
 * @param {import("./layout.js").Layout} L
 * @param {number} lo
 * @param {number} hi
 */
export function coverRange(L, lo, hi) {
  const a = Math.max(0, Math.ceil(lo)), b = Math.min(L.n - 1, Math.floor(hi));
  if (b < a) return [];
  const pos = new Int32Array(b - a + 1);
  for (let i = 0; i < pos.length; i++) pos[i] = a + i;
  return coverNodes(L, pos);
}

/**
 * The node of the cluster at drawn position p: the subtree spanning exactly the run of equal
 * ids around p; -1 when that run is not one subtree, or for outliers (id < 1).
 * @param {import("./layout.js").Layout} L
 * @param {Int32Array} ids  cluster id per drawn position
 * @param {number} p
 */
export function clusterNode(L, ids, p) {
  const c = ids[p];
  if (!(c >= 1)) return -1;
  let a = p, b = p;
  while (a > 0 && ids[a - 1] === c) a--;
  while (b < L.n - 1 && ids[b + 1] === c) b++;
  // Up from the leaf until the span holds the run: a cluster is a subtree, so it is exact.
  let v = L.order[p];
  while (L.count[v] < b - a + 1 && L.parent[v] >= 0) v = L.parent[v];
  return L.start[v] === a && L.count[v] === b - a + 1 ? v : -1;
}
