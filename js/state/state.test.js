import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encodeLabels } from "../core/testing.js";
import { createState } from "./state.js";
import { fakeModel, fourLeaves } from "./fake-model.js";
import { THROTTLE_MS } from "./synced.js";
import { makeWriter } from "./writer.js";

const FULL = [0, 4, 0, 5 * 1.05];

/** A state on a fake model of the four-leaf tree, and every change it announced. */
function setup(/** @type {Record<string, any>} */ extra = {}) {
  const model = fakeModel(fourLeaves(extra));
  /** @type {string[]} */
  const changes = [];
  const state = createState(/** @type {any} */ (model), (what) => changes.push(what));
  /** Python sets a trait; model-sync would then call adopt. @param {"cut_height" | "selection" | "view_window"} k @param {any} v */
  const py = (k, v) => {
    model.fromPython(k, v);
    state.adopt(k);
  };
  return { model, state, changes, py };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("reading the model", () => {
  it("takes the synced values as they are, and writes nothing", () => {
    const { state, model } = setup({ cut_height: 1.5, selection: [5, 0], view_window: [1, 3, 0, 4] });
    expect(state.cut).toBe(1.5);
    expect(state.nClusters()).toBe(3);
    expect(state.selection).toEqual([5, 0]);
    expect(state.win).toEqual([1, 3, 0, 4]);
    expect(model.saves).toEqual([]);
  });

  it.each([
    ["cut_height", "abc", null],
    ["cut_height", NaN, null],
    ["cut_height", Infinity, null],
    ["cut_height", undefined, null],
    ["cut_height", [1], 1], // Number([1]) is 1: close enough to a number to keep
    ["selection", "4", []],
    ["selection", null, []],
    ["selection", [4, -1, 7, 2.5, "x", 6], [4, 6]],
    ["view_window", [1, 2, 3], FULL],
    ["view_window", [3, 1, 0, 1], FULL],
    ["view_window", [0, 2, 0, NaN], FULL],
    ["view_window", { 0: 1 }, FULL],
  ])("invalid %s %j reads as none, without a write back", (key, raw, want) => {
    const { state, model, py } = setup();
    py(/** @type {any} */ (key), raw);
    /** @type {any} */
    const got = { cut_height: state.cut, selection: state.selection, view_window: state.win }[key];
    if (key === "view_window") expect(got.map((/** @type {number} */ x) => +x.toFixed(9))).toEqual(want);
    else expect(got).toEqual(want);
    expect(model.saves).toEqual([]);
    // And at creation too.
    const fresh = setup({ [key]: raw });
    expect({ cut_height: fresh.state.cut, selection: fresh.state.selection, view_window: fresh.state.win }[key]).toEqual(got);
    expect(fresh.model.saves).toEqual([]);
  });

  it("adopts values from Python, announces them, and writes none back", () => {
    const { state, model, changes, py } = setup();
    py("cut_height", 1.5);
    py("selection", [4]);
    py("view_window", [0, 2, 0, 3]);
    expect([state.cut, state.selection, state.win]).toEqual([1.5, [4], [0, 2, 0, 3]]);
    expect(changes).toEqual(["cut_height", "selection", "view_window"]);
    py("cut_height", 1.5); // the same again: no change to announce
    expect(changes.length).toBe(3);
    vi.advanceTimersByTime(1000);
    expect(model.saves).toEqual([]);
  });
});

describe("the cut", () => {
  it("while dragging: throttled writes; on release: the exact value, and nothing after", () => {
    const { state, model } = setup();
    for (let i = 1; i <= 20; i++) {
      state.setCut(3 - i * 0.05, { final: false });
      vi.advanceTimersByTime(10);
    }
    // 200 ms of moves: the leading write and about one per THROTTLE_MS.
    expect(model.saves.length).toBeGreaterThanOrEqual(1);
    expect(model.saves.length).toBeLessThanOrEqual(1 + Math.ceil(200 / THROTTLE_MS));
    state.setCut(1.2345, { final: true });
    expect(model.state.cut_height).toBe(1.2345);
    expect(model.saves.at(-1)).toEqual({ cut_height: 1.2345 });
    const n = model.saves.length;
    vi.advanceTimersByTime(1000);
    expect(model.saves.length).toBe(n); // no trailing throttled write after the release
  });

  it("a change from Python during a drag does not fight it; after the release it is adopted", () => {
    const { state, model, py } = setup();
    state.setCut(2, { final: false });
    py("cut_height", 4);
    expect(state.cut).toBe(2); // the drag owns the cut
    state.setCut(1.5, { final: false });
    state.setCut(1.5, { final: true });
    expect(model.state.cut_height).toBe(1.5); // the user's value wins, exactly
    py("cut_height", 4);
    expect(state.cut).toBe(4);
    expect(state.nClusters()).toBe(2);
  });

  it("writes nothing when the model already has the value", () => {
    const { state, model } = setup();
    state.setCut(3);
    state.setCut(3, { final: false });
    vi.advanceTimersByTime(1000);
    state.setCut(3, { final: true });
    expect(model.saves).toEqual([]);
  });

  it("steps one merge at a time, one write per step, none past the top", () => {
    const { state, model } = setup();
    state.stepCut(-1);
    expect(state.cut).toBe(1.5);
    state.stepCut(1);
    state.stepCut(1);
    expect(state.cut).toBe(5);
    state.stepCut(1);
    expect(model.saves).toEqual([{ cut_height: 1.5 }, { cut_height: 3.5 }, { cut_height: 5 }]);
  });
});

describe("the selection", () => {
  it("select, toggle and clear write once each; repeating a value writes nothing", () => {
    const { state, model } = setup();
    state.select([5]);
    state.select([5]);
    state.toggle(4);
    state.toggle(5);
    state.clearSelection();
    state.clearSelection();
    expect(model.saves).toEqual([{ selection: [5] }, { selection: [5, 4] }, { selection: [4] }, { selection: [] }]);
  });

  it("does not write a copy the caller can change afterwards", () => {
    const { state, model } = setup();
    const mine = [5];
    state.select(mine);
    mine.push(4);
    expect(state.selection).toEqual([5]);
    expect(model.state.selection).toEqual([5]);
  });
});

describe("the view window", () => {
  it("a gesture writes once, at its end; Python's changes during it wait", () => {
    const { state, model, py, changes } = setup();
    for (let i = 0; i < 30; i++) {
      state.zoomAt("leaf", 0.5, 0.95, { final: false });
      vi.advanceTimersByTime(30);
    }
    py("view_window", [0, 2, 0, 3]); // arrives mid-gesture: the gesture keeps the window
    vi.advanceTimersByTime(5000);
    expect(model.saves).toEqual([]);
    expect(changes.filter((c) => c === "view_window").length).toBe(30);
    const w = state.win;
    expect(w[1] - w[0]).toBeLessThan(4);
    state.setWindow(state.win, { final: true });
    expect(model.saves).toEqual([{ view_window: [...w] }]);
    py("view_window", [0, 2, 0, 3]); // after the gesture, Python's values count again
    expect(state.win).toEqual([0, 2, 0, 3]);
    expect(model.saves.length).toBe(1);
  });

  it("keys and buttons write at once; the full view is written as []", () => {
    const { state, model } = setup({ view_window: [1, 3, 0, 4] });
    state.resetZoom();
    expect(model.saves).toEqual([{ view_window: [] }]);
    state.resetZoom();
    state.panBy(1, 0);
    expect(model.saves.length).toBe(1); // the full view pans nowhere
    state.zoomAt("leaf", 0.5, 0.5);
    expect(model.saves.length).toBe(2);
    expect(model.saves[1].view_window).toEqual([1, 3, 0, FULL[3]]);
    state.panBy(1, 0);
    expect(model.saves[2].view_window).toEqual([2, 4, 0, FULL[3]]);
  });

  it("zooms to a node: a leaf shows its pair", () => {
    const { state, model } = setup();
    state.zoomTo(5);
    expect(state.win).toEqual([2, 4, 0, 2 * 1.05]);
    state.zoomTo(0);
    expect(state.win).toEqual([0, 2, 0, 1 * 1.05]);
    expect(model.saves.length).toBe(2);
  });

  it("a moved window drops the hover", () => {
    const { state } = setup();
    state.setHover(5);
    state.panBy(0, 0);
    expect(state.hover).toBe(5); // nothing moved
    state.zoomAt("leaf", 0.5, 0.5);
    expect(state.hover).toBe(-1);
  });
});

describe("open a node", () => {
  it("opens a micro-cluster leaf by setting expanded_leaf (one save, no message); zooms otherwise", () => {
    const plain = setup();
    plain.state.openNode(1);
    expect(plain.model.sent).toEqual([]);
    expect(plain.state.win).toEqual([0, 2, 0, 1.05]);
    const reduced = setup({ _expandable: true });
    reduced.state.openNode(1);
    expect(reduced.model.sent).toEqual([]);
    expect(reduced.model.saves).toEqual([{ expanded_leaf: 1 }]);
    reduced.state.openNode(4); // not a leaf: zoom
    expect(reduced.state.win).toEqual([0, 2, 0, 1.05]);
  });
});

describe("search", () => {
  const labels = (/** @type {string[]} */ words) => {
    const { text, offsets } = encodeLabels(words);
    return { text: new DataView(text.buffer), offsets: new DataView(offsets.buffer) };
  };

  it("matches drawn positions, narrows, clears, and reruns when the labels change", () => {
    const { state, model, changes } = setup({ _labels: labels(["apple", "pear", "Apricot", "plum"]) });
    state.search("  AP ");
    expect(state.query).toBe("ap");
    expect(state.searchText).toBe("  AP ");
    expect([...(state.matches ?? [])]).toEqual([0, 2]);
    state.search("apr");
    expect([...(state.matches ?? [])]).toEqual([2]);
    model.fromPython("_labels", labels(["apricot", "x", "y", "z"]));
    state.reload("labels");
    expect([...(state.matches ?? [])]).toEqual([0]);
    state.clearSearch();
    expect(state.matches).toBeNull();
    expect(changes.filter((c) => c === "search").length).toBe(3);
    expect(model.saves).toEqual([{ search: "  AP " }, { search: "apr" }, { search: "" }]);
  });

  it("is a synced trait: typing is written when it ends, Python's value is adopted", () => {
    const { state, model, py } = setup({ _labels: labels(["apple", "pear", "Apricot", "plum"]) });
    state.search("p", { final: false });
    state.search("pl", { final: false });
    expect([...(state.matches ?? [])]).toEqual([0, 3]);
    py(/** @type {any} */ ("search"), "apple"); // while typing: the box keeps the user's text
    expect(state.searchText).toBe("pl");
    vi.advanceTimersByTime(5000);
    expect(model.saves).toEqual([]);
    state.search("pl");
    expect(model.saves).toEqual([{ search: "pl" }]);
    py(/** @type {any} */ ("search"), "PEAR");
    expect(state.searchText).toBe("PEAR");
    expect([...(state.matches ?? [])]).toEqual([1]);
    py(/** @type {any} */ ("search"), 42); // not text: no search
    expect(state.matches).toBeNull();
    expect(model.saves.length).toBe(1);
  });

  it("steps through the matches, wrapping, each one centred in a window that shows it", () => {
    const { state } = setup({ _labels: labels(["apple", "pear", "Apricot", "plum"]) });
    state.search("p");
    expect([...(state.matches ?? [])]).toEqual([0, 1, 2, 3]);
    state.zoomAt("leaf", 0.5, 0.5); // two leaves wide
    expect(state.matchNumber).toBe(0);
    state.stepMatch(1);
    expect([state.matchNumber, state.currentMatch]).toEqual([1, 0]);
    expect(state.win[0]).toBeLessThanOrEqual(0.5);
    state.stepMatch(-1);
    expect([state.matchNumber, state.currentMatch]).toEqual([4, 3]);
    expect(state.win[1]).toBeGreaterThanOrEqual(3.5);
    state.stepMatch(1);
    expect(state.matchNumber).toBe(1);
    state.search("pl"); // a new query starts again from the first
    expect(state.matchNumber).toBe(0);
  });

  it("selects the matches as their covering subtrees", () => {
    const { state, model } = setup({ _labels: labels(["ab", "ab", "x", "ab"]) });
    state.search("ab");
    state.selectMatches();
    expect(state.selection).toEqual([4, 3]); // (0, 1) is node 4; leaf 3 alone
    expect(model.saves.at(-1)).toEqual({ selection: [4, 3] });
    state.search("zzz");
    state.selectMatches(); // no match: the selection stays
    expect(state.selection).toEqual([4, 3]);
  });
});

describe("the height axis follows the leaves", () => {
  it("a leaf zoom fits the heights to the visible leaves; set by hand, they stay; reset forgets", () => {
    const { state } = setup();
    state.zoomAt("leaf", 0.125, 0.5); // [0.25, 2.25]: leaves 0 and 1, their merge at 1
    expect(state.win).toEqual([0.25, 2.25, 0, 1 * 1.05]);
    state.zoomAt("leaf", 0.5, 2); // back out: the root again
    expect(state.win).toEqual(FULL);
    state.zoomAt("height", 0, 0.5); // by hand
    const y = state.win.slice(2);
    state.zoomAt("leaf", 0.125, 0.5);
    expect(state.win.slice(2)).toEqual(y);
    state.resetZoom();
    state.zoomAt("leaf", 0.875, 0.5); // [1.75, 3.75]: leaves 2 and 3, their merge at 2
    expect(state.win).toEqual([1.75, 3.75, 0, 2 * 1.05]);
    state.panFrom(state.win, 0, 0.5); // a vertical pan sets the heights by hand too
    state.zoomAt("leaf", 0.5, 2);
    expect(state.win[3]).not.toBe(FULL[3]);
    state.zoomTo(6); // zooming to a node fits both ways, and forgets
    state.zoomAt("leaf", 0.125, 0.5);
    expect(state.win).toEqual([0.25, 2.25, 0, 1 * 1.05]);
  });
});

describe("brushing and the band", () => {
  it("a band of leaves selects their covering subtrees; a cluster selects its node", () => {
    const { state } = setup(); // cut at 3: clusters (0, 1) and (2, 3)
    state.setBrush([0.4, 2.6]);
    expect(state.brush).toEqual([0.4, 2.6]);
    state.selectBand(2.6, 0.4); // centres 0.5, 1.5, 2.5: leaves 0, 1, 2
    expect(state.selection).toEqual([4, 2]);
    state.selectCluster(3);
    expect(state.selection).toEqual([5]);
    state.setCut(null); // one cluster: the root
    state.selectCluster(0);
    expect(state.selection).toEqual([6]);
  });
});

describe("a new tree", () => {
  it("reads the synced values again against it, and writes nothing", () => {
    const { state, model } = setup({ selection: [6] });
    expect(state.selection).toEqual([6]);
    // Two leaves: node 6 no longer exists.
    model.fromPython("_tree", {
      n: 2,
      left: new DataView(new Int32Array([0]).buffer),
      right: new DataView(new Int32Array([1]).buffer),
      height: new DataView(new Float64Array([1]).buffer),
    });
    state.reload("tree");
    expect(state.L.n).toBe(2);
    expect(state.selection).toEqual([]);
    expect(state.win).toEqual([0, 2, 0, 1.05]);
    expect(state.nClusters()).toBe(1);
    expect(model.saves).toEqual([]);
  });
});

describe("the writer", () => {
  it("writes every key of one logical change with one save_changes", () => {
    const model = fakeModel({ cut_height: 1, selection: [] });
    /** @type {Record<string, unknown>} */
    const mine = { cut_height: 2, selection: [4] };
    const w = makeWriter(/** @type {any} */ (model), (k) => mine[k]);
    w.changed(["cut_height", "selection"], true);
    expect(model.saves).toEqual([{ cut_height: 2, selection: [4] }]);
    mine.selection = [];
    w.changed(["cut_height", "selection"], true); // only what differs from the model
    expect(model.saves).toEqual([{ cut_height: 2, selection: [4] }, { selection: [] }]);
  });

  it("dispose drops a pending throttled write", () => {
    const model = fakeModel({ cut_height: 1 });
    let t = 2;
    const w = makeWriter(/** @type {any} */ (model), () => t);
    w.changed(["cut_height"], false); // leading write
    t = 3;
    w.changed(["cut_height"], false); // waits for the interval
    w.dispose();
    vi.advanceTimersByTime(1000);
    expect(model.saves).toEqual([{ cut_height: 2 }]);
    expect(w.isLive("cut_height")).toBe(false);
  });
});

describe("per-branch partitions", () => {
  it("alt-click splits the cluster at a node: cluster nodes and no cut, in one save", () => {
    const { state, model } = setup({ cut_height: 3 });
    expect(state.nClusters()).toBe(2);
    state.alterClusters(4); // cluster {0, 1} splits into its leaves
    expect(state.cut).toBeNull();
    expect(state.nClusters()).toBe(3);
    expect(Array.from(state.ids())).toEqual([1, 2, 3, 3]);
    expect(model.saves).toHaveLength(1);
    const saved = model.saves[0];
    expect(saved.cut_height).toBeNull();
    expect(Array.from(saved._cluster_nodes.nodes).sort()).toEqual([0, 1, 5]);
  });

  it("alt-click above clusters merges them; a cut line replaces the partition", () => {
    const { state, model } = setup({ cut_height: 1.5 }); // {0,1} {2} {3}
    state.alterClusters(5); // merges {2} and {3}
    expect(Array.from(state.ids())).toEqual([1, 1, 2, 2]);
    state.setCut(0.5);
    expect(state.clusters().nodes).toBeNull();
    expect(model.saves.at(-1)).toEqual({ _cluster_nodes: null, cut_height: 0.5 });
    expect(state.nClusters()).toBe(4);
  });

  it("cluster nodes from Python are adopted: outliers -1, nothing written back", () => {
    const { state, model, py } = setup();
    py("cut_height", null);
    py(/** @type {any} */ ("_cluster_nodes"), { nodes: new DataView(Int32Array.of(4).buffer) });
    expect(Array.from(state.ids())).toEqual([1, 1, -1, -1]);
    expect(state.clusters().outliers).toBe(2);
    expect(state.clusters().of(5)).toBe(-1);
    expect(state.clusters().of(6)).toBe(0);
    py(/** @type {any} */ ("_cluster_nodes"), { nodes: [6, 4] }); // overlapping: no partition
    expect(state.clusters().nodes).toBeNull();
    expect(model.saves).toEqual([]);
  });
});
