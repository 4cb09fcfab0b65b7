// Why the selection is apart, shown beside the toolbar's search: "3 selected vs rest:
// color_intensity -0.7 sd · ...". A "Compare" button (or the key c) compares the selection with
// the subtree the pointer is on instead; a click keeps that subtree (shift-click adds another),
// Escape or the button again goes back to the rest. Text from core/explain-text.js, put in as
// textContent only: column and category names are data.
import { groupSummary } from "../core/explain-text.js";
import { h } from "./toolbar.js";

/**
 * @typedef {object} ExplainPanel
 * @property {HTMLSpanElement} el       the panel (in the toolbar)
 * @property {HTMLSpanElement} lead     "3 selected vs rest"
 * @property {HTMLSpanElement} effects  "color_intensity -0.7 sd · ..."
 * @property {HTMLButtonElement} compare  toggles compare mode
 * @property {{key: string}} last       what the panel shows now (recomputed when it changes)
 * @property {boolean} offline  no kernel (a saved page): a heatmap still in block sums stays so
 */

/**
 * The panel's elements, placed in the toolbar (after the match count; the button before PNG).
 * @param {import("./toolbar.js").Toolbar} tb
 * @returns {ExplainPanel}
 */
export function makeExplainPanel(tb) {
  const el = h("span", "dendrowidget-explain", { "aria-live": "polite" });
  const lead = h("span", "dendrowidget-explain-lead");
  const effects = h("span", "dendrowidget-explain-effects");
  el.append(lead, effects);
  el.hidden = true;
  const compare = h("button", "dendrowidget-button", {
    type: "button",
    title: "Compare the selection with the subtree you point at, instead of the rest (c)",
    "aria-pressed": "false",
  });
  compare.textContent = "Compare";
  compare.hidden = true;
  tb.matchCount.after(el);
  tb.png.before(compare);
  return { el, lead, effects, compare, last: { key: "" }, offline: false };
}

/**
 * The button toggles compare mode.
 * @param {ExplainPanel} panel
 * @param {{state: import("../state/state.js").State}} deps
 * @param {AbortSignal} signal
 */
export function wireExplainPanel(panel, { state }, signal) {
  panel.compare.addEventListener("click", () => {
    state.data.setCompare(!state.data.comparing);
  }, { signal });
}

/**
 * Show what sets the selection apart: against the rest, or (compare mode) against the kept
 * subtrees or the one under the pointer.
 * @param {ExplainPanel} panel
 * @param {import("../state/state.js").State} state
 */
export function updateExplainPanel(panel, state) {
  const data = state.data, prep = data.prep;
  const sel = state.selection;
  panel.compare.hidden = !prep;
  panel.compare.disabled = sel.length === 0;
  panel.compare.setAttribute("aria-pressed", String(data.comparing));
  panel.compare.classList.toggle("is-active", data.comparing);
  /** @type {"rest" | number[] | null} */
  let against = "rest";
  if (data.comparing) against = data.target.length ? data.target : state.hover >= 0 ? [state.hover] : null;
  const kept = data.comparing && data.target.length > 0;
  const key = `${prep ? (prep.later ? 2 : 1) : 0}|${sel.join(",")}|${data.comparing}|${kept}|${against === null ? "-" : String(against)}`;
  if (key === panel.last.key) return;
  panel.last.key = key;
  const ready = prep && !prep.later; // block sums alone would blur a small selection's means
  const summary = ready && sel.length ? (against === null ? null : groupSummary(prep.explain, state.L, sel, against)) : null;
  panel.el.hidden = !prep || sel.length === 0;
  if (!summary) {
    // Block sums on a page with no kernel: the codes will not come (JupyterLab saved the state
    // before they did).
    panel.lead.textContent = prep?.later
      ? panel.offline ? "saved before the data arrived: re-run the cell and save to explain" : "reading the data…"
      : data.comparing && sel.length ? "compare: point at a subtree, click to keep it" : "";
    panel.effects.textContent = "";
    panel.el.title = panel.lead.textContent;
    return;
  }
  // After reduce= a leaf is a micro-cluster: the view weighs each one's mean alike (Python's
  // w.explain() counts the rows).
  const unit = state.opts.expandable ? ", micro-clusters" : "";
  panel.lead.textContent = `${summary.lead}${data.comparing && !kept ? " (pointed at)" : ""}${unit}:`;
  panel.effects.textContent = summary.effects.join(" · ");
  panel.el.title = `${panel.lead.textContent} ${panel.effects.textContent}`;
}
