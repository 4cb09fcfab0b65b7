// The page's theme: read from the root's computed style (JupyterLab's CSS variables), and a
// watcher for theme switches.
import { themeFrom } from "../core/theme.js";

/**
 * Is the page dark? JupyterLab says so on <body>; elsewhere ask the OS.
 */
function prefersDark() {
  const light = document.body?.dataset?.jpThemeLight;
  if (light !== undefined) return light === "false";
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

/**
 * @param {HTMLElement} el
 * @returns {import("../core/theme.js").Theme}
 */
export function readTheme(el) {
  const css = getComputedStyle(el);
  return themeFrom((name) => css.getPropertyValue(name), prefersDark());
}

/**
 * Call `onChange` when JupyterLab switches theme (or the OS does, outside JupyterLab).
 * @param {() => void} onChange
 * @param {AbortSignal} signal
 */
export function watchTheme(onChange, signal) {
  const obs = new MutationObserver(onChange);
  if (document.body) {
    obs.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light", "data-jp-theme-name"] });
  }
  signal.addEventListener("abort", () => obs.disconnect());
  if (typeof matchMedia === "function") {
    matchMedia("(prefers-color-scheme: dark)").addEventListener?.("change", onChange, { signal });
  }
}
