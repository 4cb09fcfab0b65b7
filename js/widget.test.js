// @vitest-environment happy-dom
// The view before its tree arrives (src/dendrowidget/_display.py sends it after the display
// message): a placeholder that asks for it once, then the real view.
import { afterEach, describe, expect, it } from "vitest";
import widget from "./widget.js";
import { fakeModel, fourLeaves } from "./state/fake-model.js";

afterEach(() => {
  document.body.replaceChildren();
});

function mount(/** @type {Record<string, any>} */ state) {
  const model = fakeModel(state);
  const el = document.createElement("div");
  document.body.append(el);
  const cleanup = /** @type {() => void} */ (
    widget.render(/** @type {any} */ ({ model, el, signal: new AbortController().signal }))
  );
  return { model, el, cleanup };
}

/** The four-leaf model without its tree, as a kernel's comm_open has it; and the tree. */
function withheld(/** @type {Record<string, any>} */ extra = {}) {
  const whole = fourLeaves(extra);
  const tree = whole._tree;
  delete whole._tree;
  return { state: whole, tree };
}

describe("a view whose tree has not arrived", () => {
  it("shows a placeholder, asks for the tree once, and becomes the view when it arrives", () => {
    const { state, tree } = withheld({ cut_height: 2.5 });
    const { model, el, cleanup } = mount(state);
    const box = /** @type {HTMLElement} */ (el.querySelector(".dendrowidget-pending"));
    expect(box.textContent).toContain("receiving the tree");
    expect(el.querySelector(".dendrowidget")).toBeNull();
    expect(model.sent).toEqual([{ type: "tree" }]);
    model.fromPython("_labels", state._labels); // other traits may change meanwhile
    expect(el.querySelector(".dendrowidget")).toBeNull();
    model.fromPython("_tree", tree);
    const root = /** @type {HTMLElement} */ (el.querySelector(".dendrowidget"));
    expect(el.querySelector(".dendrowidget-pending")).toBeNull();
    expect(root.getAttribute("data-ready")).toBe("1");
    expect(root.getAttribute("data-n-leaves")).toBe("4");
    expect(root.getAttribute("data-n-clusters")).toBe("2");
    expect(model.sent.filter((m) => m.type === "tree")).toHaveLength(1);
    const before = model.count();
    cleanup();
    expect(el.children).toHaveLength(0);
    expect(model.count()).toBeLessThan(before);
  });

  it("sits at about the view's height, so the page does not jump", () => {
    const { state } = withheld({ height: 300 });
    const { el, cleanup } = mount(state);
    const box = /** @type {HTMLElement} */ (el.querySelector(".dendrowidget-pending"));
    expect(box.style.minHeight).toBe("300px");
    cleanup();
  });

  it("cleaned up before the tree came: nothing is created later", () => {
    const { state, tree } = withheld();
    const { model, el, cleanup } = mount(state);
    cleanup();
    model.fromPython("_tree", tree);
    expect(el.children).toHaveLength(0);
    expect(model.count()).toBe(0);
  });

  it("on a saved page with no kernel, says the state was saved too early and asks nothing", () => {
    const { state } = withheld();
    const model = fakeModel(state);
    /** @type {any} */ (model).kernel = false;
    const el = document.createElement("div");
    document.body.append(el);
    widget.render(/** @type {any} */ ({ model, el, signal: new AbortController().signal }));
    expect(el.textContent).toContain("saved before the tree arrived");
    expect(model.sent).toEqual([]);
  });

  it("with its tree there at once, is the view at once and asks for nothing", () => {
    const { model, el, cleanup } = mount(fourLeaves());
    expect(el.querySelector(".dendrowidget")?.getAttribute("data-ready")).toBe("1");
    expect(el.querySelector(".dendrowidget-pending")).toBeNull();
    expect(model.sent.filter((m) => m.type === "tree")).toEqual([]);
    cleanup();
  });
});
