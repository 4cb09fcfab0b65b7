// The label search box: matches as the user types (debounced), Enter zooms to them, Escape
// clears. It owns the query and the matches; the view reads them to draw and for attributes.
import { formatCount } from "../core/format.js";
import { findMatches, narrows } from "../core/search.js";
import { spanWindow } from "../core/zoom.js";

/**
 * What the search box needs from the view.
 * @typedef {object} SearchHost
 * @property {HTMLElement} root
 * @property {import("../core/layout.js").Layout} L
 * @property {import("../core/decode.js").Labels} labels
 * @property {import("../core/zoom.js").Window} full
 * @property {() => void} requestDraw
 * @property {(w: import("../core/zoom.js").Window, how: "now" | "throttle") => void} setWindow
 */

/**
 * @typedef {object} SearchBox
 * @property {string} query               the current needle (trimmed, lower case), "" for none
 * @property {Int32Array | null} matches  drawn positions that match (sorted), null for no search
 * @property {(q: string, fresh?: boolean) => void} run  search again; `fresh` after labels change
 * @property {() => void} clear
 * @property {() => void} cancel          drop a pending debounced search
 */

/**
 * Wire the search input; its listeners go away when `signal` aborts.
 * @param {HTMLInputElement} input
 * @param {HTMLElement} countEl  shows the number of matches
 * @param {SearchHost} v
 * @param {AbortSignal} signal
 * @returns {SearchBox}
 */
export function makeSearchBox(input, countEl, v, signal) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  /** @type {SearchBox} */
  const box = {
    query: "",
    matches: null,
    /**
     * Drawn positions whose label contains `q` (case-insensitive). Labels are decoded and
     * lower-cased once; a query that contains the last one only re-checks the last matches.
     */
    run(q, fresh = false) {
      const needle = q.trim().toLowerCase();
      if (!needle) {
        box.matches = null;
      } else {
        const within = !fresh && box.matches && narrows(box.query, needle) ? box.matches : null;
        box.matches = findMatches(v.labels.lowerAll(), v.L.order, needle, within);
      }
      box.query = needle;
      const m = box.matches;
      countEl.textContent = m === null ? "" : m.length === 0 ? "no match" : `${formatCount(m.length)} ${m.length === 1 ? "match" : "matches"}`;
      v.requestDraw();
    },
    clear() {
      input.value = "";
      box.run("");
    },
    cancel() {
      clearTimeout(timer);
    },
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    // Big trees search slower: wait for a longer pause in the typing.
    timer = setTimeout(() => box.run(input.value), v.L.n > 100000 ? 200 : 60);
  }, { signal });
  input.addEventListener("keydown", (e) => {
    e.stopPropagation(); // typing here is text, not notebook shortcuts
    if (e.key === "Enter") {
      clearTimeout(timer);
      box.run(input.value);
      const m = box.matches;
      if (m && m.length) {
        v.setWindow(spanWindow(v.full, m[0], m[m.length - 1], Math.min(v.L.n, 30)), "now");
      }
      e.preventDefault();
    } else if (e.key === "Escape") {
      box.clear();
      v.root.focus({ preventScroll: true });
      e.preventDefault();
    }
  }, { signal });

  return box;
}
