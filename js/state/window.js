// Where the view window goes: zooms, pans, the whole tree, a node's subtree, a position to show.
// Zooms along the leaves fit the height axis to the leaves in view (core/fit.js) until the user
// sets the heights by hand (a height zoom, a pan that moves them); the whole tree and a node's
// subtree forget that. Part of the state: state.js sets what these return.
import { fitHeights } from "../core/fit.js";
import * as zoom from "../core/zoom.js";

/** @typedef {import("../core/zoom.js").Window} Window */

/**
 * @param {{layout: () => import("../core/layout.js").Layout, full: () => Window, now: () => Window}} get
 *   the tree's layout, the full window and the window as it is now
 */
export function windowPolicy(get) {
  let byHand = false;
  /** @param {Window} w */
  const alongLeaves = (w) => (byHand ? w : fitHeights(get.layout(), w, get.full()));
  return {
    /** A new tree: nothing was set by hand on it. */
    forget() {
      byHand = false;
    },
    /** @param {"leaf" | "height"} axis @param {number} f @param {number} factor @returns {Window} */
    zoomAt(axis, f, factor) {
      const w = zoom.zoomAt(get.now(), get.full(), axis, f, factor);
      if (axis === "height") byHand = true;
      return axis === "leaf" ? alongLeaves(w) : w;
    },
    /** @param {Window} from @param {number} dx @param {number} dy @returns {Window} */
    pan(from, dx, dy) {
      if (dy !== 0) byHand = true;
      return zoom.pan(from, get.full(), dx, dy);
    },
    /** @returns {Window} */
    whole() {
      byHand = false;
      return get.full();
    },
    /** @param {number} v @returns {Window} */
    subtree(v) {
      byHand = false;
      return zoom.subtreeWindow(get.layout(), v);
    },
    /** Drawn position p centred, at most `span` leaves wide. @param {number} p @param {number} span @returns {Window} */
    around(p, span) {
      const w = get.now();
      const s = Math.min(w[1] - w[0], span);
      return alongLeaves(zoom.clampWindow([p + 0.5 - s / 2, p + 0.5 + s / 2, w[2], w[3]], get.full()));
    },
  };
}
