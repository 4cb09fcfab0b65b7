// Keyboard on the focused root: arrows step the cut (up/down) or pan (left/right), + and - zoom,
// 0 shows the whole tree, Escape clears the selection, then the search. The root also carries
// data-lm-suppress-shortcuts (see view.js): in Notebook 7 stopping propagation alone is too late.
import { cutSteps, stepCut } from "../core/cut.js";
import { pan, zoomAt } from "../core/zoom.js";

/** @typedef {import("../core/zoom.js").Window} Window */

/**
 * What the key handler needs from the view.
 * @typedef {object} KeysHost
 * @property {HTMLElement} root
 * @property {import("../core/layout.js").Layout} L
 * @property {Window} win
 * @property {Window} full
 * @property {number | null} cut
 * @property {number[]} selection
 * @property {Float64Array | null} steps  distinct cut heights, computed on the first arrow key
 * @property {(t: number | null) => void} setCutNow
 * @property {(w: Window, how: "now" | "throttle") => void} setWindow
 * @property {(sel: number[]) => void} setSelection
 * @property {{query: string, clear: () => void}} searchBox
 * @property {() => void} hideTooltip
 */

/**
 * Attach the keydown listener to the root; it goes away when `signal` aborts.
 * @param {KeysHost} v
 * @param {AbortSignal} signal
 */
export function wireKeys(v, signal) {
  /** Zoom by `factor` around the centre of the leaf axis. @param {number} factor */
  const zoomCentre = (factor) => v.setWindow(zoomAt(v.win, v.full, "leaf", 0.5, factor), "now");

  v.root.addEventListener("keydown", (e) => {
    if (e.target !== v.root) return; // the search box handles its own keys
    let handled = true;
    switch (e.key) {
      case "ArrowUp":
      case "ArrowDown": {
        let steps = v.steps;
        if (!steps) v.steps = steps = cutSteps(v.L.gapHeight);
        v.setCutNow(stepCut(steps, v.cut, e.key === "ArrowUp" ? 1 : -1));
        break;
      }
      case "ArrowLeft":
      case "ArrowRight": {
        const win = v.win;
        const d = (win[1] - win[0]) * 0.2 * (e.key === "ArrowLeft" ? -1 : 1);
        v.setWindow(pan(win, v.full, d, 0), "now");
        break;
      }
      case "+":
      case "=":
        zoomCentre(0.7);
        break;
      case "-":
      case "_":
        zoomCentre(1 / 0.7);
        break;
      case "0":
        v.setWindow(v.full, "now");
        break;
      case "Escape":
        if (v.selection.length) v.setSelection([]);
        else if (v.searchBox.query) v.searchBox.clear();
        v.hideTooltip();
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
