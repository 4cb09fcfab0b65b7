import { describe, expect, it, vi } from "vitest";
import { heatmapFixture } from "../core/heatmap-fixture.js";
import { makeCellValues } from "./cell-values.js";
import { columnTree, createDataPart } from "./data.js";
import { fakeModel } from "./fake-model.js";

const fx = heatmapFixture();

describe("the data part of the state", () => {
  it("decodes both payloads once and keeps split and the column tree", () => {
    const m = fakeModel({
      _heatmap: { ...fx.heatmap, split: true, column_tree: { n: 6, left: [0, 2, 6, 4, 8], right: [1, 3, 7, 5, 9], height: [1, 1, 2, 1, 3] } },
      _annotations: fx.annotations,
    });
    const d = createDataPart(/** @type {any} */ (m), () => {});
    d.load(fx.n);
    expect(d.prep?.heatmap?.columns.length).toBe(6);
    expect(d.prep?.strips.length).toBe(5);
    expect(d.split).toBe(true);
    expect(d.colTree?.n).toBe(6);
    expect(Array.from(d.colTree?.order ?? [])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("a payload that does not fit the tree is left out (the tree still draws)", () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    const m = fakeModel({ _heatmap: fx.heatmap, _annotations: {} });
    const d = createDataPart(/** @type {any} */ (m), () => {});
    d.load(fx.n + 1); // another tree
    expect(d.prep).toBeNull();
    m.state._heatmap = { ...fx.heatmap, codes: new DataView(new ArrayBuffer(3)) }; // truncated
    d.load(fx.n);
    expect(d.prep).toBeNull();
    expect(err).toHaveBeenCalled();
    m.state._heatmap = {};
    d.load(fx.n);
    expect(d.prep).toBeNull(); // nothing beside the tree
    err.mockRestore();
  });

  it("checks the column tree", () => {
    expect(columnTree({ n: 3, left: [0, 3], right: [1, 2], height: [1, 2] }, 3)?.n).toBe(3);
    expect(columnTree({ n: 3, left: [0, 4], right: [1, 2], height: [1, 2] }, 3)).toBeNull(); // a later node
    expect(columnTree({ n: 3, left: [0, 0], right: [0, 2], height: [1, 2] }, 3)).toBeNull();
    expect(columnTree({ n: 3, left: [0], right: [1], height: [1] }, 3)).toBeNull();
    expect(columnTree({ n: 3, left: [0, 3], right: [1, 2], height: [1, NaN] }, 3)).toBeNull();
    expect(columnTree({ n: 2, left: [0], right: [1], height: [1] }, 3)).toBeNull(); // not these columns
  });

  it("compare mode: on, pick a subtree, shift adds or removes one, off forgets", () => {
    const changes = /** @type {string[]} */ ([]);
    const d = createDataPart(/** @type {any} */ (fakeModel({})), (w) => changes.push(w));
    d.setCompare(true);
    expect(d.comparing).toBe(true);
    d.compareWith(7, false);
    d.compareWith(9, true);
    expect(d.target).toEqual([7, 9]);
    d.compareWith(7, true);
    expect(d.target).toEqual([9]);
    d.compareWith(3, false);
    expect(d.target).toEqual([3]);
    d.setCompare(false);
    expect(d.comparing).toBe(false);
    expect(d.target).toEqual([]);
    d.setCompare(false); // no change, no announcement
    expect(changes).toEqual(["compare", "compare", "compare", "compare", "compare", "compare"]);
  });
});

describe("exact cell values from Python", () => {
  it("asks once per cell, keeps the answer, ignores answers it did not ask for", () => {
    const m = fakeModel({});
    let arrived = 0;
    const cv = makeCellValues(/** @type {any} */ (m), () => arrived++);
    expect(cv.get("heatmap", 2, 17)).toBeUndefined();
    expect(cv.get("heatmap", 2, 17)).toBeUndefined();
    expect(m.sent).toEqual([{ type: "cell", id: 1, leaf: 17, kind: "heatmap", column: 2 }]);
    m.message({ type: "cell", id: 99, leaf: 17, kind: "heatmap", column: 2, value: 5, text: "5" });
    m.message({ type: "expand", id: 1 });
    expect(arrived).toBe(0);
    m.message({ type: "cell", id: 1, leaf: 17, kind: "heatmap", column: 2, value: 6.34, text: "6.34" });
    expect(arrived).toBe(1);
    expect(cv.get("heatmap", 2, 17)).toEqual({ value: 6.34, text: "6.34" });
    m.message({ type: "cell", id: 1, value: 1, text: "1" }); // answered already
    expect(arrived).toBe(1);
    cv.get("strip", 0, 3);
    m.message({ type: "cell", id: 2, value: null, text: 12 }); // bad types read as nothing
    expect(cv.get("strip", 0, 3)).toEqual({ value: NaN, text: "" });
    cv.dispose();
    expect(m.count()).toBe(0);
  });
});
