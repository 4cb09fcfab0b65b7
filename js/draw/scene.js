// What one frame shows (the view builds it from the state; paint.js draws it), and helpers the
// draw modules share: cluster colours, crisp-line snapping, selection membership. Nothing here
// touches the canvas.

/**
 * @typedef {object} Scene
 * @property {import("../core/layout.js").Layout} L
 * @property {import("../core/decode.js").Labels} labels
 * @property {import("../core/frame.js").Frame} fr
 * @property {import("../core/cull.js").DrawList} list
 * @property {number} width         CSS px
 * @property {number} height        CSS px
 * @property {number} dpr
 * @property {number | null} cut
 * @property {Int32Array} ids       cluster id per drawn position (-1: outlier)
 * @property {number} k             number of clusters
 * @property {import("../core/clusters.js").Clusters} clusters  the clusters shown (cut or nodes)
 * @property {import("../core/strip.js").Suggestions | null} suggestions  cut advice, if any
 * @property {string[]} palette
 * @property {number[]} selection
 * @property {Int32Array | null} matches  drawn positions whose label matches the search (sorted)
 * @property {number} hover         node under the pointer, -1 for none
 * @property {boolean} cutHot       the cut line is hovered or dragged
 * @property {string} title
 * @property {string} axisLabel
 * @property {string} leafLabel     leaf-axis title
 * @property {number} labelBand     px reserved for leaf labels
 * @property {import("../core/frame.js").LeafSide} side  band and labels beside the leaves
 * @property {[number, number] | null} brush  leaf-axis band being brushed (leaf units)
 * @property {number} currentMatch  drawn position of the match Enter went to, -1 for none
 * @property {boolean} exporting    a picture to save: no grab handle, no hover
 * @property {number} fullTop       top of the full height axis
 * @property {import("../core/theme.js").Theme} theme
 * @property {Map<string, string>} fitCache  labels shortened to fit, by width
 * @property {number} [dataBand]    px between the leaves and their labels taken by the data
 * @property {import("./data-scene.js").DataScene | null} [data]  strips, heatmap, legends (none: null)
 */

/**
 * Colour of cluster c (0: neutral, -1: outlier, drawn muted grey).
 * @param {Scene} s
 * @param {number} c
 */
export function colorOf(s, c) {
  if (c < 0) return s.theme.muted;
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
