import { describe, expect, it } from "vitest";
import { effectPair, groupSummary, siblingLines, spansOf } from "./explain-text.js";
import { explainNode, explainSpans, topEffects } from "./explain.js";
import { prepareData } from "./heatmap-cells.js";
import { decodeAnnotations, decodeHeatmap } from "./heatmap-decode.js";
import { heatmapFixture } from "./heatmap-fixture.js";
import { computeLayout } from "./layout.js";

const fx = heatmapFixture();
const data = prepareData(decodeHeatmap(fx.heatmap), decodeAnnotations(fx.annotations)).explain;

/** A caterpillar over the fixture's rows: merge i joins leaf i + 1 to everything before it. */
function chain(n = fx.n) {
  const left = new Int32Array(n - 1), right = new Int32Array(n - 1), height = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    left[i] = i === 0 ? 0 : n + i - 1;
    right[i] = i + 1;
    height[i] = i + 1;
  }
  return computeLayout({ n, left, right, height });
}
const L = chain();

describe("explain as text", () => {
  it("formats numeric and categorical effects", () => {
    /** @type {import("./explain.js").ExplainRow} */
    const num = { column: "color_intensity", kind: "numeric", value: null, inside: 7.7, outside: 8.6, effect: -0.7054 };
    expect(effectPair(num)).toEqual(["color_intensity", "-0.7 sd"]);
    expect(effectPair({ ...num, effect: 1.94 })).toEqual(["color_intensity", "+1.9 sd"]);
    /** @type {import("./explain.js").ExplainRow} */
    const cat = { column: "genus", kind: "categorical", value: "<b>Citrus</b>", inside: 0.8, outside: 0.354, effect: 0.446 };
    expect(effectPair(cat)).toEqual(["genus", "<b>Citrus</b> 80% vs 35%"]);
  });

  it("a node against its sibling: the top three effects of explainNode", () => {
    const v = L.n + 200; // a merge in the middle of the chain
    const want = topEffects(explainNode(data, L, v), 3).map(effectPair);
    expect(siblingLines(data, L, v)).toEqual([["vs sibling", ""], ...want]);
    expect(siblingLines(data, L, L.root)).toEqual([]); // the root has no sibling
  });

  it("the selection against the rest and against other subtrees", () => {
    const sel = [L.n + 99, L.n + 99, 150]; // rows 0..100 (twice) and leaf 150
    expect(spansOf(L, sel)).toEqual([[0, 101], [150, 151]]);
    const rest = groupSummary(data, L, sel, "rest");
    expect(rest?.lead).toBe(`102 selected vs rest (${fx.n - 102})`);
    expect(rest?.rows).toEqual(explainSpans(data, [[0, 101], [150, 151]], "rest"));
    const other = groupSummary(data, L, sel, [L.n + 199]); // rows 0..200: the selection is inside
    expect(other?.lead).toBe("102 selected vs 99");
    expect(other?.rows).toEqual(explainSpans(data, [[0, 101], [150, 151]], [[0, 201]]));
    expect(other?.effects.length).toBeLessThanOrEqual(3);
    expect(groupSummary(data, L, [], "rest")).toBeNull();
  });
});
