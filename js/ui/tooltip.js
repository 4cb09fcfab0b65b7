// The hover tooltip. Its content comes from row labels and table cells, which are untrusted:
// it is built from elements and textContent only, never from HTML strings.
// What it says about a node is core/tooltip-text.js.

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
