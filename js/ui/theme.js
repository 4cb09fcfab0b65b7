// Colours and fonts from JupyterLab's CSS variables, with fallbacks for other hosts.

/**
 * @typedef {object} Theme
 * @property {string} fg      main ink (links without a cluster, text)
 * @property {string} muted   secondary text, ticks
 * @property {string} faint   grid lines
 * @property {string} bg      canvas background
 * @property {string} panel   background of the readout pill
 * @property {string} border
 * @property {string} accent  selection
 * @property {string} mark    search matches
 * @property {string} font    font family
 * @property {number} fontSize
 */

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
 * @returns {Theme}
 */
export function readTheme(el) {
  const css = getComputedStyle(el);
  const dark = prefersDark();
  /** @param {string} name @param {string} light @param {string} darkFallback */
  const v = (name, light, darkFallback) => css.getPropertyValue(name).trim() || (dark ? darkFallback : light);
  const size = parseFloat(v("--jp-ui-font-size1", "13px", "13px"));
  return {
    fg: v("--jp-ui-font-color1", "rgba(0, 0, 0, 0.87)", "rgba(255, 255, 255, 0.87)"),
    muted: v("--jp-ui-font-color2", "rgba(0, 0, 0, 0.54)", "rgba(255, 255, 255, 0.54)"),
    faint: v("--jp-border-color2", "#e0e0e0", "#3a3a3a"),
    bg: v("--jp-layout-color0", "#ffffff", "#111111"),
    panel: v("--jp-layout-color1", "#ffffff", "#212121"),
    border: v("--jp-border-color1", "#bdbdbd", "#616161"),
    accent: v("--jp-brand-color1", "#1976d2", "#42a5f5"),
    mark: v("--jp-warn-color1", "#f57c00", "#ffa726"),
    font: v("--jp-ui-font-family", "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif", "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"),
    fontSize: Number.isFinite(size) && size > 6 ? Math.min(size, 14) - 2 : 11,
  };
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
