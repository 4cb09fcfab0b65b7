// Trees for the tests: the scipy fixtures Python writes (tests/fixtures/*.json) and synthetic
// trees big enough to catch recursion and O(leaves) frames.
import { readdirSync, readFileSync } from "node:fs";

const DIR = new URL("../../tests/fixtures/", import.meta.url);

/**
 * @typedef {object} Fixture
 * @property {string} name
 * @property {number} n
 * @property {number[]} left
 * @property {number[]} right
 * @property {number[]} height
 * @property {number[]} leaves
 * @property {[number, number, number][]} links
 * @property {{t: number, ids: number[], n_clusters: number}[]} cuts
 */

/** @returns {Fixture[]} */
export function fixtures() {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, DIR), "utf8")));
}

/**
 * @param {Fixture} f
 * @returns {import("./decode.js").Tree}
 */
export function treeOf(f) {
  return { n: f.n, left: Int32Array.from(f.left), right: Int32Array.from(f.right), height: Float64Array.from(f.height) };
}

/**
 * A chain: merge i joins the previous merge with leaf i+1, at height i+1 (depth n-1).
 * @param {number} n
 * @returns {import("./decode.js").Tree}
 */
export function caterpillar(n) {
  const left = new Int32Array(n - 1), right = new Int32Array(n - 1), height = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    left[i] = i === 0 ? 0 : n + i - 1;
    right[i] = i + 1;
    height[i] = i + 1;
  }
  return { n, left, right, height };
}

/**
 * A balanced tree: neighbours merged pairwise, level by level (height = level).
 * @param {number} n
 * @returns {import("./decode.js").Tree}
 */
export function balanced(n) {
  const left = new Int32Array(n - 1), right = new Int32Array(n - 1), height = new Float64Array(n - 1);
  let level = Int32Array.from({ length: n }, (_, i) => i);
  let next = n, h = 1;
  while (level.length > 1) {
    const up = new Int32Array(Math.ceil(level.length / 2));
    for (let j = 0; j < up.length; j++) {
      if (2 * j + 1 < level.length) {
        const i = next - n;
        left[i] = level[2 * j];
        right[i] = level[2 * j + 1];
        height[i] = h;
        up[j] = next++;
      } else {
        up[j] = level[2 * j];
      }
    }
    level = up;
    h++;
  }
  return { n, left, right, height };
}

/**
 * Labels as Python sends them: UTF-8 text of all labels end to end and n+1 byte offsets.
 * @param {string[]} words
 * @returns {{text: Uint8Array, offsets: Uint32Array}}
 */
export function encodeLabels(words) {
  const enc = new TextEncoder();
  const parts = words.map((w) => enc.encode(w));
  const offsets = new Uint32Array(words.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i] + p.length));
  const text = new Uint8Array(offsets[words.length]);
  parts.forEach((p, i) => text.set(p, offsets[i]));
  return { text, offsets };
}
