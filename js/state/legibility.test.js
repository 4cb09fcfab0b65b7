// Legibility of what the view draws (WCAG 2): the cluster palette (synced.js's fallback, equal
// to Python's PALETTE) as lines, and the text colours of the themes, on JupyterLab's light and
// dark backgrounds and on the view's own fallbacks.
import { describe, expect, it } from "vitest";
import { contrast, over, parseColor, textOn } from "../core/color.js";
import { themeFrom } from "../core/theme.js";
import { PALETTE } from "./synced.js";

/** JupyterLab 4's own values of the variables the view reads (light and dark themes). */
const LAB = {
  light: { "--jp-layout-color0": "white", "--jp-brand-color1": "#1976d2", "--jp-ui-font-color1": "rgba(0, 0, 0, 0.87)", "--jp-ui-font-color2": "rgba(0, 0, 0, 0.54)" },
  dark: { "--jp-layout-color0": "#111111", "--jp-brand-color1": "#1976d2", "--jp-ui-font-color1": "rgba(255, 255, 255, 1)", "--jp-ui-font-color2": "rgba(255, 255, 255, 0.54)" },
};

/** @param {Record<string, string>} vars @param {boolean} dark */
const theme = (vars, dark) => themeFrom((name) => vars[name] ?? "", dark);
/** @param {string} c @param {string} bg */
const ratio = (c, bg) => {
  const b = over(/** @type {any} */ (parseColor(bg)), [255, 255, 255, 1]);
  return contrast(over(/** @type {any} */ (parseColor(c)), b), b);
};

describe.each(Object.entries(LAB))("legibility on JupyterLab %s", (name, vars) => {
  const t = theme(vars, name === "dark");
  const fallback = themeFrom(() => "", name === "dark");

  it("cluster colours as lines: >= 3:1 against the background", () => {
    for (const bg of [t.bg, fallback.bg]) {
      for (const c of PALETTE) expect(ratio(c, bg), `${c} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it("text: >= 4.5:1 for labels, ticks and selected labels", () => {
    for (const th of [t, fallback]) {
      expect(ratio(th.fg, th.bg)).toBeGreaterThanOrEqual(4.5);
      expect(ratio(th.muted, th.bg)).toBeGreaterThanOrEqual(4.5);
      expect(ratio(th.accentText, th.bg)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("cluster ids on their colour band: >= 4.5:1", () => {
    for (const c of PALETTE) expect(ratio(textOn(c), c), c).toBeGreaterThanOrEqual(4.5);
  });
});
