// The label search box: matches as the user types (debounced; written to Python when typing
// pauses), Enter goes to the next match and Shift+Enter to the previous one ("3 / 10"),
// Ctrl/Cmd+Enter or the Select button make the matches the selection, Escape clears. The query
// and the matches are the state's; the box shows them (`show`, called by the view on every
// search change, also when the labels change or Python sets the search).
import { formatCount } from "../core/format.js";

const WRITE_MS = 600; // a pause in typing this long writes the search to Python

/**
 * Wire the search input and the Select button; their listeners go away when `signal` aborts.
 * @param {{input: HTMLInputElement, countEl: HTMLElement, selectBtn: HTMLButtonElement, root: HTMLElement, state: import("../state/state.js").State}} deps
 *   countEl shows the number of matches; root takes the focus back on Escape
 * @param {AbortSignal} signal
 * @returns {{show: () => void}}
 */
export function wireSearchBox({ input, countEl, selectBtn, root, state }, signal) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer; // set while typing waits for its search
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let writeTimer; // set while typed text waits to be written
  const typed = {
    cancel() {
      clearTimeout(timer);
      clearTimeout(writeTimer);
      timer = writeTimer = undefined;
    },
    /** The box's text, searched and written now. */
    commit() {
      const pending = timer !== undefined || writeTimer !== undefined;
      typed.cancel();
      if (pending || input.value !== state.searchText) state.search(input.value);
    },
  };
  signal.addEventListener("abort", typed.cancel);

  input.addEventListener("input", () => {
    clearTimeout(timer);
    clearTimeout(writeTimer);
    // Big trees search slower: wait for a longer pause in the typing.
    timer = setTimeout(() => {
      timer = undefined;
      state.search(input.value, { final: false });
    }, state.L.n > 100000 ? 200 : 60);
    writeTimer = setTimeout(typed.commit, WRITE_MS);
  }, { signal });
  input.addEventListener("blur", () => {
    if (timer !== undefined || writeTimer !== undefined) typed.commit();
  }, { signal });
  input.addEventListener("keydown", (e) => {
    e.stopPropagation(); // typing here is text, not notebook shortcuts
    if (e.key === "Enter") {
      typed.commit();
      if (e.ctrlKey || e.metaKey) state.selectMatches();
      else state.stepMatch(e.shiftKey ? -1 : 1);
      e.preventDefault();
    } else if (e.key === "Escape") {
      typed.cancel();
      state.clearSearch();
      root.focus({ preventScroll: true });
      e.preventDefault();
    }
  }, { signal });
  selectBtn.addEventListener("click", () => {
    typed.commit();
    state.selectMatches();
  }, { signal });

  return {
    show() {
      // The box keeps what the user types; a search set elsewhere (Python, Escape) replaces it
      // (and the typed text waiting to be written is dropped).
      if (timer === undefined && input.value !== state.searchText) {
        clearTimeout(writeTimer);
        writeTimer = undefined;
        input.value = state.searchText;
      }
      const m = state.matches;
      const k = state.matchNumber;
      countEl.textContent = m === null ? ""
        : m.length === 0 ? "no match"
          : k > 0 ? `${formatCount(k)} / ${formatCount(m.length)}`
            : `${formatCount(m.length)} ${m.length === 1 ? "match" : "matches"}`;
      selectBtn.disabled = !m || m.length === 0;
    },
  };
}
