// Helpers the draw modules share: cluster colours, crisp-line snapping, selection membership.
// None of them touches the canvas; they only compute what to draw.

/** @typedef {import("./scene.js").Scene} Scene */

/**
 * Colour of cluster c (0: neutral).
 * @param {Scene} s
 * @param {number} c
 */
export function colorOf(s, c) {
  if (c === 0 || s.palette.length === 0) return s.theme.fg;
  return s.palette[(c - 1) % s.palette.length];
}

/**
 * Snap a coordinate so a line of `w` CSS px is crisp on the device grid.
 * @param {number} v
 * @param {number} dpr
 * @param {number} w
 */
export function snap(v, dpr, w) {
  const dev = Math.max(1, Math.round(w * dpr));
  const off = (dev % 2) / 2;
  return (Math.round(v * dpr - off) + off) / dpr;
}

/**
 * Is node v inside one of the selected subtrees?
 * @param {Scene} s
 * @param {number} v
 */
export function isSelected(s, v) {
  const { start, count } = s.L;
  const a = start[v], e = a + count[v];
  for (const u of s.selection) {
    if (a >= start[u] && e <= start[u] + count[u]) return true;
  }
  return false;
}
