// The clusters the view shows: a cut line (cluster = subtree under the line) or cluster nodes
// (a per-branch partition: disjoint subtrees, leaves under none are outliers, id -1). One shape
// for both, so drawing, tooltips and attributes never branch on which made them.
import { drawnIds, nodeCluster } from "./cut.js";

/**
 * @typedef {object} Clusters
 * @property {Int32Array} ids      cluster id per drawn position: 1..k left to right, -1 outlier
 * @property {number} k            number of clusters
 * @property {number | null} cut   the cut line's height; null for cluster nodes (or no cut)
 * @property {Int32Array | null} nodes  cluster nodes left to right; null for a cut line
 * @property {number} outliers     leaves under no cluster
 * @property {(v: number) => number} of  cluster id of node v's whole subtree (> 0), 0 when it
 *   holds more than one cluster (or straddles the cut), -1 when it holds only outliers
 */

/**
 * Clusters made by a cut line at t (null: no cut, one cluster).
 * @param {import("./layout.js").Layout} L
 * @param {number | null} t
 * @returns {Clusters}
 */
export function clustersAtCut(L, t) {
  // No cut: one cluster, without the gaps (the layout computes them on first use).
  const ids = t === null ? new Int32Array(Math.max(1, L.n)).fill(1) : drawnIds(L.gapHeight, t);
  return {
    ids,
    k: L.n > 0 ? ids[L.n - 1] : 0,
    cut: t,
    nodes: null,
    outliers: 0,
    of: (v) => (t === null ? 1 : nodeCluster(L, ids, t, v)),
  };
}

/**
 * Clusters given as disjoint subtrees (checked: ids in range, no subtree inside another;
 * anything else reads as "no clusters given", null).
 * @param {import("./layout.js").Layout} L
 * @param {ArrayLike<number>} given
 * @returns {Clusters | null}
 */
export function clustersOfNodes(L, given) {
  const m = L.count.length;
  const nodes = Int32Array.from(given).sort((a, b) => L.start[a] - L.start[b]);
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i];
    if (!(v >= 0 && v < m)) return null;
    if (i > 0 && L.start[v] < L.start[nodes[i - 1]] + L.count[nodes[i - 1]]) return null;
  }
  const ids = new Int32Array(L.n).fill(-1);
  let covered = 0;
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i];
    ids.fill(i + 1, L.start[v], L.start[v] + L.count[v]);
    covered += L.count[v];
  }
  // Per node: one id when both children carry the same one (a cluster is a subtree, so their
  // parent is in it too), else 0. Children have smaller ids than their parent: one pass up.
  const of = new Int32Array(m);
  for (let v = 0; v < L.n; v++) of[v] = ids[L.start[v]];
  for (let v = L.n; v < m; v++) {
    const a = of[L.left[v - L.n]], b = of[L.right[v - L.n]];
    of[v] = a === b ? a : 0;
  }
  return { ids, k: nodes.length, cut: null, nodes, outliers: L.n - covered, of: (v) => of[v] };
}

/**
 * Cluster nodes of a cut line at t, left to right: the subtrees entirely below the line whose
 * parent is not (null cut: the root).
 * @param {import("./layout.js").Layout} L
 * @param {number | null} t
 * @returns {Int32Array}
 */
export function nodesAtCut(L, t) {
  const m = L.count.length;
  const root = m - 1;
  if (t === null || L.maxh[root] <= t) return Int32Array.of(root);
  /** @type {number[]} */
  const out = [];
  for (let v = 0; v < root; v++) if (L.maxh[v] <= t && L.maxh[L.parent[v]] > t) out.push(v);
  return Int32Array.from(out).sort((a, b) => L.start[a] - L.start[b]);
}

/**
 * Alt-click on node v: a cluster's node splits into its two children; a node above clusters
 * merges them (and any outliers under it) into one; a node inside a cluster or among outliers
 * becomes a cluster of its own (the cluster around it, if any, gives way to its pieces).
 * Returns the new cluster nodes, or null when nothing changes (a leaf cluster cannot split).
 * @param {import("./layout.js").Layout} L
 * @param {Int32Array} nodes  current cluster nodes
 * @param {number} v
 * @returns {number[] | null}
 */
export function alterAt(L, nodes, v) {
  const inside = (/** @type {number} */ u, /** @type {number} */ w) =>
    L.start[u] >= L.start[w] && L.start[u] + L.count[u] <= L.start[w] + L.count[w];
  const list = Array.from(nodes);
  if (list.includes(v)) {
    if (v < L.n) return null;
    const k = v - L.n;
    return list.filter((u) => u !== v).concat([L.left[k], L.right[k]]);
  }
  const around = list.find((u) => inside(v, u));
  if (around === undefined) return list.filter((u) => !inside(u, v)).concat([v]);
  // v lies inside a cluster: split that cluster down the path to v, keeping v whole.
  /** @type {number[]} */
  const pieces = [];
  let u = v;
  while (u !== around) {
    const p = L.parent[u];
    const k = p - L.n;
    pieces.push(L.left[k] === u ? L.right[k] : L.left[k]);
    u = p;
  }
  return list.filter((w) => w !== around).concat(pieces, [v]);
}
