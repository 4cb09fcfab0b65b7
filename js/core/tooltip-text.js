// What the hover tooltip says about a node: a leaf's label, row and table cells, or an internal
// node's size and heights; plus its cluster. Text only: ui/tooltip.js puts it in as textContent.
import { tooltipLines } from "./decode.js";
import { formatCount, formatNumber } from "./format.js";
import { nodeHeight } from "./layout.js";

/**
 * What the tooltip says about node `v`: a leaf's label, row and table cells, or an internal
 * node's size and heights; plus its cluster when the cut puts it inside one.
 * @param {import("./layout.js").Layout} L
 * @param {import("./decode.js").Labels} labels
 * @param {{columns?: string[], values?: string[][]}} tips
 * @param {() => import("./clusters.js").Clusters} clusters  the clusters shown (computed when needed)
 * @param {number} v
 * @returns {{head: string, lines: [string, string][]}}
 */
export function nodeTooltip(L, labels, tips, clusters, v) {
  /** @type {[string, string][]} */
  const lines = [];
  let head;
  if (v < L.n) {
    head = labels.get(v);
    lines.push(["row", String(v)]);
    for (const line of tooltipLines(tips, v)) lines.push(line);
  } else {
    head = `${formatCount(L.count[v])} leaves`;
    lines.push(["height", formatNumber(nodeHeight(L, v), 4)]);
    if (L.maxh[v] !== nodeHeight(L, v)) lines.push(["max height below", formatNumber(L.maxh[v], 4)]);
    lines.push(["node", String(v)]);
  }
  const c = clusters();
  const id = c.cut === null && c.nodes === null ? 0 : c.of(v);
  if (id > 0) lines.push(["cluster", String(id)]);
  else if (id < 0) lines.push(["cluster", "outlier"]);
  return { head, lines };
}
