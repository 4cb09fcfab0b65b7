// Renders anywidget views on a page with no kernel and no network: Dendrogram.to_html pages and
// notebooks exported by nbconvert (`--to dendrowidget_html`). It reads the page's saved widget
// state (Jupyter's widget-state+json, buffers in base64) and, after each widget-view+json
// script, renders that model with its own ES module (`_esm`, imported from a Blob URL) around a
// tiny model object; several views of one model share it, as in the notebook. No require.js and
// no ipywidgets html-manager: an anywidget needs neither.
import { decodeState, makeModel } from "./model.js";

const STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
const VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';

/** @typedef {{model_name?: string, model_module?: string, state: Record<string, any>, buffers?: any[]}} Saved */

/** @type {Map<string, Promise<any>>} */
const modules = new Map();
/** @type {Set<string>} */
const styles = new Set();

/**
 * The widget definition of an ES module's source (`export default {render}`, a function that
 * returns one, or named `render`/`initialize` exports), as anywidget accepts them.
 * @param {string} esm  module source, or a URL to import it from
 */
function loadWidget(esm) {
  let p = modules.get(esm);
  if (!p) {
    const url = /^(https?:)?\/\//.test(esm) ? esm : URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
    p = import(/* @vite-ignore */ url).then(async (mod) => {
      let def = mod.default ?? mod;
      if (typeof def === "function") def = await def();
      return def;
    });
    modules.set(esm, p);
  }
  return p;
}

/** @param {string} css */
function addStyle(css) {
  if (!css || styles.has(css)) return;
  styles.add(css);
  const style = document.createElement("style");
  style.textContent = css;
  document.head.append(style);
}

// ipywidgets' boxes are laid out here (children side by side or stacked) so that anywidgets
// inside them render too; other classic widgets (sliders, buttons) are not rendered.
const BOXES = { HBoxModel: "row", VBoxModel: "column", BoxModel: "row", GridBoxModel: "row" };
const REF = "IPY_MODEL_";

/**
 * Render every view on the page whose model is an anywidget (or a box of them); returns how
 * many anywidget views were rendered.
 * @param {Document} doc
 * @returns {Promise<number>}
 */
export async function renderPage(doc = document) {
  const stateEl = doc.querySelector(STATE);
  if (!stateEl) return 0;
  /** @type {Record<string, Saved>} */
  const saved = JSON.parse(stateEl.textContent || "{}").state ?? {};
  /** @type {Map<string, {model: import("./model.js").PageModel, widget: Promise<any>}>} */
  const live = new Map();
  let rendered = 0;

  /** @param {string} id @param {HTMLElement} el @returns {Promise<void>} */
  async function renderModel(id, el) {
    const entry = saved[id];
    if (!entry) return;
    let m = live.get(id);
    if (!m && typeof entry.state?._esm === "string") {
      const model = makeModel(decodeState(entry.state, entry.buffers ?? []));
      addStyle(String(entry.state._css ?? ""));
      const widget = loadWidget(entry.state._esm).then(async (w) => {
        await w.initialize?.({ model });
        return w;
      });
      m = { model, widget };
      live.set(id, m);
    }
    if (m) {
      const widget = await m.widget;
      await widget.render?.({ model: m.model, el });
      rendered += 1;
    }
  }

  // Boxes are opened with a queue, not by recursion: each child gets its own element.
  /** @type {[string, HTMLElement][]} */
  const queue = [];
  for (const viewEl of doc.querySelectorAll(VIEW)) {
    const el = doc.createElement("div");
    el.className = "anywidget-page-view";
    viewEl.after(el);
    try {
      queue.push([String(JSON.parse(viewEl.textContent || "{}").model_id ?? ""), el]);
    } catch (err) {
      el.textContent = `This widget could not be read: ${err}`;
    }
  }
  while (queue.length) {
    const [id, el] = /** @type {[string, HTMLElement]} */ (queue.shift());
    const entry = saved[id];
    const direction = entry ? /** @type {Record<string, string>} */ (BOXES)[String(entry.model_name)] : undefined;
    if (direction) {
      el.style.cssText = `display: flex; flex-direction: ${direction}; gap: 8px; align-items: flex-start;`;
      for (const ref of entry.state?.children ?? []) {
        const child = doc.createElement("div");
        child.style.cssText = "flex: 1 1 0; min-width: 0;";
        el.append(child);
        if (typeof ref === "string" && ref.startsWith(REF)) queue.push([ref.slice(REF.length), child]);
      }
      continue;
    }
    try {
      await renderModel(id, el);
    } catch (err) {
      console.error("could not render a widget view", err);
      el.textContent = `This widget could not be rendered: ${err}`;
    }
  }
  return rendered;
}

renderPage().then((n) => {
  document.body.dataset.widgetsRendered = String(n);
});
