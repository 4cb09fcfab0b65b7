// SVG export: the painter drawn into the SVG recorder gives a well-formed document with the
// labels as escaped text; at a million leaves level of detail keeps it small.
import { describe, expect, it } from "vitest";
import { budgetFor, cull } from "./core/cull.js";
import { makeLabels } from "./core/decode.js";
import { clustersAtCut } from "./core/clusters.js";
import { leafSide, makeFrame, plotRect } from "./core/frame.js";
import { computeLayout } from "./core/layout.js";
import { balanced, encodeLabels } from "./core/testing.js";
import { themeFrom } from "./core/theme.js";
import { fullWindow } from "./core/zoom.js";
import { svgOf } from "./picture.js";
import { PALETTE } from "./state/synced.js";

/** Text widths without a canvas: 6 px a character. */
const measurer = { font: "", measureText: (/** @type {string} */ t) => ({ width: 6 * t.length }) };

/**
 * A scene as the view builds it, for the full view of `tree` cut at `cut`.
 * @param {import("./core/decode.js").Tree} tree
 * @param {string[] | null} words
 * @param {number | null} cut
 * @returns {import("./draw/scene.js").Scene}
 */
function sceneOf(tree, words, cut) {
  const L = computeLayout(tree);
  const width = 1100, height = 420, labelBand = 80;
  const side = leafSide(cut !== null);
  const fr = makeFrame("top", plotRect("top", width, height, { title: true, labelBand, side, leafTitle: true }), fullWindow(L.n, L.top));
  const clusters = clustersAtCut(L, cut);
  const ids = clusters.ids;
  const enc = words && encodeLabels(words);
  return {
    L, labels: makeLabels(enc ? { text: enc.text, offsets: enc.offsets } : {}, L.n), fr,
    list: cull(L, fr.win, fr.leafLen, { budget: budgetFor(fr.leafLen, fr.heightLen) }),
    width, height, dpr: 1, cut, ids, k: ids[L.n - 1], palette: [...PALETTE], selection: [L.root - 1],
    matches: null, hover: -1, cutHot: false, title: "A & B <tree>", axisLabel: "Distance", leafLabel: "Leaf",
    labelBand, side, brush: null, currentMatch: -1, exporting: false, fullTop: fullWindow(L.n, L.top)[3],
    theme: themeFrom(() => "", false), fitCache: new Map(), clusters, suggestions: null,
  };
}

/** Tags open and close in order (a well-formedness check without an XML parser). @param {string} svg */
function balancedTags(svg) {
  const stack = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue; // self-closing
    if (!m[1]) stack.push(m[2]);
    else if (stack.pop() !== m[2]) return false;
  }
  return stack.length === 0;
}

describe("SVG export", () => {
  it("is a well-formed document with every label as escaped text", () => {
    const words = Array.from({ length: 64 }, (_, i) => (i === 5 ? "<i>&\u0007'x" : `leaf ${i}`));
    const svg = svgOf(sceneOf(balanced(64), words, 3.5), measurer);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1100" height="420"')).toBe(true);
    expect(balancedTags(svg)).toBe(true);
    expect(svg).not.toContain("<i>");
    expect(svg).toContain(">&lt;i&gt;&amp;&#39;x</text>");
    expect(svg).not.toContain("\u0007");
    expect(svg).toContain("A &amp; B &lt;tree&gt;");
    const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (let i = 0; i < 64; i++) if (i !== 5) expect(texts).toContain(`leaf ${i}`);
    // The clusters' colours, as fills of their links.
    for (const c of PALETTE.slice(0, 3)) expect(svg.toLowerCase()).toContain(`fill="${c.toLowerCase()}"`);
  });

  it("stays small at a million leaves: level of detail, one path per colour run", () => {
    const svg = svgOf(sceneOf(balanced(1_000_000), null, 15.5), measurer);
    expect(balancedTags(svg)).toBe(true);
    const kb = svg.length / 1024;
    console.log(`SVG of a 1,000,000-leaf balanced tree: ${kb.toFixed(0)} KB`);
    expect(kb).toBeLessThan(1024);
  });
});
