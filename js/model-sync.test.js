import { describe, expect, it, vi } from "vitest";
import { listenModel } from "./model-sync.js";
import { createState } from "./state/state.js";
import { fakeModel, fourLeaves } from "./state/fake-model.js";
import { INPUTS, SYNCED } from "./state/synced.js";

describe("listenModel", () => {
  it("routes every synced trait to adopt and every input to reload, and stops", () => {
    const model = fakeModel(fourLeaves());
    const state = { adopt: vi.fn(), reload: vi.fn() };
    const stop = listenModel(/** @type {any} */ (model), /** @type {any} */ (state));
    for (const key of Object.keys(SYNCED)) model.fromPython(key, model.get(key));
    for (const key of Object.keys(INPUTS)) model.fromPython(key, model.get(key));
    expect(state.adopt.mock.calls.map((c) => c[0])).toEqual(Object.keys(SYNCED));
    expect(state.reload.mock.calls.map((c) => c[0])).toEqual(Object.values(INPUTS));
    stop();
    expect(model.count()).toBe(0);
  });

  it("Python's values reach the state without a write back; a drag keeps its own", () => {
    const model = fakeModel(fourLeaves());
    /** @type {string[]} */
    const changes = [];
    const state = createState(/** @type {any} */ (model), (what) => changes.push(what));
    listenModel(/** @type {any} */ (model), state);
    model.fromPython("cut_height", 1.5);
    model.fromPython("title", "Fruit");
    model.fromPython("orientation", "sideways");
    expect(state.cut).toBe(1.5);
    expect(state.opts.title).toBe("Fruit");
    expect(state.opts.orientation).toBe("top"); // invalid reads as the default
    state.setCut(2, { final: false });
    model.fromPython("cut_height", 4);
    expect(state.cut).toBe(2);
    state.setCut(2.5, { final: true }); // its own echo is adopted as no change
    expect(state.cut).toBe(2.5);
    expect(model.saves.at(-1)).toEqual({ cut_height: 2.5 });
    expect(changes).toEqual(["cut_height", "options", "options", "cut_height", "cut_height"]);
  });
});
