// Keyboard on the focused root: arrows step the cut (up/down) or pan (left/right), + and - zoom,
// 0 shows the whole tree, Escape clears the selection, then the search. Each key is one final
// change (written to Python at once). The root also carries data-lm-suppress-shortcuts (see
// view.js): in Notebook 7 stopping propagation alone is too late.

/**
 * Attach the keydown listener to the root; it goes away when `signal` aborts.
 * @param {{root: HTMLElement, state: import("../state/state.js").State, tip: {hide: () => void}}} deps
 * @param {AbortSignal} signal
 */
export function wireKeys({ root, state, tip }, signal) {
  root.addEventListener("keydown", (e) => {
    if (e.target !== root) return; // the search box handles its own keys
    let handled = true;
    switch (e.key) {
      case "ArrowUp":
      case "ArrowDown":
        state.stepCut(e.key === "ArrowUp" ? 1 : -1);
        break;
      case "ArrowLeft":
      case "ArrowRight": {
        const win = state.win;
        state.panBy((win[1] - win[0]) * 0.2 * (e.key === "ArrowLeft" ? -1 : 1), 0);
        break;
      }
      case "+":
      case "=":
        state.zoomAt("leaf", 0.5, 0.7); // around the centre of the leaf axis
        break;
      case "-":
      case "_":
        state.zoomAt("leaf", 0.5, 1 / 0.7);
        break;
      case "0":
        state.resetZoom();
        break;
      case "c":
        if (state.data.prep && state.selection.length) state.data.setCompare(!state.data.comparing);
        else handled = false;
        break;
      case "Escape":
        if (state.data.comparing) state.data.setCompare(false);
        else if (state.selection.length) state.clearSelection();
        else if (state.query) state.clearSearch();
        tip.hide();
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, { signal });
}
