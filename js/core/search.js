// Label search: drawn positions whose label contains the query, case-insensitive. Python's
// `search_matches` (_search.py) follows the same rule: trimmed as String.trim(), lower-cased.

/**
 * The text searched for: trimmed and lower-cased ("" searches nothing).
 * @param {string} q
 */
export function needle(q) {
  return q.trim().toLowerCase();
}

/**
 * @param {string[]} lower     every row's label, lower-cased (by row)
 * @param {Int32Array} order   row at each drawn position
 * @param {string} needle      lower-cased query, non-empty
 * @param {Int32Array | null} within  previous matches to narrow down (the query grew), or null
 * @returns {Int32Array} sorted drawn positions
 */
export function findMatches(lower, order, needle, within) {
  /** @type {number[]} */
  const out = [];
  if (within) {
    for (const p of within) if (lower[order[p]].includes(needle)) out.push(p);
  } else {
    for (let p = 0; p < order.length; p++) if (lower[order[p]].includes(needle)) out.push(p);
  }
  return Int32Array.from(out);
}

/**
 * Can the matches of `prev` be narrowed to those of `next`? Every label containing `next`
 * contains `prev` when `prev` is a substring of `next`.
 * @param {string} prev
 * @param {string} next
 */
export function narrows(prev, next) {
  return prev !== "" && next.includes(prev);
}
