// anywidget entry point: one view per render() call, cleaned up by what render returns.
import { createView } from "./view.js";

/** @type {import("@anywidget/types").Render} */
function render({ model, el }) {
  return createView(model, el);
}

export default { render };
