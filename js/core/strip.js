// The cut-advice strip along the height axis (Python's suggest_cuts): at each k's cut height a
// bar whose length is that cut's silhouette, and markers at the best three cuts. Geometry only,
// shared by drawing and hit testing.

/**
 * The `_suggestions` trait: k, cut height and silhouette per k, and the best three heights.
 * @typedef {{k: number[], height: number[], silhouette: number[], best: number[]}} Suggestions
 */

export const STRIP_PX = 26; // the longest bar, into the plot from its edge
const MARK_PX = 6; // how close a press must be to a marker

/**
 * The `_suggestions` trait, or null when it is empty or malformed.
 * @param {unknown} raw
 * @returns {Suggestions | null}
 */
export function readSuggestions(raw) {
  if (!raw || typeof raw !== "object") return null;
  const r = /** @type {Record<string, unknown>} */ (raw);
  const nums = (/** @type {unknown} */ v) =>
    Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isFinite(x)) ? /** @type {number[]} */ (v) : null;
  const k = nums(r.k), height = nums(r.height), silhouette = nums(r.silhouette), best = nums(r.best);
  if (!k || !height || !silhouette || !best || k.length !== height.length || k.length !== silhouette.length) return null;
  if (k.length === 0) return null;
  return { k, height, silhouette, best };
}

/**
 * Where the strip starts along the leaf axis (the plot's edge on the axis side), px.
 * @param {import("./frame.js").Frame} fr
 */
export function stripBase(fr) {
  const p = fr.plot;
  return fr.vertical ? p.x : p.y;
}

/**
 * The best cut whose marker is at (x, y) (CSS px), or null.
 * @param {import("./frame.js").Frame} fr
 * @param {Suggestions | null} sg
 * @param {number} x
 * @param {number} y
 * @returns {number | null}
 */
export function markerAt(fr, sg, x, y) {
  if (!sg) return null;
  const [a, b] = fr.ab(x, y);
  const a0 = stripBase(fr);
  if (a < a0 - MARK_PX || a > a0 + MARK_PX * 2) return null;
  let best = null, dist = MARK_PX;
  for (const h of sg.best) {
    if (h < fr.win[2] || h > fr.win[3]) continue;
    const d = Math.abs(fr.heightPos(h) - b);
    if (d <= dist) {
      dist = d;
      best = h;
    }
  }
  return best;
}

/**
 * The best cuts' labels, merged where they would overlap: markers closer than `minGap` px (each
 * to the previous one) along the height axis share one label, "k=13, 15", at the first's place.
 * @param {number[]} pos  the markers' positions along the height axis, px
 * @param {number[]} ks   their k
 * @param {number} minGap
 * @returns {{pos: number, text: string}[]}
 */
export function markerLabels(pos, ks, minGap) {
  const idx = pos.map((_, i) => i).sort((a, b) => pos[a] - pos[b] || ks[a] - ks[b]);
  /** @type {{pos: number, last: number, ks: number[]}[]} */
  const groups = [];
  for (const i of idx) {
    const g = groups[groups.length - 1];
    if (g && pos[i] - g.last < minGap) {
      g.ks.push(ks[i]);
      g.last = pos[i];
    } else {
      groups.push({ pos: pos[i], last: pos[i], ks: [ks[i]] });
    }
  }
  return groups.map((g) => ({ pos: g.pos, text: `k=${g.ks.sort((a, b) => a - b).join(", ")}` }));
}
