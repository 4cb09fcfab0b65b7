// The toolbar above the canvas (reset, search, match count, busy indicator, PNG export) and the
// small element helper the view builds its DOM with. Buttons call state actions.

/**
 * An element with a class and attributes (attribute values are set as text, never parsed).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} className
 * @param {Record<string, string>} [attrs]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, className, attrs = {}) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/**
 * @typedef {object} Toolbar
 * @property {HTMLDivElement} toolbar     the bar itself
 * @property {HTMLButtonElement} reset    shows the whole tree
 * @property {HTMLInputElement} search    label search
 * @property {HTMLSpanElement} matchCount "3 matches", read out politely
 * @property {HTMLSpanElement} busy       shown while Python recomputes
 * @property {HTMLButtonElement} exportBtn saves the picture as PNG
 */

/**
 * Build the toolbar's elements (no listeners: the view wires them).
 * @returns {Toolbar}
 */
export function makeToolbar() {
  const toolbar = h("div", "dendrowidget-toolbar");
  const reset = h("button", "dendrowidget-button", { type: "button", title: "Show the whole tree (0)" });
  reset.textContent = "Reset zoom";
  const search = h("input", "dendrowidget-search", {
    type: "search",
    placeholder: "Search labels",
    "aria-label": "Search leaf labels (Enter zooms to the matches)",
    spellcheck: "false",
    autocomplete: "off",
  });
  const matchCount = h("span", "dendrowidget-matches", { "aria-live": "polite" });
  const spacer = h("span", "dendrowidget-spacer");
  const busy = h("span", "dendrowidget-busy", { role: "status" });
  busy.textContent = "computing…";
  const exportBtn = h("button", "dendrowidget-button", { type: "button", title: "Save the picture as PNG" });
  exportBtn.textContent = "PNG";
  toolbar.append(reset, search, matchCount, spacer, busy, exportBtn);
  return { toolbar, reset, search, matchCount, busy, exportBtn };
}

/**
 * Download the canvas as `<title>.png` (title reduced to safe file-name characters).
 * @param {HTMLCanvasElement} canvas  already drawn
 * @param {string} title
 */
export function savePng(canvas, title) {
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = h("a", "", { href: url, download: `${String(title || "dendrogram").replace(/[^\w.-]+/g, "_")}.png` });
    a.click();
    // Revoked later, not at once: the download may still be reading it.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, "image/png");
}

/**
 * The toolbar's buttons: reset shows the whole tree; PNG saves the picture as it is now.
 * @param {Toolbar} tb
 * @param {{state: import("../state/state.js").State, canvas: HTMLCanvasElement, drawNow: () => void}} deps
 * @param {AbortSignal} signal
 */
export function wireToolbar(tb, { state, canvas, drawNow }, signal) {
  tb.reset.addEventListener("click", () => state.resetZoom(), { signal });
  tb.exportBtn.addEventListener("click", () => {
    drawNow(); // the picture as it is now, not as of the last animation frame
    savePng(canvas, state.opts.title);
  }, { signal });
}
