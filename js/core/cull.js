// Level of detail: which nodes to draw for a window so that a frame costs O(pixels), not
// O(leaves). Walk down from the root, highest subtrees first (a heap keyed by subtree max
// height, no recursion), skipping subtrees that are off screen. A subtree narrower than
// `minPx` becomes one block (a filled bar from its span up to its height). After `budget`
// links, whatever is still waiting becomes blocks too: that bounds chains (a 1M-leaf
// caterpillar stays wide all the way down) as well as balanced trees.

/**
 * @typedef {object} DrawList
 * @property {Int32Array} links   internal nodes drawn as U links
 * @property {number} nLinks
 * @property {Int32Array} blocks  nodes drawn as one filled block
 * @property {number} nBlocks
 * @property {number} visited     nodes looked at (for tests: bounded like the list)
 */

/**
 * @param {import("./layout.js").Layout} L
 * @param {import("./zoom.js").Window} win
 * @param {number} leafLen    plot length along the leaf axis in px
 * @param {{minPx?: number, budget?: number}} [opts]
 * @returns {DrawList}
 */
export function cull(L, win, leafLen, opts = {}) {
  const minPx = opts.minPx ?? 2;
  const budget = Math.max(1, opts.budget ?? 4000);
  const { n, start, count, maxh } = L;
  const [x0, x1, y0] = win;
  const pxPerLeaf = leafLen / (x1 - x0);
  const links = new Int32Array(budget);
  const blocks = new Int32Array(2 * budget + 2);
  let nLinks = 0, nBlocks = 0, visited = 0;
  if (n < 2) return { links, nLinks, blocks, nBlocks, visited };

  // Binary max-heap of node ids by maxh. Each drawn link pushes at most two nodes, so the heap
  // never holds more than budget + 1 at once.
  const heap = new Int32Array(budget + 2);
  let size = 0;
  /** @param {number} v */
  const push = (v) => {
    let i = size++;
    const h = maxh[v];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (maxh[heap[p]] >= h) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = v;
  };
  const pop = () => {
    const top = heap[0];
    const last = heap[--size];
    const h = maxh[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && maxh[heap[c + 1]] > maxh[heap[c]]) c++;
      if (maxh[heap[c]] <= h) break;
      heap[i] = heap[c];
      i = c;
    }
    if (size > 0) heap[i] = last;
    return top;
  };

  push(L.root);
  while (size > 0) {
    const v = pop();
    visited++;
    const s = start[v], e = s + count[v];
    if (e <= x0 || s >= x1) continue; // off screen along the leaf axis
    if (maxh[v] < y0) continue; // entirely below the bottom edge: only the parent's legs show
    if (count[v] * pxPerLeaf < minPx || nLinks >= budget) {
      blocks[nBlocks++] = v;
      continue;
    }
    links[nLinks++] = v;
    const i = v - n;
    const a = L.left[i], b = L.right[i];
    // Leaves need nothing of their own: their parent's legs reach down to them.
    if (a >= n) push(a);
    if (b >= n) push(b);
  }
  return { links, nLinks, blocks, nBlocks, visited };
}

/**
 * A budget that scales with the plot: a few links per pixel of its perimeter.
 * @param {number} leafLen
 * @param {number} heightLen
 */
export function budgetFor(leafLen, heightLen) {
  return Math.max(2000, Math.round(4 * (leafLen + heightLen)));
}
