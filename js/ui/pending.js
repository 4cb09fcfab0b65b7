// Until the tree arrives: a line of text where the view will be. In a Jupyter kernel the tree
// follows the display message (src/dendrowidget/_display.py), so the page creates this first
// and the view once the tree is in the model.

/**
 * Show `create(model, el)` once the model holds `_tree`; a placeholder until then. Returns the
 * cleanup of whichever is shown.
 * @param {import("../state/synced.js").Model} model
 * @param {HTMLElement} el
 * @param {() => () => void} create  creates the view, returns its cleanup
 * @returns {() => void}
 */
export function whenTree(model, el, create) {
  if (model.get("_tree") != null) return create();
  const box = document.createElement("div");
  box.className = "dendrowidget-pending";
  box.setAttribute("role", "status");
  // A standalone page has no kernel to send it: the state was saved before the tree arrived.
  const offline = /** @type {any} */ (model).kernel === false;
  box.textContent = offline
    ? "dendrowidget: this page was saved before the tree arrived: re-run the cell and save"
    : "dendrowidget: receiving the tree…";
  // About the view's own height, so the page does not jump when it arrives.
  const h = Number(model.get("height"));
  box.style.minHeight = `${Number.isFinite(h) && h > 0 ? h : 420}px`;
  el.append(box);
  /** @type {(() => void) | null} */
  let cleanup = null;
  const arrived = () => {
    if (cleanup || model.get("_tree") == null) return;
    model.off("change:_tree", arrived);
    box.remove();
    cleanup = create();
  };
  model.on("change:_tree", arrived);
  // In case no one sends it unasked (a view created outside a cell run): Python sends it once.
  if (!offline) model.send({ type: "tree" });
  return () => {
    model.off("change:_tree", arrived);
    box.remove();
    cleanup?.();
  };
}
