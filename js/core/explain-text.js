// What the view says about why a group of leaves is apart, from the data it already holds
// (core/explain.js on the payload's sums): a hovered node against its sibling, the selection
// against the rest, or against another subtree the user points at. Text only.
import { explainNode, explainSpans, normalizeSpans, topEffects } from "./explain.js";
import { formatCount } from "./format.js";

/**
 * @typedef {import("./explain.js").ExplainData} ExplainData
 * @typedef {import("./explain.js").ExplainRow} ExplainRow
 * @typedef {import("./explain.js").Span} Span
 * @typedef {import("./explain.js").TreeSpans} TreeSpans
 */

const pct = (/** @type {number} */ v) => (v === v ? `${Math.round(100 * v)}%` : "n/a");

/**
 * One effect as a (column, what) pair: ("color_intensity", "-1.9 sd"),
 * ("genus", "Citrus 80% vs 35%").
 * @param {ExplainRow} r
 * @returns {[string, string]}
 */
export function effectPair(r) {
  if (r.kind === "numeric") return [r.column, `${r.effect >= 0 ? "+" : ""}${r.effect.toFixed(1)} sd`];
  return [r.column, `${r.value} ${pct(r.inside)} vs ${pct(r.outside)}`];
}

/**
 * Tooltip lines for node v: the top `k` columns that set it apart from its sibling.
 * @param {ExplainData} data @param {TreeSpans} L @param {number} v @param {number} [k]
 * @returns {[string, string][]}
 */
export function siblingLines(data, L, v, k = 3) {
  const top = topEffects(explainNode(data, L, v), k);
  if (top.length === 0) return [];
  return [["vs sibling", ""], ...top.map(effectPair)];
}

/**
 * Drawn spans of nodes (nested and repeated ones merged).
 * @param {TreeSpans} L @param {readonly number[]} nodes @returns {Span[]}
 */
export function spansOf(L, nodes) {
  const n = L.n;
  return normalizeSpans(nodes.map((v) => /** @type {Span} */ ([L.start[v], L.start[v] + L.count[v]])), n);
}

/** @param {Span[]} spans */
const sizeOf = (spans) => spans.reduce((s, [a, b]) => s + b - a, 0);

/**
 * The selection against the rest or against other nodes: a lead ("3 selected vs 7") and the
 * top `k` effects as text ("color_intensity -0.7 sd"). Null when nothing is selected.
 * @param {ExplainData} data @param {TreeSpans} L
 * @param {readonly number[]} selection
 * @param {"rest" | readonly number[]} against
 * @param {number} [k]
 * @returns {{lead: string, effects: string[], rows: ExplainRow[]} | null}
 */
export function groupSummary(data, L, selection, against, k = 3) {
  const ins = spansOf(L, selection);
  if (ins.length === 0) return null;
  const inside = sizeOf(ins);
  let outs, other;
  if (against === "rest") {
    outs = "rest";
    other = `rest (${formatCount(L.n - inside)})`;
  } else {
    const spans = spansOf(L, against);
    outs = spans;
    // Rows that are also inside count inside only (as explainSpans does).
    let overlap = 0;
    for (const [a, b] of spans) for (const [c, d] of ins) overlap += Math.max(0, Math.min(b, d) - Math.max(a, c));
    other = formatCount(sizeOf(spans) - overlap);
  }
  const rows = explainSpans(data, ins, /** @type {"rest" | Span[]} */ (outs));
  const effects = topEffects(rows, k).map((r) => effectPair(r).join(" "));
  return { lead: `${formatCount(inside)} selected vs ${other}`, effects, rows };
}
