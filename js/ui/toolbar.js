// The toolbar above the canvas (reset, search, match count, select the matches, the per-branch
// "Suggest" cut and its smallest cluster size, busy indicator, PNG and SVG export) and the small element helper the view builds its DOM with. Buttons call
// state actions; the export buttons call what the view hands them (picture.js renders).

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
 * @property {HTMLSpanElement} matchCount "10 matches", "3 / 10", read out politely
 * @property {HTMLButtonElement} select   makes the matches the selection
 * @property {HTMLSpanElement} suggestBox  "Suggest" and its size (hidden with no kernel)
 * @property {HTMLButtonElement} suggest  asks Python for a per-branch cut (cut_branches)
 * @property {HTMLInputElement} minSize   the smallest cluster that cut keeps, in rows
 * @property {HTMLSpanElement} busy       shown while Python recomputes
 * @property {HTMLButtonElement} png      saves the picture as PNG
 * @property {HTMLButtonElement} svg      saves the picture as SVG
 */

/** @param {string} text @param {string} title */
const button = (text, title) => {
  const b = h("button", "dendrowidget-button", { type: "button", title });
  b.textContent = text;
  return b;
};

/**
 * Build the toolbar's elements (no listeners: the view wires them).
 * @returns {Toolbar}
 */
export function makeToolbar() {
  const toolbar = h("div", "dendrowidget-toolbar");
  const reset = button("Reset zoom", "Show the whole tree (0)");
  const search = h("input", "dendrowidget-search", {
    type: "search",
    placeholder: "Search labels",
    "aria-label": "Search leaf labels (Enter: next match, Shift+Enter: previous, Ctrl+Enter: select them)",
    spellcheck: "false",
    autocomplete: "off",
    maxlength: "1000", // Python refuses longer searches (_widget.py)
  });
  const matchCount = h("span", "dendrowidget-matches", { "aria-live": "polite" });
  const select = button("Select", "Select the matching leaves (Ctrl+Enter)");
  select.disabled = true;
  const suggestBox = h("span", "dendrowidget-suggest");
  const suggest = button(
    "Suggest",
    "Cut each branch where it holds together (HDBSCAN's excess of mass): clusters of at least " +
      "this many rows, the rest outliers (grey)",
  );
  const minSize = h("input", "dendrowidget-min-size", {
    type: "number",
    min: "2",
    step: "1",
    value: "5",
    "aria-label": "Smallest cluster for Suggest, in rows",
    title: "Smallest cluster for Suggest, in rows",
  });
  suggestBox.append(suggest, minSize);
  const spacer = h("span", "dendrowidget-spacer");
  const busy = h("span", "dendrowidget-busy", { role: "status" });
  busy.textContent = "computing…";
  const png = button("PNG", "Save the picture as PNG (twice the screen's resolution)");
  const svg = button("SVG", "Save the picture as SVG (vector)");
  toolbar.append(reset, search, matchCount, select, suggestBox, spacer, busy, png, svg);
  return { toolbar, reset, search, matchCount, select, suggestBox, suggest, minSize, busy, png, svg };
}

/**
 * Download `blob` as `<title>.<ext>` (title reduced to safe file-name characters).
 * @param {Blob} blob
 * @param {string} title
 * @param {string} ext
 */
export function download(blob, title, ext) {
  const url = URL.createObjectURL(blob);
  const a = h("a", "", { href: url, download: `${String(title || "dendrogram").replace(/[^\w.-]+/g, "_")}.${ext}` });
  a.click();
  // Revoked later, not at once: the download may still be reading it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The smallest cluster size typed in the box: a whole number of at least 2 (a blank or
 * nonsense entry falls back to 5, the box shows what is used).
 * @param {HTMLInputElement} input
 */
export function minClusterSize(input) {
  const v = Math.round(Number(input.value));
  const m = Number.isFinite(v) && v >= 2 ? Math.min(v, 1e9) : 5;
  input.value = String(m);
  return m;
}

/**
 * The toolbar's buttons: reset shows the whole tree; Suggest asks Python for a per-branch cut
 * (and, when the strip of scores is not there yet, for the scores); PNG and SVG save the
 * picture as it is now. (The search box and Select are the search box's: ui/search-box.js.)
 * @param {Toolbar} tb
 * @param {{
 *   state: import("../state/state.js").State,
 *   png: () => Promise<Blob | null>,
 *   svg: () => string,
 *   send: ((content: object) => void) | null,
 * }} deps  send: null on a page with no kernel (Suggest is hidden)
 * @param {AbortSignal} signal
 */
export function wireToolbar(tb, { state, png, svg, send }, signal) {
  tb.reset.addEventListener("click", () => state.resetZoom(), { signal });
  tb.suggestBox.hidden = !send;
  const suggest = () => {
    if (!send) return;
    send({ type: "cut_branches", min_cluster_size: minClusterSize(tb.minSize) });
    if (!state.suggestions) send({ type: "suggest" });
  };
  tb.suggest.addEventListener("click", suggest, { signal });
  tb.minSize.addEventListener("keydown", (e) => {
    e.stopPropagation(); // digits and arrows are the box's, not the view's keys
    if (e.key === "Enter") suggest();
  }, { signal });
  tb.png.addEventListener("click", async () => {
    const blob = await png();
    if (blob) download(blob, state.opts.title, "png");
  }, { signal });
  tb.svg.addEventListener("click", () => {
    download(new Blob([svg()], { type: "image/svg+xml" }), state.opts.title, "svg");
  }, { signal });
}
