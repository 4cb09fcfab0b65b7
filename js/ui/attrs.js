// The root's data attributes and aria-label: what browser tests and assistive tech read.
// The names are the contract in docs/architecture.md.
import { describe } from "../core/format.js";

/**
 * @typedef {object} AttrState
 * @property {number | null} cut
 * @property {number} k              number of clusters
 * @property {Int32Array | null} clusterNodes  a per-branch partition's nodes; null for a cut
 * @property {number} outliers       leaves under no cluster
 * @property {number} n              number of leaves
 * @property {number[]} selection
 * @property {string} viewWindow     "" for the full view, else "x0,x1,y0,y1"
 * @property {Int32Array | null} matches  search matches, null without a search
 * @property {boolean} busy          Python is recomputing
 * @property {number} labels         leaf labels drawn in the last frame
 */

/**
 * Set an attribute only when it changes: writes trigger attribute observers (tests, screen readers).
 * @param {HTMLElement} el
 * @param {string} name
 * @param {string} value
 */
function attr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * @param {HTMLElement} root
 * @param {HTMLElement} busyEl  the toolbar's busy indicator
 * @param {AttrState} s
 */
export function syncAttrs(root, busyEl, s) {
  attr(root, "data-cut-height", s.cut === null ? "" : String(s.cut));
  attr(root, "data-n-clusters", String(s.k));
  attr(root, "data-cluster-nodes", s.clusterNodes ? Array.from(s.clusterNodes).join(",") : "");
  attr(root, "data-outliers", String(s.outliers));
  attr(root, "data-n-leaves", String(s.n));
  attr(root, "data-selection", s.selection.join(","));
  attr(root, "data-view-window", s.viewWindow);
  attr(root, "data-matches", s.matches ? String(s.matches.length) : "");
  attr(root, "data-labels", String(s.labels));
  attr(root, "aria-label", describe(s.n, s.cut, s.k));
  root.classList.toggle("is-busy", s.busy);
  busyEl.hidden = !s.busy;
}
