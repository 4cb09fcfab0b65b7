// The cut: height t -> clusters in drawn order, exactly as fcluster(Z, t, criterion="distance").
// Two adjacent leaves share a cluster iff their LCA's subtree max height is <= t (equality
// joins), so a cut is one comparison per gap and a running count. Heights are float64
// throughout: rounding would merge distinct heights and disagree with Python on ties.

/**
 * Number of clusters at cut t (null: no cut, one cluster).
 * @param {Float64Array} gapHeight
 * @param {number | null} t
 */
export function nClusters(gapHeight, t) {
  if (t === null) return 1;
  let k = 1;
  for (let g = 0; g < gapHeight.length; g++) if (gapHeight[g] > t) k++;
  return k;
}

/**
 * Cluster id (1..k, left to right) of every drawn position.
 * @param {Float64Array} gapHeight
 * @param {number | null} t
 * @returns {Int32Array}
 */
export function drawnIds(gapHeight, t) {
  const n = gapHeight.length + 1;
  const ids = new Int32Array(n);
  let c = 1;
  ids[0] = 1;
  for (let g = 0; g < n - 1; g++) {
    if (t !== null && gapHeight[g] > t) c++;
    ids[g + 1] = c;
  }
  return ids;
}

/**
 * Cluster of node v: its cluster id when the whole subtree is below the cut, else 0 (drawn
 * neutral, above the cut).
 * @param {import("./layout.js").Layout} L
 * @param {Int32Array} ids  drawnIds for the same cut
 * @param {number | null} t
 * @param {number} v
 */
export function nodeCluster(L, ids, t, v) {
  return t !== null && L.maxh[v] <= t ? ids[L.start[v]] : 0;
}

/**
 * nodeCluster of every node.
 * @param {import("./layout.js").Layout} L
 * @param {number | null} t
 * @returns {Int32Array}
 */
export function nodeClusters(L, t) {
  const ids = drawnIds(L.gapHeight, t);
  const out = new Int32Array(L.count.length);
  for (let v = 0; v < out.length; v++) out[v] = nodeCluster(L, ids, t, v);
  return out;
}

/**
 * Distinct gap heights, ascending: the heights where the number of clusters changes.
 * @param {Float64Array} gapHeight
 * @returns {Float64Array}
 */
export function cutSteps(gapHeight) {
  const s = Float64Array.from(gapHeight).sort();
  let k = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[k - 1]) s[k++] = s[i];
  return s.slice(0, k);
}

/**
 * A cut strictly inside [lo, hi): the midpoint, or lo itself when they are adjacent floats.
 * @param {number} lo
 * @param {number} hi
 */
function between(lo, hi) {
  const t = lo + (hi - lo) / 2;
  return lo <= t && t < hi ? t : lo;
}

/**
 * The cut one merge step up (dir = +1: fewer clusters) or down (dir = -1: more clusters).
 * States are j = number of steps <= t; state j's cut is between steps j-1 and j. The top
 * state (one cluster) cuts at the highest merge; the bottom one at half the lowest positive
 * merge (a cut is never negative, so zero-height merges always join).
 * @param {Float64Array} steps  from cutSteps
 * @param {number | null} t     current cut (null: no cut, taken as the top state)
 * @param {1 | -1} dir
 * @returns {number | null}
 */
export function stepCut(steps, t, dir) {
  const m = steps.length;
  if (m === 0) return t;
  let j = m;
  if (t !== null) {
    // Binary search: j = number of steps <= t.
    let lo = 0, hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (steps[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    j = lo;
  }
  const lowest = steps[0] > 0 ? 0 : 1; // with zero heights, state 0 needs t < 0
  const next = Math.max(lowest, Math.min(m, j + dir));
  if (next === m) return steps[m - 1];
  if (next === 0) return steps[0] / 2;
  return between(steps[next - 1], steps[next]);
}
