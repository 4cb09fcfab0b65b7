// Light or dark as the host page says, so the toolbar (CSS) and the canvas (theme.js) agree.
// JupyterLab and Notebook 7 define their theme variables (--jp-*): then nothing is done here. Other
// hosts do not: marimo (and VS Code, and pages that follow the same convention) mark the page dark
// or light with classes or data attributes; a page that says nothing follows the OS
// (prefers-color-scheme). The scheme's values are set as JupyterLab's variable names on the view's
// root, where the widget's CSS and the canvas theme both read them.

/** @typedef {"light" | "dark"} Scheme */

/** Values for the --jp-* names the widget reads, per scheme (as theme.js's fallbacks). */
export const SCHEMES = {
  light: {
    "--jp-layout-color0": "#ffffff",
    "--jp-layout-color1": "#ffffff",
    "--jp-layout-color2": "#eeeeee",
    "--jp-input-background": "#ffffff",
    "--jp-ui-font-color1": "rgba(0, 0, 0, 0.87)",
    "--jp-ui-font-color2": "rgba(0, 0, 0, 0.54)",
    "--jp-border-color1": "#bdbdbd",
    "--jp-border-color2": "#e0e0e0",
    "--jp-brand-color1": "#1976d2",
    "--jp-warn-color1": "#f57c00",
  },
  dark: {
    "--jp-layout-color0": "#111111",
    "--jp-layout-color1": "#212121",
    "--jp-layout-color2": "#2c2c2c",
    "--jp-input-background": "#212121",
    "--jp-ui-font-color1": "rgba(255, 255, 255, 0.87)",
    "--jp-ui-font-color2": "rgba(255, 255, 255, 0.54)",
    "--jp-border-color1": "#616161",
    "--jp-border-color2": "#3a3a3a",
    "--jp-brand-color1": "#42a5f5",
    "--jp-warn-color1": "#ffa726",
  },
};

const MARKS = ["class", "data-theme", "data-mode", "data-color-mode", "data-vscode-theme-kind", "data-jp-theme-light"];

/**
 * What one element says about the scheme, if anything.
 * @param {Element | null} node
 * @returns {Scheme | null}
 */
function markOf(node) {
  if (!node) return null;
  const c = node.classList;
  const data = [node.getAttribute("data-theme"), node.getAttribute("data-mode"), node.getAttribute("data-color-mode")];
  const kind = node.getAttribute("data-vscode-theme-kind") ?? "";
  if (c.contains("dark") || c.contains("dark-mode") || c.contains("dark-theme") || c.contains("vscode-dark") || data.includes("dark") || /dark|high-contrast$/.test(kind)) return "dark";
  if (c.contains("light") || c.contains("light-mode") || c.contains("light-theme") || c.contains("vscode-light") || data.includes("light") || kind === "vscode-light") return "light";
  return null;
}

/**
 * The host's scheme; null when the host defines JupyterLab's variables itself.
 * @param {Element} el  where the view lives (its ancestors are read, not the element itself)
 * @returns {Scheme | null}
 */
export function hostScheme(el) {
  const doc = el.ownerDocument;
  if (doc.body?.hasAttribute("data-jp-theme-light")) return null; // JupyterLab, Notebook 7
  const around = el.parentElement ?? doc.body;
  if (around && getComputedStyle(around).getPropertyValue("--jp-layout-color0").trim()) return null;
  const said = markOf(doc.documentElement) ?? markOf(doc.body);
  if (said) return said;
  const mq = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
  return mq?.matches ? "dark" : "light";
}

/**
 * Set (or clear, under JupyterLab) the scheme's variables on `root`; the scheme applied.
 * @param {HTMLElement} root
 * @returns {Scheme | null}
 */
export function applyScheme(root) {
  const scheme = hostScheme(root);
  for (const s of /** @type {Scheme[]} */ (["light", "dark"])) {
    for (const name of Object.keys(SCHEMES[s])) root.style.removeProperty(name);
  }
  if (scheme) for (const [name, value] of Object.entries(SCHEMES[scheme])) root.style.setProperty(name, value);
  if (scheme) root.dataset.scheme = scheme;
  else delete root.dataset.scheme;
  return scheme;
}

/**
 * Apply the host's scheme to `root` now and whenever the host or the OS switches; `onChange`
 * then redraws (the canvas reads the variables when it draws).
 * @param {HTMLElement} root
 * @param {() => void} onChange
 * @param {AbortSignal} signal
 */
export function followHostScheme(root, onChange, signal) {
  let last = applyScheme(root);
  const update = () => {
    const now = applyScheme(root);
    if (now !== last) {
      last = now;
      onChange();
    }
  };
  const doc = root.ownerDocument;
  const obs = new MutationObserver(update);
  for (const node of [doc.documentElement, doc.body]) {
    if (node) obs.observe(node, { attributes: true, attributeFilter: MARKS });
  }
  signal.addEventListener("abort", () => obs.disconnect());
  if (typeof matchMedia === "function") {
    matchMedia("(prefers-color-scheme: dark)").addEventListener?.("change", update, { signal });
  }
}
