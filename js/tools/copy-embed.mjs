// Copies the offline embedding runtime (require.js and the ipywidgets html-manager) next to the
// bundle, so Dendrogram.to_html pages render without a CDN.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const out = new URL("../../src/dendrowidget/static/embed/", import.meta.url);
mkdirSync(out, { recursive: true });
copyFileSync(require.resolve("requirejs/require.js"), new URL("require.js", out));
copyFileSync(
  require.resolve("@jupyter-widgets/html-manager/dist/embed-amd.js"),
  new URL("embed-amd.js", out),
);
