// The label search box: matches as the user types (debounced), Enter zooms to them, Escape
// clears. The query and the matches are the state's; the box shows them (`show`, called by the
// view on every search change, also when the labels change or the query is cleared elsewhere).
import { formatCount } from "../core/format.js";

/** @param {string} s */
const needle = (s) => s.trim().toLowerCase();

/**
 * Wire the search input; its listeners go away when `signal` aborts.
 * @param {{input: HTMLInputElement, countEl: HTMLElement, root: HTMLElement, state: import("../state/state.js").State}} deps
 *   countEl shows the number of matches; root takes the focus back on Escape
 * @param {AbortSignal} signal
 * @returns {{show: () => void}}
 */
export function wireSearchBox({ input, countEl, root, state }, signal) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer; // set while typing waits for its search
  const typed = {
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
  signal.addEventListener("abort", typed.cancel);

  input.addEventListener("input", () => {
    clearTimeout(timer);
    // Big trees search slower: wait for a longer pause in the typing.
    timer = setTimeout(() => {
      timer = undefined;
      state.search(input.value);
    }, state.L.n > 100000 ? 200 : 60);
  }, { signal });
  input.addEventListener("keydown", (e) => {
    e.stopPropagation(); // typing here is text, not notebook shortcuts
    if (e.key === "Enter") {
      typed.cancel();
      state.search(input.value);
      state.zoomToMatches();
      e.preventDefault();
    } else if (e.key === "Escape") {
      typed.cancel();
      state.clearSearch();
      root.focus({ preventScroll: true });
      e.preventDefault();
    }
  }, { signal });

  return {
    show() {
      // The box keeps what the user types; a query changed elsewhere (cleared) replaces it.
      if (timer === undefined && needle(input.value) !== state.query) input.value = state.query;
      const m = state.matches;
      countEl.textContent = m === null ? "" : m.length === 0 ? "no match" : `${formatCount(m.length)} ${m.length === 1 ? "match" : "matches"}`;
    },
  };
}
