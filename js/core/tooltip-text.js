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
 * @param {number | null} cut
 * @param {() => Int32Array} ids  cluster id per drawn position (only computed when needed)
 * @param {number} v
 * @returns {{head: string, lines: [string, string][]}}
 */
export function nodeTooltip(L, labels, tips, cut, ids, v) {
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
  if (cut !== null && L.maxh[v] <= cut) lines.push(["cluster", String(ids()[L.start[v]])]);
  return { head, lines };
}
