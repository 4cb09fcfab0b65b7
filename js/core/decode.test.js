import { describe, expect, it } from "vitest";
import { decodeTree, float64, int32, makeLabels, tooltipLines, uint32 } from "./decode.js";
import { encodeLabels } from "./testing.js";

/** Bytes of `arr` placed at an odd offset inside a bigger buffer, seen through a DataView. */
function unaligned(/** @type {ArrayBufferView} */ arr, pad = 3) {
  const bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
  const buf = new ArrayBuffer(bytes.length + pad + 5);
  new Uint8Array(buf).set(bytes, pad);
  return new DataView(buf, pad, bytes.length);
}

describe("typed arrays from DataViews", () => {
  it("views aligned data without copying", () => {
    const src = new Float64Array([1.5, 2.5, -3]);
    const dv = new DataView(src.buffer);
    const out = float64(dv);
    expect(Array.from(out)).toEqual([1.5, 2.5, -3]);
    expect(out.buffer).toBe(src.buffer);
  });

  it("copies unaligned data", () => {
    const f = float64(unaligned(new Float64Array([0.1, 1e300, -0])));
    expect(Array.from(f)).toEqual([0.1, 1e300, -0]);
    expect(Array.from(int32(unaligned(new Int32Array([7, -1, 2 ** 31 - 1]), 1)))).toEqual([7, -1, 2 ** 31 - 1]);
    expect(Array.from(uint32(unaligned(new Uint32Array([0, 4294967295]), 2)))).toEqual([0, 4294967295]);
  });

  it("keeps float64 exact (no rounding through float32)", () => {
    const v = [1 + 2 ** -52, 0.30000000000000004];
    expect(Array.from(float64(unaligned(new Float64Array(v))))).toEqual(v);
  });
});

describe("decodeTree", () => {
  it("decodes the _tree payload", () => {
    const t = decodeTree({
      n: 3,
      left: new DataView(new Int32Array([0, 2]).buffer),
      right: unaligned(new Int32Array([1, 3])),
      height: unaligned(new Float64Array([1, 2])),
    });
    expect(t.n).toBe(3);
    expect(Array.from(t.right)).toEqual([1, 3]);
    expect(Array.from(t.height)).toEqual([1, 2]);
  });

  it("rejects a tree whose buffers do not match n", () => {
    expect(() => decodeTree({ n: 4, left: [0], right: [1], height: [1] })).toThrow(/3 merges/);
  });

  it("gives an empty tree for an empty payload", () => {
    expect(decodeTree({}).n).toBe(0);
  });
});

describe("labels", () => {
  const words = ["apple", "Äpfel", "", "🍌 banana", "<img src=x onerror=alert(1)>"];
  const { text, offsets } = encodeLabels(words);

  it("decodes UTF-8 per row, from unaligned views", () => {
    const labels = makeLabels({ text: unaligned(text, 1), offsets: unaligned(offsets, 1) }, words.length);
    expect(words.map((_, r) => labels.get(r))).toEqual(words);
    expect(labels.isDefault).toBe(false);
  });

  it("caches: the same string object comes back", () => {
    const labels = makeLabels({ text: new DataView(text.buffer), offsets: new DataView(offsets.buffer) }, words.length);
    const a = labels.get(3);
    expect(labels.get(3)).toBe(a);
    expect(labels.lowerAll()).toBe(labels.lowerAll());
    expect(labels.lowerAll()[1]).toBe("äpfel");
  });

  it("defaults to the row position", () => {
    const labels = makeLabels({}, 12);
    expect(labels.get(11)).toBe("11");
    expect(labels.isDefault).toBe(true);
    expect(labels.lowerAll().length).toBe(12);
  });

  it("tooltip lines per row", () => {
    const tips = { columns: ["genus", "weight"], values: [["Malus", "Musa"], ["150", "120"]] };
    expect(tooltipLines(tips, 1)).toEqual([["genus", "Musa"], ["weight", "120"]]);
    expect(tooltipLines({}, 0)).toEqual([]);
  });
});
