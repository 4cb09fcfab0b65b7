// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import widget from "./widget.js";
import { dataPlot } from "./core/data-layout.js";
import { leafSide, makeFrame, plotRect } from "./core/frame.js";
import { fullWindow } from "./core/zoom.js";
import { encodeLabels } from "./core/testing.js";
import { fakeModel, fourLeaves } from "./state/fake-model.js";

/** Labels payload as Python sends it: UTF-8 bytes and n+1 offsets, as DataViews. */
function labelsPayload(/** @type {string[]} */ words) {
  const { text, offsets } = encodeLabels(words);
  return { text: new DataView(text.buffer), offsets: new DataView(offsets.buffer) };
}

const HOSTILE = "<img src=x onerror=alert(1)>";

/** The four-leaf tree with labels (one hostile) and a tooltip column. */
function state(/** @type {Record<string, any>} */ extra = {}) {
  return fourLeaves({
    _labels: labelsPayload(["apple", HOSTILE, "banana", "cherry"]),
    _tooltips: { columns: ["genus"], values: [["Malus", "Evil", "Musa", "Prunus"]] },
    ...extra,
  });
}

/** @type {(() => unknown)[]} */
const cleanups = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
  document.body.replaceChildren();
});

function mount(/** @type {Record<string, any>} */ extra = {}) {
  const model = fakeModel(state(extra));
  const el = document.createElement("div");
  document.body.append(el);
  const cleanup = /** @type {() => void} */ (
    widget.render(/** @type {any} */ ({ model, el, signal: new AbortController().signal }))
  );
  cleanups.push(cleanup);
  const root = /** @type {HTMLElement} */ (el.querySelector(".dendrowidget"));
  const canvas = /** @type {HTMLCanvasElement} */ (root.querySelector("canvas"));
  return { model, el, root, canvas, cleanup };
}

/** Where the view draws things (same frame maths as the view, at happy-dom's fallback size);
 * `band`: a cut is set, so the band of cluster colours sits under the leaves. */
function frameFor(n = 4, top = 5, band = true) {
  const width = 640;
  // happy-dom has no 2D context: the view measures no labels and keeps its 40 px default band.
  return makeFrame("top", plotRect("top", width, 420, { title: false, labelBand: 40, side: leafSide(band) }), fullWindow(n, top));
}

/** @param {HTMLElement} target @param {string} type @param {Record<string, any>} init */
function pointer(target, type, init) {
  const Ctor = globalThis.PointerEvent ?? MouseEvent;
  target.dispatchEvent(new Ctor(type, { bubbles: true, cancelable: true, button: 0, pointerId: 1, ...init }));
}

describe("render", () => {
  it("builds one root with its attributes, data-ready last", () => {
    const { root, el } = mount();
    expect(el.querySelectorAll(".dendrowidget").length).toBe(1);
    expect(root.getAttribute("tabindex")).toBe("0");
    expect(root.dataset.ready).toBe("1");
    expect(root.dataset.nLeaves).toBe("4");
    expect(root.dataset.cutHeight).toBe("3");
    expect(root.dataset.nClusters).toBe("2");
    expect(root.dataset.selection).toBe("");
    expect(root.dataset.viewWindow).toBe("");
    expect(root.getAttribute("aria-label")).toBe("Dendrogram of 4 leaves, cut at 3, 2 clusters");
    expect(root.querySelector("canvas")).not.toBeNull();
  });

  it("shows no cut as an empty attribute", () => {
    const { root } = mount({ cut_height: null });
    expect(root.dataset.cutHeight).toBe("");
    expect(root.dataset.nClusters).toBe("1");
  });

  it("follows Python: cut, selection, window", () => {
    const { root, model } = mount();
    model.fromPython("cut_height", 1.5);
    expect(root.dataset.cutHeight).toBe("1.5");
    expect(root.dataset.nClusters).toBe("3");
    model.fromPython("cut_height", 1);
    expect(root.dataset.nClusters).toBe("3"); // equality joins
    model.fromPython("selection", [4]);
    expect(root.dataset.selection).toBe("4");
    model.fromPython("view_window", [0, 2, 0, 3]);
    expect(root.dataset.viewWindow).toBe("0,2,0,3");
    expect(model.saves.length).toBe(0); // echoes of Python's values are not sent back
  });

  it("restores cut, selection and zoom from the model", () => {
    const { root } = mount({ cut_height: 1.5, selection: [5], view_window: [1, 3, 0, 4] });
    expect(root.dataset.cutHeight).toBe("1.5");
    expect(root.dataset.selection).toBe("5");
    expect(root.dataset.viewWindow).toBe("1,3,0,4");
  });

  it("puts labels in as text, never as HTML", () => {
    const { root, canvas } = mount();
    const fr = frameFor();
    // Hover the leg of leaf 1 (the hostile label), halfway up to its parent.
    const [x, y] = fr.xy(fr.leafPos(1.5), fr.heightPos(0.5));
    pointer(canvas, "pointermove", { clientX: x, clientY: y });
    const tip = /** @type {HTMLElement} */ (root.querySelector(".dendrowidget-tooltip"));
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain(HOSTILE);
    expect(tip.textContent).toContain("Evil");
    expect(document.querySelector("img")).toBeNull();
    // Search by the hostile text too.
    const search = /** @type {HTMLInputElement} */ (root.querySelector("input"));
    search.value = "<IMG";
    search.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(root.dataset.matches).toBe("1");
    expect(document.querySelector("img")).toBeNull();
  });

  it("double-click on a micro-cluster leaf sets expanded_leaf (one save); otherwise it zooms", () => {
    const fr = frameFor();
    const [x, y] = fr.xy(fr.leafPos(0.5), fr.heightPos(0.5)); // leaf 0's leg
    const plain = mount();
    plain.canvas.dispatchEvent(new MouseEvent("dblclick", { bubbles: true, clientX: x, clientY: y }));
    expect(plain.model.sent).toEqual([]);
    expect(plain.model.state.view_window.length).toBe(4); // zoomed to leaf 0's pair
    const reduced = mount({ _expandable: true });
    reduced.canvas.dispatchEvent(new MouseEvent("dblclick", { bubbles: true, clientX: x, clientY: y }));
    expect(reduced.model.sent).toEqual([]);
    expect(reduced.model.saves).toEqual([{ expanded_leaf: 0 }]);
  });

  it("a click selects a subtree, shift-click toggles, Escape clears: one save each", () => {
    const { root, canvas, model } = mount();
    const fr = frameFor();
    // The bar of merge (2, 3): node 5 at height 2 between x = 2.5 and 3.5.
    const [x, y] = fr.xy(fr.leafPos(3), fr.heightPos(2));
    pointer(canvas, "pointerdown", { clientX: x, clientY: y });
    pointer(canvas, "pointerup", { clientX: x, clientY: y });
    expect(model.state.selection).toEqual([5]);
    expect(root.dataset.selection).toBe("5");
    const [x2, y2] = fr.xy(fr.leafPos(1), fr.heightPos(1));
    pointer(canvas, "pointerdown", { clientX: x2, clientY: y2, shiftKey: true });
    pointer(canvas, "pointerup", { clientX: x2, clientY: y2, shiftKey: true });
    expect(model.state.selection).toEqual([5, 4]);
    root.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
    expect(model.state.selection).toEqual([]);
    expect(model.saves).toEqual([{ selection: [5] }, { selection: [5, 4] }, { selection: [] }]);
  });

  it("arrow keys step the cut and stop there (JupyterLab must not see them)", () => {
    const { root, model, el } = mount();
    const outer = vi.fn();
    el.addEventListener("keydown", outer);
    const down = new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true, cancelable: true });
    root.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    expect(outer).not.toHaveBeenCalled();
    expect(model.state.cut_height).toBe(1.5); // between the merges at 1 and 2
    expect(root.dataset.nClusters).toBe("3");
    root.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowUp", bubbles: true, cancelable: true }));
    root.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowUp", bubbles: true, cancelable: true }));
    expect(model.state.cut_height).toBe(5);
    expect(root.dataset.nClusters).toBe("1");
    expect(model.saves.length).toBe(3);
    // Keys it does not handle go on.
    root.dispatchEvent(new KeyboardEvent("keydown", { key: "q", bubbles: true }));
    expect(outer).toHaveBeenCalledTimes(1);
  });

  it("0 resets the zoom, + zooms in", () => {
    const { root, model } = mount({ view_window: [1, 3, 0, 4] });
    root.dispatchEvent(new KeyboardEvent("keydown", { key: "0", bubbles: true, cancelable: true }));
    expect(model.state.view_window).toEqual([]);
    root.dispatchEvent(new KeyboardEvent("keydown", { key: "+", bubbles: true, cancelable: true }));
    expect(model.state.view_window.length).toBe(4);
    expect(model.state.view_window[1] - model.state.view_window[0]).toBeLessThan(4);
  });

  it("dragging the cut writes it throttled, and exactly on release", () => {
    vi.useFakeTimers();
    try {
      const { canvas, model, root } = mount();
      const fr = frameFor();
      const [x, y] = fr.xy(fr.leafPos(0.3), fr.heightPos(3));
      pointer(canvas, "pointerdown", { clientX: x, clientY: y });
      for (let i = 1; i <= 10; i++) {
        const [, yi] = fr.xy(0, fr.heightPos(3 - i * 0.2));
        pointer(canvas, "pointermove", { clientX: x, clientY: yi });
      }
      expect(model.saves.length).toBeLessThanOrEqual(2);
      const [, yEnd] = fr.xy(0, fr.heightPos(1.5));
      pointer(canvas, "pointermove", { clientX: x, clientY: yEnd });
      pointer(canvas, "pointerup", { clientX: x, clientY: yEnd });
      expect(model.state.cut_height).toBeCloseTo(1.5, 6);
      expect(root.dataset.nClusters).toBe("3");
      const n = model.saves.length;
      vi.advanceTimersByTime(500);
      expect(model.saves.length).toBe(n); // nothing trails after the release
    } finally {
      vi.useRealTimers();
    }
  });

  it("a pan writes the window once, on release; a wheel gesture once, after a pause", () => {
    vi.useFakeTimers();
    try {
      const { canvas, model, root } = mount({ view_window: [0, 2, 0, 3] });
      const fr = makeFrame("top", plotRect("top", 640, 420, { title: false, labelBand: 40 }), [0, 2, 0, 3]);
      // Press on empty space above the tree, drag sideways by a leaf.
      const [x, y] = fr.xy(fr.leafPos(1), fr.heightPos(2.8));
      pointer(canvas, "pointerdown", { clientX: x, clientY: y });
      for (let i = 1; i <= 10; i++) {
        pointer(canvas, "pointermove", { clientX: x - i * (fr.leafPos(1) - fr.leafPos(0)) / 10, clientY: y });
        vi.advanceTimersByTime(50);
      }
      expect(model.saves).toEqual([]);
      expect(root.dataset.viewWindow?.startsWith("1,3,")).toBe(true);
      pointer(canvas, "pointerup", { clientX: x - (fr.leafPos(1) - fr.leafPos(0)), clientY: y });
      expect(model.saves.length).toBe(1);
      expect(model.state.view_window[0]).toBeCloseTo(1, 9);
      expect(model.state.selection).toEqual([]); // a pan is no click
      // Wheel: ten notches, no write until the wheel rests.
      for (let i = 0; i < 10; i++) {
        canvas.dispatchEvent(new WheelEvent("wheel", { deltaY: 100, clientX: x, clientY: y, bubbles: true, cancelable: true }));
        vi.advanceTimersByTime(50);
      }
      expect(model.saves.length).toBe(1);
      vi.advanceTimersByTime(200);
      expect(model.saves.length).toBe(2);
      // The leaf axis all the way out: its heights fitted to every leaf, the whole tree ([]).
      expect(model.state.view_window).toEqual([]);
      vi.advanceTimersByTime(1000);
      expect(model.saves.length).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("the search box shows the state's query: typing searches, Escape on the view clears it", () => {
    vi.useFakeTimers();
    try {
      const { root, model } = mount();
      const input = /** @type {HTMLInputElement} */ (root.querySelector("input"));
      const count = /** @type {HTMLElement} */ (root.querySelector(".dendrowidget-matches"));
      input.value = "AN";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      expect(root.dataset.matches).toBe(""); // waits for a pause in the typing
      vi.advanceTimersByTime(100);
      expect(root.dataset.matches).toBe("1"); // banana
      expect(count.textContent).toBe("1 match");
      expect(input.value).toBe("AN"); // as typed
      root.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
      expect(input.value).toBe("");
      expect(count.textContent).toBe("");
      expect(root.dataset.matches).toBe("");
      expect(model.saves).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("an unfocused view leaves the wheel to the page (once saying how to zoom); focused or with Ctrl it zooms", () => {
    const { root, canvas, model } = mount();
    const hint = /** @type {HTMLElement} */ (root.querySelector(".dendrowidget-hint"));
    /** @param {Record<string, any>} init */
    const wheel = (init) => {
      const e = new WheelEvent("wheel", { deltaY: -100, bubbles: true, cancelable: true });
      // happy-dom's WheelEvent takes no position nor modifier keys from its init: set them.
      for (const [k, v] of Object.entries({ clientX: 300, clientY: 200, ...init })) Object.defineProperty(e, k, { value: v });
      canvas.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(hint.hidden).toBe(true);
    expect(wheel({})).toBe(false);
    expect(root.dataset.viewWindow).toBe("");
    expect(hint.hidden).toBe(false);
    expect(hint.textContent).toMatch(/click.*ctrl.*zoom/i);
    expect(wheel({ ctrlKey: true })).toBe(true); // a pinch, or Ctrl held
    expect(root.dataset.viewWindow).not.toBe("");
    model.fromPython("view_window", []);
    root.focus();
    expect(wheel({})).toBe(true);
    expect(root.dataset.viewWindow).not.toBe("");
  });

  it("inside a shadow root (marimo), a focused view zooms on the wheel", () => {
    const host = document.createElement("div");
    document.body.append(host);
    const shadow = host.attachShadow({ mode: "open" });
    const el = document.createElement("div");
    shadow.append(el);
    const model = fakeModel(state());
    cleanups.push(/** @type {() => void} */ (widget.render(/** @type {any} */ ({ model, el, signal: new AbortController().signal }))));
    const root = /** @type {HTMLElement} */ (el.querySelector(".dendrowidget"));
    const canvas = /** @type {HTMLCanvasElement} */ (root.querySelector("canvas"));
    root.focus();
    expect(shadow.activeElement).toBe(root);
    expect(document.activeElement).not.toBe(root); // the document sees only the shadow host
    const e = new WheelEvent("wheel", { deltaY: -100, bubbles: true, cancelable: true });
    for (const [k, v] of Object.entries({ clientX: 300, clientY: 200 })) Object.defineProperty(e, k, { value: v });
    canvas.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(root.dataset.viewWindow).not.toBe("");
  });

  it("a double-click zooms and keeps the selection its clicks changed", () => {
    const { canvas, model } = mount({ selection: [0, 3] });
    const fr = frameFor();
    const [x, y] = fr.xy(fr.leafPos(3), fr.heightPos(2)); // node 5's bar
    for (const type of ["pointerdown", "pointerup", "pointerdown", "pointerup"]) pointer(canvas, type, { clientX: x, clientY: y });
    expect(model.state.selection).toEqual([5]); // the clicks selected node 5 ...
    canvas.dispatchEvent(new MouseEvent("dblclick", { bubbles: true, clientX: x, clientY: y }));
    expect(model.state.selection).toEqual([0, 3]); // ... the double-click puts the selection back
    expect(model.state.view_window).toEqual([2, 4, 0, 2 * 1.05]);
  });

  it("shift-drag brushes the leaves it covers; the band selects a cluster", () => {
    const { canvas, model } = mount();
    const fr = frameFor();
    const [x0, y] = fr.xy(fr.leafPos(0.2), fr.heightPos(4));
    const [x1] = fr.xy(fr.leafPos(2.7), fr.heightPos(4));
    pointer(canvas, "pointerdown", { clientX: x0, clientY: y, shiftKey: true });
    pointer(canvas, "pointermove", { clientX: (x0 + x1) / 2, clientY: y, shiftKey: true });
    pointer(canvas, "pointermove", { clientX: x1, clientY: y, shiftKey: true });
    pointer(canvas, "pointerup", { clientX: x1, clientY: y, shiftKey: true });
    expect(model.state.selection).toEqual([4, 2]); // leaves 0, 1 (node 4) and 2
    expect(model.state.view_window).toEqual([]); // no pan
    // The band under the leaves: cluster 2 is leaves 2 and 3, node 5.
    const [bx, by] = fr.xy(fr.leafPos(3.5), fr.plot.y + fr.plot.h + 8);
    pointer(canvas, "pointerdown", { clientX: bx, clientY: by });
    pointer(canvas, "pointerup", { clientX: bx, clientY: by });
    expect(model.state.selection).toEqual([5]);
  });

  it("Enter steps through the matches (3 / 10), Ctrl+Enter and Select select them", () => {
    const { root, model } = mount({ _labels: labelsPayload(["ab", "ab", "x", "ab"]) });
    const input = /** @type {HTMLInputElement} */ (root.querySelector("input"));
    const count = /** @type {HTMLElement} */ (root.querySelector(".dendrowidget-matches"));
    const select = /** @type {HTMLButtonElement} */ ([...root.querySelectorAll("button")].find((b) => b.textContent === "Select"));
    expect(select.disabled).toBe(true);
    input.value = "AB";
    /** @param {Record<string, any>} init */
    const key = (init) => input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true, ...init }));
    key({});
    expect(count.textContent).toBe("1 / 3");
    expect(model.state.search).toBe("AB");
    key({});
    key({});
    expect(count.textContent).toBe("3 / 3");
    key({ shiftKey: true });
    expect(count.textContent).toBe("2 / 3");
    key({ ctrlKey: true });
    expect(model.state.selection).toEqual([4, 3]);
    model.fromPython("selection", []);
    expect(select.disabled).toBe(false);
    select.click();
    expect(model.state.selection).toEqual([4, 3]);
    model.fromPython("search", "x");
    expect(input.value).toBe("x");
    expect(count.textContent).toBe("1 match");
  });

  it("cleanup removes the DOM and every listener", () => {
    const { model, el, cleanup, canvas } = mount();
    const before = model.count();
    expect(before).toBeGreaterThan(5);
    cleanup();
    cleanups.length = 0;
    expect(model.count()).toBe(0);
    expect(el.querySelector(".dendrowidget")).toBeNull();
    // Events on the detached canvas do nothing (listeners aborted).
    pointer(canvas, "pointerdown", { clientX: 100, clientY: 100 });
    pointer(canvas, "pointerup", { clientX: 100, clientY: 100 });
    expect(model.saves.length).toBe(0);
  });

  it("shows the busy indicator while Python works", () => {
    const { root, model } = mount();
    const busy = /** @type {HTMLElement} */ (root.querySelector(".dendrowidget-busy"));
    expect(busy.hidden).toBe(true);
    model.fromPython("busy", true);
    expect(busy.hidden).toBe(false);
    expect(root.classList.contains("is-busy")).toBe(true);
  });

  it("Suggest asks Python for a per-branch cut of the typed size (and the scores, when missing)", () => {
    const { root, model } = mount();
    const button = /** @type {HTMLButtonElement} */ (root.querySelector(".dendrowidget-suggest button"));
    const size = /** @type {HTMLInputElement} */ (root.querySelector(".dendrowidget-min-size"));
    expect(button.textContent).toBe("Suggest");
    expect(size.value).toBe("5");
    button.click();
    expect(model.sent).toEqual([{ type: "cut_branches", min_cluster_size: 5 }, { type: "suggest" }]);
    model.sent.length = 0;
    model.fromPython("_suggestions", { k: [2, 3], height: [4, 2], silhouette: [0.5, 0.4], best: [4] });
    size.value = "12.4";
    size.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    expect(model.sent).toEqual([{ type: "cut_branches", min_cluster_size: 12 }]);
    // Nonsense falls back to 5 and the box shows it; the view's keys never see the box's keys.
    model.sent.length = 0;
    size.value = "-3";
    size.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowUp", bubbles: true, cancelable: true }));
    expect(model.saves).toEqual([]);
    button.click();
    expect(size.value).toBe("5");
    expect(model.sent).toEqual([{ type: "cut_branches", min_cluster_size: 5 }]);
  });

  it("a page with no kernel hides Suggest", () => {
    const model = fakeModel(state());
    Object.assign(model, { kernel: false });
    const el = document.createElement("div");
    document.body.append(el);
    cleanups.push(/** @type {() => void} */ (widget.render(/** @type {any} */ ({ model, el, signal: new AbortController().signal }))));
    const box = /** @type {HTMLElement} */ (el.querySelector(".dendrowidget-suggest"));
    expect(box.hidden).toBe(true);
  });
});

/** A heatmap column and a strip (with hostile names) for the four-leaf tree. */
function dataPayloads() {
  const stats = new Float64Array([1, Math.sqrt(2 / 3), 0, 2, -1.2247, 1.2247, 0, 1]);
  return {
    _heatmap: {
      n: 4, columns: ["x"], scale: "zscore", range: [-3, 3], dtype: "uint8", missing: 255,
      codes: new DataView(new Uint8Array([0, 1, 2, 255]).buffer),
      stat_fields: ["mean", "std", "min", "max", "offset", "step", "raw_offset", "raw_step"],
      stats: new DataView(stats.buffer), split: false,
    },
    _annotations: {
      n: 4, split: false,
      columns: [{
        name: HOSTILE, kind: "categorical", palette: "qualitative", dtype: "uint8", missing: 255,
        codes: new DataView(new Uint8Array([0, 0, 1, 1]).buffer), categories: [HOSTILE, "b"],
      }],
    },
  };
}

describe("the data beside the tree", () => {
  /** The frame the view draws with data beside the tree (happy-dom: no measured names, no legend). */
  function dataFrame() {
    const { plot } = dataPlot("top", 640, 420, { title: false, labelBand: 40, side: leafSide(true), leafTitle: false }, {
      strips: 1, columns: 1, colTree: false, nameW: 0, legendW: 0,
    });
    return makeFrame("top", plot, fullWindow(4, 5));
  }

  it("says how many columns it draws; none without payloads", () => {
    expect(mount().root.dataset.heatmapColumns).toBe("0");
    const { root, model } = mount(dataPayloads());
    expect(root.dataset.heatmapColumns).toBe("1");
    expect(root.dataset.annotationColumns).toBe("1");
    model.fromPython("_heatmap", {});
    expect(root.dataset.heatmapColumns).toBe("0");
    expect(root.dataset.annotationColumns).toBe("1");
  });

  it("tells Python once it has drawn a large heatmap's block sums (for the codes), and keeps compare mode", async () => {
    const whole = dataPayloads();
    const { codes: _codes, ...rest } = whole._heatmap;
    const later = {
      ...rest, block: 16, detail: "later",
      sums: new DataView(new Uint32Array([3]).buffer), counts: new DataView(new Uint32Array([3]).buffer),
    };
    const { root, model } = mount({ ...whole, _heatmap: later });
    expect(root.hasAttribute("data-heatmap-later")).toBe(true);
    expect(root.dataset.heatmapColumns).toBe("1");
    expect(model.sent).toEqual([]); // not before the first frame is on screen
    await new Promise((r) => setTimeout(r, 1100));
    expect(model.sent).toEqual([{ type: "drawn" }]);
    const panel = /** @type {HTMLElement} */ (root.querySelector(".dendrowidget-explain"));
    model.fromPython("selection", [4]);
    expect(panel.textContent).toContain("reading the data");
    root.dispatchEvent(new KeyboardEvent("keydown", { key: "c", bubbles: true, cancelable: true }));
    expect(root.hasAttribute("data-compare")).toBe(true);
    model.fromPython("_heatmap", whole._heatmap);
    expect(root.hasAttribute("data-heatmap-later")).toBe(false);
    expect(root.hasAttribute("data-compare")).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
    expect(model.sent).toEqual([{ type: "drawn" }]); // once per view, whatever changes
  });

  it("on a page with no kernel, says block sums will not turn into codes", () => {
    const whole = dataPayloads();
    const { codes: _codes, ...rest } = whole._heatmap;
    const later = {
      ...rest, block: 16, detail: "later",
      sums: new DataView(new Uint32Array([3]).buffer), counts: new DataView(new Uint32Array([3]).buffer),
    };
    const model = fakeModel(state({ ...whole, _heatmap: later }));
    Object.assign(model, { kernel: false });
    const el = document.createElement("div");
    document.body.append(el);
    cleanups.push(/** @type {() => void} */ (widget.render(/** @type {any} */ ({ model, el, signal: new AbortController().signal }))));
    const root = /** @type {HTMLElement} */ (el.querySelector(".dendrowidget"));
    model.fromPython("selection", [4]);
    const panel = /** @type {HTMLElement} */ (root.querySelector(".dendrowidget-explain"));
    expect(panel.textContent).toContain("re-run the cell and save");
    expect(panel.textContent).not.toContain("reading the data");
  });

  it("tells Python it has drawn once, after its first frame, with or without a heatmap", async () => {
    const { model } = mount(dataPayloads());
    expect(model.sent).toEqual([]);
    await new Promise((r) => setTimeout(r, 1100));
    expect(model.sent).toEqual([{ type: "drawn" }]);
  });

  it("explains the selection against the rest beside the toolbar, names as text only", () => {
    const { root, model } = mount(dataPayloads());
    const panel = /** @type {HTMLElement} */ (root.querySelector(".dendrowidget-explain"));
    expect(panel.hidden).toBe(true);
    model.fromPython("selection", [4]); // leaves 0 and 1
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toContain("2 selected vs rest (2):");
    expect(panel.textContent).toContain(`${HOSTILE} ${HOSTILE} 100% vs 0%`);
    expect(panel.textContent).toContain("x -1.8 sd"); // mean 0.5 vs 2 over std 0.816
    expect(root.querySelector("img")).toBeNull();
    expect(model.saves).toEqual([]);
  });

  it("compare mode: c, then a click picks the other subtree instead of selecting; Escape leaves", () => {
    const { root, model, canvas } = mount({ ...dataPayloads(), selection: [0] });
    const panel = /** @type {HTMLElement} */ (root.querySelector(".dendrowidget-explain"));
    const button = /** @type {HTMLButtonElement} */ (root.querySelector("button[aria-pressed]"));
    expect(button.disabled).toBe(false);
    root.dispatchEvent(new KeyboardEvent("keydown", { key: "c", bubbles: true, cancelable: true }));
    expect(root.hasAttribute("data-compare")).toBe(true);
    expect(button.getAttribute("aria-pressed")).toBe("true");
    expect(panel.textContent).toContain("point at a subtree");
    const fr = dataFrame();
    const [x, y] = fr.xy(fr.leafPos(3), fr.heightPos(2)); // the bar of node 5 = (2, 3)
    pointer(canvas, "pointerdown", { clientX: x, clientY: y });
    pointer(canvas, "pointerup", { clientX: x, clientY: y });
    expect(model.state.selection).toEqual([0]); // the selection stays
    expect(panel.textContent).toContain("1 selected vs 2:");
    root.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
    expect(root.hasAttribute("data-compare")).toBe(false);
    expect(panel.textContent).toContain("1 selected vs rest (3):");
    expect(model.state.selection).toEqual([0]); // Escape left compare mode only
    button.click();
    expect(root.hasAttribute("data-compare")).toBe(true);
    expect(model.saves).toEqual([]);
  });

  it("hovering a node lists what sets it apart from its sibling", () => {
    const { root, canvas } = mount(dataPayloads());
    const fr = dataFrame();
    const [x, y] = fr.xy(fr.leafPos(1), fr.heightPos(1)); // node 4's bar
    pointer(canvas, "pointermove", { clientX: x, clientY: y });
    const tip = /** @type {HTMLElement} */ (root.parentElement?.querySelector(".dendrowidget-tooltip"));
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain("vs sibling");
    expect(tip.textContent).toContain("x-1.8 sd");
  });
});

it("the panel tells a kept comparison from one pointed at, even on the same subtree", () => {
  const { root, canvas } = mount({ ...dataPayloads(), selection: [0] });
  const panel = /** @type {HTMLElement} */ (root.querySelector(".dendrowidget-explain"));
  root.dispatchEvent(new KeyboardEvent("keydown", { key: "c", bubbles: true, cancelable: true }));
  const { plot } = dataPlot("top", 640, 420, { title: false, labelBand: 40, side: leafSide(true), leafTitle: false }, {
    strips: 1, columns: 1, colTree: false, nameW: 0, legendW: 0,
  });
  const fr = makeFrame("top", plot, fullWindow(4, 5));
  const [x, y] = fr.xy(fr.leafPos(3), fr.heightPos(2));
  pointer(canvas, "pointermove", { clientX: x, clientY: y });
  expect(panel.textContent).toContain("1 selected vs 2 (pointed at):");
  pointer(canvas, "pointerdown", { clientX: x, clientY: y });
  pointer(canvas, "pointerup", { clientX: x, clientY: y });
  expect(panel.textContent).toContain("1 selected vs 2:");
});
