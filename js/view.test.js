// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import widget from "./widget.js";
import { makeFrame, plotRect } from "./frame.js";
import { fullWindow } from "./zoom.js";
import { encodeLabels } from "./testing.js";

/** A model like anywidget's: get/set/save_changes/on/off, with change events on set. */
function fakeModel(/** @type {Record<string, any>} */ state) {
  /** @type {Map<string, Set<Function>>} */
  const listeners = new Map();
  const saves = /** @type {Record<string, any>[]} */ ([]);
  const sent = /** @type {any[]} */ ([]);
  let pending = /** @type {Record<string, any>} */ ({});
  return {
    state,
    saves,
    sent,
    listeners,
    send: (/** @type {any} */ content) => sent.push(content),
    get: (/** @type {string} */ k) => state[k],
    set(/** @type {string} */ k, /** @type {any} */ v) {
      state[k] = v;
      pending[k] = v;
      for (const f of listeners.get(`change:${k}`) ?? []) f();
    },
    save_changes() {
      saves.push(pending);
      pending = {};
    },
    on(/** @type {string} */ e, /** @type {Function} */ f) {
      if (!listeners.has(e)) listeners.set(e, new Set());
      listeners.get(e)?.add(f);
    },
    off(/** @type {string} */ e, /** @type {Function} */ f) {
      listeners.get(e)?.delete(f);
    },
    count() {
      let k = 0;
      for (const s of listeners.values()) k += s.size;
      return k;
    },
  };
}

/** Labels payload as Python sends it: UTF-8 bytes and n+1 offsets, as DataViews. */
function labelsPayload(/** @type {string[]} */ words) {
  const { text, offsets } = encodeLabels(words);
  return { text: new DataView(text.buffer), offsets: new DataView(offsets.buffer) };
}

const HOSTILE = "<img src=x onerror=alert(1)>";

/** Four leaves: ((0, 1) at 1, (2, 3) at 2) at 5. */
function state(/** @type {Record<string, any>} */ extra = {}) {
  return {
    _tree: {
      n: 4,
      left: new DataView(new Int32Array([0, 2, 4]).buffer),
      right: new DataView(new Int32Array([1, 3, 5]).buffer),
      height: new DataView(new Float64Array([1, 2, 5]).buffer),
    },
    _labels: labelsPayload(["apple", HOSTILE, "banana", "cherry"]),
    _tooltips: { columns: ["genus"], values: [["Malus", "Evil", "Musa", "Prunus"]] },
    cut_height: 3,
    selection: [],
    view_window: [],
    orientation: "top",
    height: 420,
    title: "",
    axis_label: "distance",
    palette: ["#0072B2", "#E69F00"],
    busy: false,
    ...extra,
  };
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

/** Where the view draws things (same frame maths as the view, at happy-dom's fallback size). */
function frameFor(n = 4, top = 5) {
  const width = 640;
  // happy-dom has no 2D context: the view measures no labels and keeps its 40 px default band.
  return makeFrame("top", plotRect("top", width, 420, { title: false, labelBand: 40 }), fullWindow(n, top));
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
    model.set("cut_height", 1.5);
    expect(root.dataset.cutHeight).toBe("1.5");
    expect(root.dataset.nClusters).toBe("3");
    model.set("cut_height", 1);
    expect(root.dataset.nClusters).toBe("3"); // equality joins
    model.set("selection", [4]);
    expect(root.dataset.selection).toBe("4");
    model.set("view_window", [0, 2, 0, 3]);
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
    model.set("busy", true);
    expect(busy.hidden).toBe(false);
    expect(root.classList.contains("is-busy")).toBe(true);
  });
});
