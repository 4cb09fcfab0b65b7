// What the label search found: the matches of the synced query (state.js owns the query, the
// trait `search`) and the match Enter went to last. Part of the state: only state.js uses it.
import { findMatches, narrows, needle } from "../core/search.js";

/** Enter shows a match in a window this many leaves wide at most (labels can be read). */
export const MATCH_SPAN = 40;

export function makeSearch() {
  let query = ""; // the needle: trimmed, lower-cased
  /** @type {Int32Array | null} */
  let matches = null;
  let index = -1; // the current match, -1 before the first Enter

  return {
    get query() { return query; },
    get matches() { return matches; },
    get index() { return index; },
    /**
     * Search `raw` again; `fresh`: the labels or the tree changed. False when nothing changed.
     * @param {string} raw
     * @param {() => string[]} lowerAll  every row's label, lower-cased
     * @param {() => Int32Array} order  asked only for a query (a million-leaf tree's first
     *   frame need not wait for it)
     * @param {boolean} fresh
     */
    run(raw, lowerAll, order, fresh) {
      const q = needle(raw);
      if (!fresh && q === query) return false;
      const within = !fresh && matches && narrows(query, q) ? matches : null;
      matches = q ? findMatches(lowerAll(), order(), q, within) : null;
      query = q;
      index = -1;
      return true;
    },
    /**
     * Move to the next (+1) or previous (-1) match, wrapping around; its drawn position, or -1.
     * @param {1 | -1} dir
     */
    step(dir) {
      const m = matches;
      if (!m || m.length === 0) return -1;
      index = index < 0 ? (dir > 0 ? 0 : m.length - 1) : (index + dir + m.length) % m.length;
      return m[index];
    },
  };
}
