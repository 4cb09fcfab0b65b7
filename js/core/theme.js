// The colours and fonts the drawing uses, from CSS variables (JupyterLab's names) with light and
// dark fallbacks for other hosts. Pure: ui/theme.js reads the variables from the page.
import { readable } from "./color.js";

/**
 * @typedef {object} Theme
 * @property {string} fg      main ink (links without a cluster, text)
 * @property {string} muted   secondary text, ticks
 * @property {string} faint   grid lines
 * @property {string} bg      canvas background
 * @property {string} panel   background of the readout pill
 * @property {string} border
 * @property {string} accent  selection
 * @property {string} accentText  selection as text: the accent, shaded to >= 4.5:1 on bg
 * @property {string} mark    search matches
 * @property {string} font    font family
 * @property {number} fontSize
 */

const FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

/**
 * The theme from a CSS variable lookup (`""` for unset) and whether the page is dark.
 * @param {(name: string) => string} cssVar
 * @param {boolean} dark
 * @returns {Theme}
 */
export function themeFrom(cssVar, dark) {
  /** @param {string} name @param {string} light @param {string} darkFallback */
  const v = (name, light, darkFallback) => cssVar(name).trim() || (dark ? darkFallback : light);
  const size = parseFloat(v("--jp-ui-font-size1", "13px", "13px"));
  const bg = v("--jp-layout-color0", "#ffffff", "#111111");
  const accent = v("--jp-brand-color1", "#1976d2", "#42a5f5");
  return {
    fg: v("--jp-ui-font-color1", "rgba(0, 0, 0, 0.87)", "rgba(255, 255, 255, 0.87)"),
    muted: v("--jp-ui-font-color2", "rgba(0, 0, 0, 0.54)", "rgba(255, 255, 255, 0.54)"),
    faint: v("--jp-border-color2", "#e0e0e0", "#3a3a3a"),
    bg,
    panel: v("--jp-layout-color1", "#ffffff", "#212121"),
    border: v("--jp-border-color1", "#bdbdbd", "#616161"),
    accent,
    // JupyterLab's dark theme keeps its light-theme blue (#1976d2: 4.2:1 on #111111).
    accentText: readable(accent, bg, 4.5),
    mark: v("--jp-warn-color1", "#f57c00", "#ffa726"),
    font: v("--jp-ui-font-family", FONT, FONT),
    fontSize: Number.isFinite(size) && size > 6 ? Math.min(size, 14) - 2 : 11,
  };
}
