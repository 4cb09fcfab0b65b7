// Where the cut line and its grab handle are on screen. Drawing (draw/cut.js) and hit testing
// (hit.js) both read it here, so the line is grabbed exactly where it is drawn.

/**
 * Where the cut line sits along the height axis (px), pinned to the plot's edge when the cut is
 * out of view (so the handle can always be grabbed again). Null cut: at the top of the tree.
 * @param {import("./frame.js").Frame} fr
 * @param {number | null} cut
 * @param {number} fullTop  top of the full height axis
 * @returns {{b: number, pinned: boolean}}
 */
export function cutPosition(fr, cut, fullTop) {
  const [, , y0, y1] = fr.win;
  if (cut === null) return { b: fr.heightPos(Math.min(y1, fullTop)), pinned: true };
  const h = Math.max(y0, Math.min(y1, cut));
  return { b: fr.heightPos(h), pinned: h !== cut };
}

/**
 * The handle's box (CSS px) at the end of the cut line.
 * @param {import("./frame.js").Frame} fr
 * @param {number} b  cut position along the height axis
 * @returns {{x: number, y: number, w: number, h: number}}
 */
export function handleBox(fr, b) {
  const p = fr.plot;
  if (fr.vertical) return { x: p.x + p.w + 3, y: b - 8, w: 12, h: 16 };
  return { x: b - 8, y: p.y - 15, w: 16, h: 12 };
}
