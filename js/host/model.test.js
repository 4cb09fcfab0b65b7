import { describe, expect, it, vi } from "vitest";
import { decodeState, fromBase64, makeModel } from "./model.js";

describe("page model", () => {
  it("fires change:<key> then change on a new value, nothing for the same value", () => {
    const m = makeModel({ a: 1 });
    const seen = /** @type {string[]} */ ([]);
    const onA = () => seen.push(`a=${m.get("a")}`);
    m.on("change:a", onA);
    m.on("change", () => seen.push("change"));
    m.set("a", 2);
    m.set("a", 2);
    expect(seen).toEqual(["a=2", "change"]);
    m.off("change:a", onA);
    m.set("a", 3);
    expect(seen).toEqual(["a=2", "change", "change"]);
    m.off();
    m.set("a", 4);
    expect(seen.length).toBe(3);
  });

  it("off(event) drops that event's listeners only; save_changes and send go nowhere", () => {
    const m = makeModel({ a: 1, b: 1 });
    const a = vi.fn(), b = vi.fn();
    m.on("change:a", a);
    m.on("change:b", b);
    m.off("change:a");
    m.set("a", 2);
    m.set("b", 2);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    m.save_changes();
    m.send({ type: "anything" });
    expect(m.saves()).toBe(1);
  });
});

describe("saved widget state", () => {
  it("decodes base64 (and hex) buffers into DataViews at their paths", () => {
    const left = new Int32Array([0, 2, -1]);
    const b64 = Buffer.from(left.buffer).toString("base64");
    const hex = Buffer.from(new Float64Array([1.5]).buffer).toString("hex");
    const state = { _tree: { n: 4 }, title: "t" };
    const out = decodeState(state, [
      { path: ["_tree", "left"], encoding: "base64", data: b64 },
      { path: ["_tree", "height"], encoding: "hex", data: hex },
      { path: ["missing", "deep"], encoding: "base64", data: b64 },
      { path: [], encoding: "base64", data: b64 },
    ]);
    const dv = out._tree.left;
    expect(dv).toBeInstanceOf(DataView);
    expect([0, 1, 2].map((i) => dv.getInt32(4 * i, true))).toEqual([0, 2, -1]);
    expect(out._tree.height.getFloat64(0, true)).toBe(1.5);
    expect(out.missing).toBeUndefined();
    expect(state._tree).toEqual({ n: 4 }); // the saved state itself is not changed
  });

  it("fromBase64 matches the bytes, with or without the native decoder", () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 255);
    const text = Buffer.from(bytes).toString("base64");
    expect([...fromBase64(text)]).toEqual([...bytes]);
    const native = /** @type {any} */ (Uint8Array).fromBase64;
    /** @type {any} */ (Uint8Array).fromBase64 = undefined;
    try {
      expect([...fromBase64(text)]).toEqual([...bytes]);
    } finally {
      /** @type {any} */ (Uint8Array).fromBase64 = native;
    }
  });
});
