// The hover tooltip. Its content comes from row labels and table cells, which are untrusted:
// it is built from elements and textContent only, never from HTML strings.
import { tooltipLines } from "../core/decode.js";
import { formatCount, formatNumber } from "../core/format.js";
import { nodeHeight } from "../core/layout.js";

/**
 * @param {HTMLElement} stage  positioned parent the tooltip floats in
 */
export function makeTooltip(stage) {
  const box = document.createElement("div");
  box.className = "dendrowidget-tooltip";
  box.setAttribute("role", "tooltip");
  box.hidden = true;
  stage.append(box);

  /** @param {string} cls @param {string} value */
  const span = (cls, value) => {
    const el = document.createElement("span");
    el.className = cls;
    el.textContent = value;
    return el;
  };

  return {
    el: box,
    /**
     * Show `head` and key/value lines beside the point (x, y), flipped to stay in `bounds`.
     * @param {string} head
     * @param {[string, string][]} lines
     * @param {number} x
     * @param {number} y
     * @param {{w: number, h: number}} bounds
     */
    show(head, lines, x, y, bounds) {
      const title = document.createElement("div");
      title.className = "dendrowidget-tooltip-title";
      title.textContent = head;
      const rows = lines.map(([k, v]) => {
        const row = document.createElement("div");
        row.className = "dendrowidget-tooltip-row";
        row.append(span("dendrowidget-tooltip-key", k), span("dendrowidget-tooltip-value", v));
        return row;
      });
      box.replaceChildren(title, ...rows);
      box.hidden = false;
      const tw = box.offsetWidth || 160, th = box.offsetHeight || 60;
      const left = x + 14 + tw > bounds.w ? Math.max(0, x - 14 - tw) : x + 14;
      const top = y + 14 + th > bounds.h ? Math.max(0, y - 14 - th) : y + 14;
      box.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    },
    hide() {
      box.hidden = true;
    },
  };
}

/**
 * What the tooltip says about node `v`: a leaf's label, row and table cells, or an internal
 * node's size and heights; plus its cluster when the cut puts it inside one.
 * @param {import("../core/layout.js").Layout} L
 * @param {import("../core/decode.js").Labels} labels
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
